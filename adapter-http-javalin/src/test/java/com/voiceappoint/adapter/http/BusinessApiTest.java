package com.voiceappoint.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BusinessApiTest {
    @RegisterExtension
    static final TestServer server = new TestServer();

    private final ApiClient api = server.client();

    private ApiClient.Response patch(String path, String token, String json) {
        return api.at(path).token(token).raw("PATCH", json, "application/json");
    }

    @Test
    void an_owner_lists_founds_reads_changes_and_closes_businesses() {
        TestServer.Owner owner = server.owner("founder@example.com", "First Place");

        var created = api.at("/api/v1/businesses/")
                .token(owner.token())
                .post(Map.of(
                        "name",
                        "Second Place",
                        "business_type",
                        "spa",
                        "timezone",
                        "Asia/Kathmandu",
                        "currency",
                        "NPR",
                        "country",
                        "NP"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String second = created.body().get("id").asText();
        assertThat(created.body().get("policy").get("slot_step_minutes").asInt())
                .isEqualTo(15);

        var mine = api.at("/api/v1/businesses").token(owner.token()).get();
        assertThat(mine.body().get("results")).hasSize(2);

        var changed = patch(
                "/api/v1/businesses/" + second + "/",
                owner.token(),
                "{\"name\": \"Second Place Spa\", \"maximum_advance_days\": 30, \"allow_voice_booking\": false}");
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.body().get("name").asText()).isEqualTo("Second Place Spa");
        assertThat(changed.body().get("slug").asText()).isEqualTo("second-place");
        assertThat(changed.body().get("policy").get("maximum_advance_days").asInt())
                .isEqualTo(30);
        assertThat(changed.body().get("timezone").asText()).isEqualTo("Asia/Kathmandu");

        var bad = patch("/api/v1/businesses/" + second, owner.token(), "{\"timezone\": \"Moon/Base\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("timezone");

        assertThat(api.at("/api/v1/businesses/" + second)
                        .token(owner.token())
                        .delete()
                        .status())
                .isEqualTo(204);
        assertThat(api.at("/api/v1/businesses/" + second)
                        .token(owner.token())
                        .get()
                        .status())
                .isEqualTo(404);
    }

    @Test
    void dashboard_config_and_onboarding_read_and_change() {
        TestServer.Owner owner = server.owner("settings@example.com", "Settings Place");
        String base = "/api/v1/businesses/" + owner.businessId();

        var dashboard = patch(
                base + "/dashboard-config/", owner.token(), "{\"default_view\": \"day\", \"first_day_of_week\": 7}");
        assertThat(dashboard.status()).as(dashboard.raw()).isEqualTo(200);
        assertThat(dashboard.body().get("default_view").asText()).isEqualTo("day");
        assertThat(api.at(base + "/dashboard-config")
                        .token(owner.token())
                        .get()
                        .body()
                        .get("first_day_of_week")
                        .asInt())
                .isEqualTo(7);

        var onboarding = api.at(base + "/onboarding").token(owner.token()).get();
        assertThat(onboarding.body().get("completed").toString()).contains("business_profile");
        assertThat(onboarding.body().get("complete").asBoolean()).isFalse();
        var marked = patch(base + "/onboarding", owner.token(), "{\"steps\": {\"staff\": true}}");
        assertThat(marked.body().get("completed").toString()).contains("staff");
        assertThat(patch(base + "/onboarding", owner.token(), "{\"steps\": {\"dance\": true}}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void members_are_invited_accept_are_promoted_and_removed_with_the_last_owner_kept() {
        TestServer.Owner owner = server.owner("team-owner@example.com", "Team Place");
        TestServer.Owner colleagueAccount = server.owner("colleague@example.com", "Colleague Own Place");
        String base = "/api/v1/businesses/" + owner.businessId();

        var invitedColleague = api.at(base + "/members/")
                .token(owner.token())
                .post(Map.of("email", "colleague@example.com", "role", "staff"));
        var invited = api.at(base + "/members")
                .token(owner.token())
                .post(Map.of("email", "later@example.com", "role", "viewer"));
        assertThat(invitedColleague.status()).as(invitedColleague.raw()).isEqualTo(202);
        assertThat(invited.status()).isEqualTo(202);
        assertThat(invited.body().get("email").asText()).isEqualTo("later@example.com");
        assertThat(api.at(base + "/members").token(owner.token()).get().body().get("results"))
                .as("nobody joins without accepting")
                .hasSize(1);

        var mine = api.at("/api/v1/invitations").token(colleagueAccount.token()).get();
        assertThat(mine.body().get("results")).singleElement().satisfies(i -> {
            assertThat(i.get("business").get("id").asText()).isEqualTo(owner.businessId());
            assertThat(i.get("role").asText()).isEqualTo("staff");
        });
        var accepted = api.at("/api/v1/invitations/"
                        + invitedColleague.body().get("id").asText() + "/accept")
                .token(colleagueAccount.token())
                .post(Map.of());
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.body().get("role").asText()).isEqualTo("staff");
        String colleague = api.at("/api/v1/auth/me")
                .token(colleagueAccount.token())
                .get()
                .body()
                .get("id")
                .asText();

        var team = api.at(base + "/members").token(owner.token()).get();
        assertThat(team.body().get("results")).hasSize(2);
        assertThat(team.body().get("next_cursor").isNull()).isTrue();
        var pending = api.at(base + "/invitations").token(owner.token()).get();
        assertThat(pending.body().get("results"))
                .extracting(i -> i.get("email").asText())
                .containsExactly("later@example.com");

        var again = api.at(base + "/members")
                .token(owner.token())
                .post(Map.of("email", "colleague@example.com", "role", "viewer"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("code").asText()).isEqualTo("ALREADY_MEMBER");

        var promoted = patch(base + "/members/" + colleague + "/", owner.token(), "{\"role\": \"manager\"}");
        assertThat(promoted.body().get("role").asText()).isEqualTo("manager");

        String ownerId = api.at("/api/v1/auth/me")
                .token(owner.token())
                .get()
                .body()
                .get("id")
                .asText();
        var demoteSelf = patch(base + "/members/" + ownerId, owner.token(), "{\"role\": \"admin\"}");
        assertThat(demoteSelf.status()).isEqualTo(409);
        assertThat(demoteSelf.body().get("code").asText()).isEqualTo("LAST_OWNER");

        String invitation = invited.body().get("id").asText();
        assertThat(api.at(base + "/invitations/" + invitation + "/")
                        .token(owner.token())
                        .delete()
                        .status())
                .isEqualTo(204);
        assertThat(api.at(base + "/members/" + colleague)
                        .token(owner.token())
                        .delete()
                        .status())
                .isEqualTo(204);
        assertThat(api.at(base + "/members").token(owner.token()).get().body().get("results"))
                .hasSize(1);
    }
}
