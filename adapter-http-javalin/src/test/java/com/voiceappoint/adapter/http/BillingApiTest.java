package com.voiceappoint.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.voiceappoint.application.port.in.PaymentEventsUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.in.VoiceCaller;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase.VoiceConfiguration;
import com.voiceappoint.application.port.in.VoiceToolsUseCase;
import com.voiceappoint.application.port.out.AllowanceStore;
import com.voiceappoint.application.usecase.Interactors;
import com.voiceappoint.application.usecase.VoiceInteractors;
import com.voiceappoint.domain.billing.Plan;
import com.voiceappoint.domain.billing.Plans;
import com.voiceappoint.domain.billing.SubscriptionStatus;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.voice.VoiceSettings;
import com.voiceappoint.testkit.RecordingPaymentGateway;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The business paying the platform, over HTTP with Stripe played by a recording stand-in: the plans offered to anyone,
 * a business's plan and its voice bookings this month against the cap (owners and admins), subscribing and managing the
 * subscription through Stripe's pages, and what a server that bills no one answers. The clock says Monday 23 November
 * 2026, 09:00 in Madrid.
 */
class BillingApiTest {
    private static final RecordingPaymentGateway stripe = new RecordingPaymentGateway();
    private static final Plans PLANS = Plans.of(List.of(
            new Plan("free", "Free", Money.of("0", "EUR"), Optional.of(2), Optional.empty()),
            Plan.unlimited("pro", "Pro", Money.of("29", "EUR")).pricedInStripeAs("price_pro")));

    @RegisterExtension
    static final TestServer server =
            new TestServer(ports -> ports.billingThrough(stripe, PLANS, Optional.of("https://book.example")));

    /** A server that bills no one, as one without Stripe's Prices is. */
    @RegisterExtension
    static final TestServer unbilled = new TestServer();

    private static final AtomicInteger next = new AtomicInteger();
    private final ApiClient api = server.client();

    private static UseCases app() {
        return Interactors.create(server.ports(), Clock.fixed(TestServer.NOW, ZoneOffset.UTC));
    }

    private TestServer.Owner salon() {
        int n = next.getAndIncrement();
        return server.owner("billing" + n + "@example.com", "Salón Factura " + n);
    }

    private ApiClient.Response billing(TestServer.Owner owner) {
        return api.at("/api/v1/businesses/" + owner.businessId() + "/billing")
                .token(owner.token())
                .get();
    }

    private ApiClient.Response checkout(String business, String token, Map<String, ?> body) {
        return api.at("/api/v1/businesses/" + business + "/billing/checkout")
                .token(token)
                .post(body);
    }

    private ApiClient.Response portal(String business, String token) {
        return api.at("/api/v1/businesses/" + business + "/billing/portal")
                .token(token)
                .post(Map.of());
    }

