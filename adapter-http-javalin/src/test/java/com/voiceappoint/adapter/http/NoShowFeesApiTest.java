package com.voiceappoint.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.payment.PaymentSettings;
import com.voiceappoint.testkit.RecordingPaymentGateway;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The no-show fee over HTTP: the owner sets it (and removes it) in the payment settings, the public page says it, and
 * a web booking of a service without a deposit is kept for the card the client leaves on Stripe's page, whose own
 * page, and the manage page, say where it stands.
 */
class NoShowFeesApiTest {
    private static final RecordingPaymentGateway stripe = new RecordingPaymentGateway();

    @RegisterExtension
    static final TestServer server =
            new TestServer(ports -> ports.takingPaymentsThrough(stripe, Optional.of("https://book.example"), 0));

    private static final AtomicInteger next = new AtomicInteger();

    private final ApiClient api = server.client();

    /** A salon open on Tuesday whose Stripe account takes payments, with a cut (no deposit). */
    private record Salon(TestServer.Owner owner, String slug, String cut) {}

    private Salon salon() {
        int n = next.getAndIncrement();
        TestServer.Owner owner = server.owner("noshow" + n + "@example.com", "Salón Ausencias " + n);
        String slug = api.at("/api/v1/businesses/" + owner.businessId())
                .token(owner.token())
                .get()
                .body()
                .get("slug")
                .asText();
        api.at("/api/v1/businesses/" + owner.businessId() + "/hours/")
                .token(owner.token())
                .put(Map.of("hours", Map.of("tuesday", List.of(Map.of("opens", "09:00", "closes", "18:00")))));
        var cut = api.at("/api/v1/services/")
                .token(owner.token())
                .post(new HashMap<>(Map.of(
                        "business", owner.businessId(), "name", "Cut", "duration_minutes", 30, "price", "20.00")));
        assertThat(cut.status()).as(cut.raw()).isEqualTo(201);
        server.ports().transactions().inTransaction(() -> {
            server.ports()
                    .payments()
                    .store()
                    .saveSettings(new PaymentSettings(
                            new BusinessId(UUID.fromString(owner.businessId())),
                            Optional.of("acct_noshow" + n),
                            true,
                            Duration.ofMinutes(30),
                            100,
                            Optional.empty()));
            return null;
        });
        return new Salon(owner, slug, cut.body().get("id").asText());
    }

    private ApiClient.Response changeSettings(Salon salon, String body) {
        return api.at("/api/v1/businesses/" + salon.owner().businessId() + "/payment-settings")
                .token(salon.owner().token())
                .header("Accept-Language", "en")
                .raw("PATCH", body, "application/json");
    }

    @Test
    void the_owner_sets_the_fee_in_the_business_currency_and_zero_removes_it() {
        Salon salon = salon();

        var set = changeSettings(salon, "{\"no_show_fee\": \"20\"}");
        assertThat(set.status()).as(set.raw()).isEqualTo(200);
        assertThat(set.body().get("no_show_fee").asText()).isEqualTo("20.00");
        assertThat(set.body().get("no_show_fee_currency").asText()).isEqualTo("EUR");
        assertThat(set.body().get("refund_percent").asInt())
                .as("left out, kept")
                .isEqualTo(100);

        for (String refused : List.of("\"20.001\"", "-5", "\"veinte\"", "123456789012.00")) {
            var answer = changeSettings(salon, "{\"no_show_fee\": " + refused + "}");
            assertThat(answer.status()).as(refused + " " + answer.raw()).isEqualTo(400);
            assertThat(answer.body().get("errors").get(0).get("field").asText())
                    .as(refused)
                    .isEqualTo("no_show_fee");
        }
        // other changes leave it as it is
        var window = changeSettings(salon, "{\"payment_window_minutes\": 60}");
        assertThat(window.body().get("no_show_fee").asText()).isEqualTo("20.00");

        var removed = changeSettings(salon, "{\"no_show_fee\": 0}");
        assertThat(removed.status()).as(removed.raw()).isEqualTo(200);
        assertThat(removed.body().has("no_show_fee")).isFalse();
        assertThat(api.at("/api/v1/businesses/" + salon.owner().businessId() + "/payment-settings")
                        .token(salon.owner().token())
                        .get()
                        .body()
                        .has("no_show_fee"))
                .isFalse();
    }

    @Test
    void a_web_booking_is_kept_for_the_card_and_its_page_and_the_manage_page_say_where_it_stands() {
        Salon salon = salon();
        assertThat(changeSettings(salon, "{\"no_show_fee\": \"20.00\"}").status())
                .isEqualTo(200);
        assertThat(api.at("/api/v1/public/businesses/" + salon.slug())
                        .get()
                        .body()
                        .get("no_show_fee")
                        .asText())
                .isEqualTo("20.00");

        var booked = api.at("/api/v1/public/businesses/" + salon.slug() + "/appointments/")
                .post(Map.of(
                        "service",
                        salon.cut(),
                        "start",
                        "2026-11-24T10:00",
                        "client",
                        Map.of("name", "Carmen Ruiz", "phone", "+34600800100", "email", "carmen@example.com")));

        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        assertThat(booked.body().get("status").asText()).isEqualTo("pending_payment");
        assertThat(booked.body().has("payment")).isFalse();
        var card = booked.body().get("card");
        assertThat(card.get("no_show_fee").asText()).isEqualTo("20.00");
        assertThat(card.get("currency").asText()).isEqualTo("EUR");
        assertThat(card.get("kept_by_deposit").asBoolean()).isFalse();
        assertThat(card.get("status").asText()).isEqualTo("pending");
        assertThat(card.get("save_by").asText()).isEqualTo("2026-11-23T09:31:00+01:00");
        assertThat(card.get("setup_url").asText()).startsWith("https://checkout.stripe.test/c/setup/");

        var page = api.at("/api/v1/public/businesses/" + salon.slug() + "/cards/"
                        + card.get("id").asText())
                .get();
        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        assertThat(page.body().get("appointment_status").asText()).isEqualTo("pending_payment");
        assertThat(page.body().get("service").get("name").asText()).isEqualTo("Cut");
        assertThat(page.body().get("card").get("setup_url").asText())
                .isEqualTo(card.get("setup_url").asText());
        assertThat(page.body().toString()).doesNotContain("Carmen", "carmen@example.com", "+34600800100");
        assertThat(stripe.cardSetups()).hasSize(1);

        var manage = api.at("/api/v1/public/appointments/"
                        + booked.body().get("manage_token").asText())
                .get();
        assertThat(manage.status()).as(manage.raw()).isEqualTo(200);
        assertThat(manage.body().get("card").get("id").asText())
                .isEqualTo(card.get("id").asText());

        assertThat(api.at("/api/v1/public/businesses/" + salon.slug() + "/cards/" + UUID.randomUUID())
                        .get()
                        .status())
                .isEqualTo(404);
        assertThat(api.at("/api/v1/public/businesses/" + salon.slug() + "/cards/not-a-card")
                        .get()
                        .status())
                .isEqualTo(400);
    }
}
