package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.voiceappoint.adapter.http.ApiClient;
import com.voiceappoint.adapter.persistence.TestPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Joining a business and staying logged in, against the running server and a real PostgreSQL: an invitation gets
 * the same answer whether or not its e-mail has an account, only the person invited can accept it, accepting twice
 * at once makes one membership, a cancellation racing an acceptance leaves one outcome, and an invitation of one
 * business is no way into another. A logout ends the access tokens of its login.
 */
class AccountsAndInvitationsTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static final int AT_ONCE = 8;

    private static LiveApi api;

    @BeforeAll
    static void start() {
        api = LiveApi.start(postgres);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static ApiClient.Response invite(LiveApi.Account owner, String email, String role) {
        return api.at("/api/v1/businesses/" + owner.businessId() + "/members")
                .token(owner.token())
                .post(Map.of("email", email, "role", role));
    }

    private static ApiClient.Response accept(LiveApi.Account invitee, String invitation) {
        return api.at("/api/v1/invitations/" + invitation + "/accept")
                .token(invitee.token())
                .raw("POST", null, null);
    }

    private static String id(ApiClient.Response response) {
        assertThat(response.status()).as(response.raw()).isBetween(200, 299);
        return response.body().get("id").asText();
    }

    private static List<String> memberIds(LiveApi.Account owner) {
        JsonNode results = api.at("/api/v1/businesses/" + owner.businessId() + "/members")
                .token(owner.token())
                .get()
                .body()
                .get("results");
        return StreamSupport.stream(results.spliterator(), false)
                .map(m -> m.get("user_id").asText())
                .toList();
    }

    private static List<String> pendingIds(LiveApi.Account owner) {
        JsonNode results = api.at("/api/v1/businesses/" + owner.businessId() + "/invitations")
                .token(owner.token())
                .get()
                .body()
                .get("results");
        return StreamSupport.stream(results.spliterator(), false)
                .map(i -> i.get("id").asText())
                .toList();
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Logs in an account registered without a business, as someone invited to work for others does. */
    private static LiveApi.Account signUpWithoutABusiness(String email) {
        var registered = api.at("/api/v1/auth/register")
                .post(Map.of("email", email, "password", LiveApi.PASSWORD, "full_name", "Sam"));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        assertThat(registered.body().has("business_id")).isFalse();
        var login = api.at("/api/v1/auth/token").post(Map.of("email", email, "password", LiveApi.PASSWORD));
        return new LiveApi.Account(
                registered.body().get("user").get("id").asText(),
                email,
                login.body().get("access").asText(),
                null);
    }

    @Test
    void inviting_an_address_with_an_account_and_one_without_gets_the_same_answer_and_adds_nobody() {
        LiveApi.Account owner = api.register("Same Answer");
        LiveApi.Account registered = api.register("Has An Account");
        String unknown = "nobody-" + System.nanoTime() + "@example.com";

        var toAccount = invite(owner, registered.email(), "staff");
        var toNobody = invite(owner, unknown, "staff");

        assertThat(toAccount.status()).as(toAccount.raw()).isEqualTo(202);
        assertThat(toNobody.status()).as(toNobody.raw()).isEqualTo(202);
        assertThat(fieldNames(toAccount.body())).isEqualTo(fieldNames(toNobody.body()));
        assertThat(toAccount.headers().keySet()).isEqualTo(toNobody.headers().keySet());
        assertThat(toAccount.body().get("role")).isEqualTo(toNobody.body().get("role"));
        assertThat(memberIds(owner)).as("nobody joins unasked").containsExactly(owner.userId());
        assertThat(pendingIds(owner)).containsExactlyInAnyOrder(id(toAccount), id(toNobody));
    }

    @Test
    void the_person_invited_accepts_and_becomes_a_member_and_nobody_else_can() {
        LiveApi.Account owner = api.register("Accepting");
        LiveApi.Account invitee = api.register("Invitee's Own");
        LiveApi.Account bystander = api.register("Bystander");
        String invitation = id(invite(owner, invitee.email(), "manager"));

        assertThat(accept(owner, invitation).status())
                .as("the inviter knows the id")
                .isEqualTo(404);
        assertThat(accept(bystander, invitation).status()).isEqualTo(404);
        assertThat(api.at("/api/v1/invitations")
                        .token(bystander.token())
                        .get()
                        .body()
                        .get("results"))
                .isEmpty();
        var mine = api.at("/api/v1/invitations").token(invitee.token()).get();
        assertThat(mine.body().get("results")).singleElement().satisfies(i -> {
            assertThat(i.get("id").asText()).isEqualTo(invitation);
            assertThat(i.get("business").get("name").asText()).isEqualTo("Accepting");
            assertThat(i.get("role").asText()).isEqualTo("manager");
        });

        var accepted = accept(invitee, invitation);

        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.body().get("business").get("id").asText()).isEqualTo(owner.businessId());
        assertThat(accepted.body().get("role").asText()).isEqualTo("manager");
        assertThat(memberIds(owner)).containsExactly(owner.userId(), invitee.userId());
        assertThat(pendingIds(owner)).isEmpty();
        assertThat(api.at("/api/v1/businesses/" + owner.businessId())
                        .token(invitee.token())
                        .get()
                        .status())
                .as("a route only members reach")
                .isEqualTo(200);
        assertThat(accept(invitee, invitation).status()).as("spent").isEqualTo(404);
    }

    @Test
    void someone_without_an_account_signs_up_without_a_business_and_accepts() {
        LiveApi.Account owner = api.register("Hiring");
        String email = "new-hire-" + System.nanoTime() + "@example.com";
        String invitation = id(invite(owner, email, "staff"));

        LiveApi.Account hire = signUpWithoutABusiness(email);

        assertThat(memberIds(owner)).as("signing up is not accepting").containsExactly(owner.userId());
        assertThat(api.at("/api/v1/invitations")
                        .token(hire.token())
                        .get()
                        .body()
                        .get("results"))
                .extracting(i -> i.get("id").asText())
                .containsExactly(invitation);
        assertThat(accept(hire, invitation).status()).isEqualTo(200);
        assertThat(api.at("/api/v1/auth/me").token(hire.token()).get().body().get("memberships"))
                .singleElement()
                .satisfies(m -> assertThat(m.get("role").asText()).isEqualTo("staff"));
    }

    @Test
    void a_declined_invitation_is_gone_and_an_expired_one_is_refused_and_kept() {
        LiveApi.Account owner = api.register("Declined");
        LiveApi.Account invitee = api.register("Declining");
        String declined = id(invite(owner, invitee.email(), "viewer"));

        assertThat(api.at("/api/v1/invitations/" + declined + "/decline")
                        .token(invitee.token())
                        .raw("POST", null, null)
                        .status())
                .isEqualTo(204);
        assertThat(pendingIds(owner)).isEmpty();

        String lapsed = id(invite(owner, invitee.email(), "viewer"));
        api.execute("update invitations set expires_at = now() - interval '1 minute' where id = '" + lapsed + "'");
        var refused = accept(invitee, lapsed);

        assertThat(refused.status()).as(refused.raw()).isEqualTo(410);
        assertThat(refused.body().get("code").asText()).isEqualTo("INVITATION_EXPIRED");
        assertThat(memberIds(owner)).containsExactly(owner.userId());
        assertThat(pendingIds(owner)).containsExactly(lapsed);
        assertThat(id(invite(owner, invitee.email(), "viewer")))
                .as("sent again, renewed")
                .isEqualTo(lapsed);
        assertThat(accept(invitee, lapsed).status()).isEqualTo(200);
    }

    @Test
    void accepting_the_same_invitation_many_times_at_once_makes_one_membership() throws Exception {
        LiveApi.Account owner = api.register("Double Accept");
        LiveApi.Account invitee = api.register("Eager");
        String invitation = id(invite(owner, invitee.email(), "staff"));

        List<Integer> statuses =
                atOnce(AT_ONCE, n -> accept(invitee, invitation).status());

        assertThat(statuses).containsOnly(200, 404);
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(memberIds(owner)).containsExactly(owner.userId(), invitee.userId());
        assertThat(pendingIds(owner)).isEmpty();
    }

    @Test
    void a_cancellation_racing_an_acceptance_leaves_one_outcome() throws Exception {
        LiveApi.Account owner = api.register("Changed Mind");
        for (int round = 0; round < 5; round++) {
            LiveApi.Account invitee = api.register("Maybe " + round);
            String invitation = id(invite(owner, invitee.email(), "viewer"));

            List<Integer> statuses = atOnce(
                    2,
                    n -> n == 0
                            ? accept(invitee, invitation).status()
                            : api.at("/api/v1/businesses/" + owner.businessId() + "/invitations/" + invitation)
                                    .token(owner.token())
                                    .delete()
                                    .status());

            boolean accepted = statuses.get(0) == 200;
            boolean cancelled = statuses.get(1) == 204;
            assertThat(accepted ^ cancelled)
                    .as("exactly one wins: %s", statuses)
                    .isTrue();
            assertThat(statuses).containsAnyOf(404);
            assertThat(memberIds(owner).contains(invitee.userId())).isEqualTo(accepted);
            assertThat(pendingIds(owner)).doesNotContain(invitation);
        }
    }

    @Test
    void an_invitation_of_one_business_is_no_way_into_another() {
        LiveApi.Account first = api.register("First Tenant");
        LiveApi.Account second = api.register("Second Tenant");
        LiveApi.Account invitee = api.register("Invited To First");
        String invitation = id(invite(first, invitee.email(), "admin"));

        assertThat(api.at("/api/v1/businesses/" + second.businessId() + "/invitations/" + invitation)
                        .token(second.token())
                        .delete()
                        .status())
                .as("another business cannot cancel it")
                .isEqualTo(404);
        assertThat(api.at("/api/v1/businesses/" + first.businessId() + "/invitations/" + invitation)
                        .token(second.token())
                        .delete()
                        .status())
                .as("nor reach it through the first's path")
                .isEqualTo(404);
        assertThat(pendingIds(second)).doesNotContain(invitation);

        assertThat(accept(invitee, invitation).status()).isEqualTo(200);

        assertThat(memberIds(first)).contains(invitee.userId());
        assertThat(memberIds(second)).doesNotContain(invitee.userId());
        assertThat(api.at("/api/v1/businesses/" + second.businessId())
                        .token(invitee.token())
                        .get()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void a_logout_ends_the_access_tokens_of_its_login_and_no_other() {
        LiveApi.Account account = api.register("Logging Out");
        var phone = api.at("/api/v1/auth/token").post(Map.of("email", account.email(), "password", LiveApi.PASSWORD));
        String phoneAccess = phone.body().get("access").asText();
        assertThat(api.at("/api/v1/auth/me").token(phoneAccess).get().status()).isEqualTo(200);

        assertThat(api.at("/api/v1/auth/logout")
                        .post(Map.of("refresh", phone.body().get("refresh").asText()))
                        .status())
                .isEqualTo(204);

        var after = api.at("/api/v1/auth/me").token(phoneAccess).get();
        assertThat(after.status()).isEqualTo(401);
        assertThat(after.body().get("code").asText()).isEqualTo("INVALID_TOKEN");
        assertThat(api.at("/api/v1/auth/me").token(account.token()).get().status())
                .as("the login register() made")
                .isEqualTo(200);
    }

    /** {@code count} calls released together; the answers in call order. */
    private static <T> List<T> atOnce(int count, IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch ready = new CountDownLatch(count);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> answers = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                int which = n;
                Callable<T> task = () -> {
                    ready.countDown();
                    go.await();
                    return call.apply(which);
                };
                answers.add(pool.submit(task));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> answer : answers) {
                results.add(answer.get(60, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