    private static void assertProblem(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("code").asText()).as(response.raw()).isEqualTo(code);
    }

    /** Opens the salon on Tuesdays with a cut, and books {@code calls} times by phone: what its callers did. */
    private String byPhone(TestServer.Owner owner, int calls) {
        api.at("/api/v1/businesses/" + owner.businessId() + "/hours/")
                .token(owner.token())
                .put(Map.of("hours", Map.of("tuesday", List.of(Map.of("opens", "09:00", "closes", "18:00")))));
        var cut = api.at("/api/v1/services/")
                .token(owner.token())
                .post(Map.of("business", owner.businessId(), "name", "Cut", "duration_minutes", 30, "price", "20.00"));
        assertThat(cut.status()).as(cut.raw()).isEqualTo(201);
        UseCases app = app();
        BusinessId id = new BusinessId(UUID.fromString(owner.businessId()));
        Business business = server.ports().businesses().findById(id).orElseThrow();
        var service = server.ports()
                .services()
                .findById(id, new ServiceId(UUID.fromString(cut.body().get("id").asText())))
                .orElseThrow();
        VoiceToolsUseCase tools = VoiceInteractors.tools(app, AllowanceStore.UNLIMITED);
        for (int i = 0; i < calls; i++) {
            PhoneNumber number = new PhoneNumber("+3460080" + "%04d".formatted(next.getAndIncrement()));
            VoiceToolsUseCase.Booking answer = tools.book(
                    new VoiceCaller(
                            new VoiceConfiguration(business, VoiceSettings.none(id)),
                            Optional.of(number),
                            true,
                            Optional.of(number),
                            false,
                            Optional.empty(),
                            "vapi"),
                    new VoiceToolsUseCase.BookAppointment(
                            service,
                            Optional.empty(),
                            Instant.parse("2026-11-24T09:00:00Z").plusSeconds(1800L * i),
                            "Carmen",
                            Optional.empty(),
                            "",
                            "",
                            false));
            assertThat(answer).isInstanceOf(VoiceToolsUseCase.Booked.class);
        }
        return cut.body().get("id").asText();
    }

    @Test
    void anyone_sees_the_plans_offered_the_starting_one_first() {
        var plans = api.at("/api/v1/plans").get();

        assertThat(plans.status()).as(plans.raw()).isEqualTo(200);
        JsonNode free = plans.body().get("plans").get(0);
        assertThat(free.get("code").asText()).isEqualTo("free");
        assertThat(free.get("monthly_price").asText()).isEqualTo("0.00");
        assertThat(free.get("currency").asText()).isEqualTo("EUR");
        assertThat(free.get("voice_bookings_per_month").asInt()).isEqualTo(2);
        assertThat(free.get("subscribable").asBoolean()).isFalse();
        JsonNode pro = plans.body().get("plans").get(1);
        assertThat(pro.get("monthly_price").asText()).isEqualTo("29.00");
        assertThat(pro.has("voice_bookings_per_month")).as("no limit").isFalse();
        assertThat(pro.get("subscribable").asBoolean()).isTrue();
        assertThat(plans.body().get("subscriptions").asBoolean()).isTrue();

        var none = unbilled.client().at("/api/v1/plans").get();
        assertThat(none.body().get("subscriptions").asBoolean()).isFalse();
        assertThat(none.body().get("plans")).hasSize(1);
    }

    @Test
    void a_business_on_the_starting_plan_sees_its_voice_bookings_reach_the_cap_and_still_books_over_the_api() {
        TestServer.Owner owner = salon();
        JsonNode fresh = billing(owner).body();
        assertThat(fresh.get("plan").get("code").asText()).isEqualTo("free");
        assertThat(fresh.get("status").asText()).isEqualTo("none");
        assertThat(fresh.get("month").asText()).isEqualTo("2026-11");
        assertThat(fresh.get("voice_bookings").asLong()).isZero();
        assertThat(fresh.get("voice_bookings_cap").asInt()).isEqualTo(2);
        assertThat(fresh.get("over_cap").asBoolean()).isFalse();
        assertThat(fresh.get("subscriptions").asBoolean()).isTrue();
        assertThat(fresh.get("manageable").asBoolean()).isFalse();
        assertThat(fresh.has("current_period_end")).isFalse();

        String cut = byPhone(owner, 2);

        JsonNode capped = billing(owner).body();
        assertThat(capped.get("voice_bookings").asLong()).isEqualTo(2);
        assertThat(capped.get("over_cap").asBoolean()).isTrue();
        Map<String, Object> booking = new HashMap<>(Map.of(
                "business",
                owner.businessId(),
                "service",
                cut,
                "start",
                "2026-11-24T15:00",
                "client",
                Map.of("name", "Ana", "phone", "+34600900900")));
        var booked = api.at("/api/v1/appointments/").token(owner.token()).post(booking);
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
    }

    @Test
    void the_owner_subscribes_on_stripe_s_page_and_manages_the_subscription_in_the_portal() {
        TestServer.Owner owner = salon();
        assertProblem(portal(owner.businessId(), owner.token()), 409, "NOT_SUBSCRIBED");

        var page = checkout(owner.businessId(), owner.token(), Map.of("plan", "pro"));

        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        assertThat(page.body().get("url").asText()).startsWith("https://checkout.stripe.test/c/pay/cs_test_");
        var request = stripe.subscriptionCheckouts()
                .get(stripe.subscriptionCheckouts().size() - 1);
        assertThat(request.price()).isEqualTo("price_pro");
        assertThat(request.metadata()).containsEntry("business_id", owner.businessId());
        assertThat(request.successUrl().toString()).startsWith("https://book.example/dashboard/");
        assertThat(billing(owner).body().get("manageable").asBoolean()).isTrue();

        app().paymentEvents()
                .apply(new PaymentEventsUseCase.SubscriptionChanged(
                        "evt_" + owner.businessId(),
                        Optional.empty(),
                        TestServer.NOW,
                        "sub_" + owner.businessId(),
                        request.customer(),
                        Optional.empty(),
                        Optional.of("price_pro"),
                        Optional.of("pro"),
                        SubscriptionStatus.ACTIVE,
                        Optional.of(Instant.parse("2026-12-23T08:00:00Z"))));

        JsonNode pro = billing(owner).body();
        assertThat(pro.get("plan").get("code").asText()).isEqualTo("pro");
        assertThat(pro.get("status").asText()).isEqualTo("active");
        assertThat(pro.get("current_period_end").asText()).isEqualTo("2026-12-23T09:00:00+01:00");
        assertThat(pro.has("voice_bookings_cap")).isFalse();
        assertThat(pro.get("over_cap").asBoolean()).isFalse();
        assertProblem(checkout(owner.businessId(), owner.token(), Map.of("plan", "pro")), 409, "ALREADY_SUBSCRIBED");
        var managed = portal(owner.businessId(), owner.token());
        assertThat(managed.status()).as(managed.raw()).isEqualTo(200);
        assertThat(managed.body().get("url").asText()).startsWith("https://billing.stripe.test/p/session/");
    }

    @Test
    void a_plan_no_one_can_subscribe_to_a_missing_one_and_a_server_that_bills_no_one_are_refused_on_plan() {
        TestServer.Owner owner = salon();
        for (Map<String, ?> body : List.<Map<String, ?>>of(Map.of("plan", "free"), Map.of("plan", "gold"), Map.of())) {
            var refused = checkout(owner.businessId(), owner.token(), body);
            assertProblem(refused, 400, "VALIDATION_FAILED");
            assertThat(refused.body().get("errors").get(0).get("field").asText())
                    .isEqualTo("plan");
        }

        TestServer.Owner elsewhere = unbilled.owner("nobill@example.com", "Sin Factura");
        var refused = unbilled.client()
                .at("/api/v1/businesses/" + elsewhere.businessId() + "/billing/checkout")
                .token(elsewhere.token())
                .post(Map.of("plan", "unlimited"));
        assertProblem(refused, 400, "VALIDATION_FAILED");
        JsonNode shown = unbilled.client()
                .at("/api/v1/businesses/" + elsewhere.businessId() + "/billing")
                .token(elsewhere.token())
                .get()
                .body();
        assertThat(shown.get("plan").get("code").asText()).isEqualTo("unlimited");
        assertThat(shown.get("over_cap").asBoolean()).isFalse();
        assertThat(shown.get("subscriptions").asBoolean()).isFalse();
    }

    @Test
    void only_owners_and_admins_see_and_change_the_plan_and_another_business_sees_nothing() {
        TestServer.Owner owner = salon();
        TestServer.Owner stranger = salon();
        String admin = member(owner, "admin");

        assertThat(billing(new TestServer.Owner(admin, owner.businessId())).status())
                .isEqualTo(200);
        for (String role : List.of("viewer", "staff", "manager")) {
            String token = member(owner, role);
            assertProblem(billing(new TestServer.Owner(token, owner.businessId())), 403, "FORBIDDEN");
            assertProblem(checkout(owner.businessId(), token, Map.of("plan", "pro")), 403, "FORBIDDEN");
            assertProblem(portal(owner.businessId(), token), 403, "FORBIDDEN");
        }
        assertProblem(billing(new TestServer.Owner(stranger.token(), owner.businessId())), 404, "NOT_FOUND");
        assertProblem(checkout(owner.businessId(), stranger.token(), Map.of("plan", "pro")), 404, "NOT_FOUND");
        assertProblem(portal(owner.businessId(), stranger.token()), 404, "NOT_FOUND");
        assertThat(api.at("/api/v1/businesses/" + owner.businessId() + "/billing")
                        .get()
                        .status())
                .isEqualTo(401);
    }

    /** Someone with an account of their own, made a member of the owner's salon with this role. */
    private String member(TestServer.Owner owner, String role) {
        String email = role + next.getAndIncrement() + "@example.com";
        TestServer.Owner account = server.owner(email, "Casa " + email);
        var invited = api.at("/api/v1/businesses/" + owner.businessId() + "/members")
                .token(owner.token())
                .post(Map.of("email", email, "role", role));
        assertThat(invited.status()).as(invited.raw()).isEqualTo(202);
        var accepted = api.at("/api/v1/invitations/" + invited.body().get("id").asText() + "/accept")
                .token(account.token())
                .post(Map.of());
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        return account.token();
    }
}
