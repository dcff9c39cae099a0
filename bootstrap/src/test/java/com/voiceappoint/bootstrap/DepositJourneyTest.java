package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.stripe.net.Webhook;
import com.voiceappoint.adapter.http.ApiClient;
import com.voiceappoint.adapter.payments.LocalStripe;
import com.voiceappoint.adapter.payments.StripeWebhook;
import com.voiceappoint.adapter.persistence.TestPostgres;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deposits end to end, over HTTP against the running server on PostgreSQL with LocalStripe in Stripe's place: an owner
 * connects the business's Stripe account, a client books a service with a deposit and pays it on Stripe's page,
 * Stripe's signed news confirms the appointment, and a timely cancellation gives the deposit back through Stripe; a
 * caller is told on the phone what to pay and until when; and the webhook takes Stripe's news only signed, and once.
 */
class DepositJourneyTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    /**
     * A refund younger than this may still be in the hands of the request that asked for it, so the payments' sweep
     * leaves it alone (RefundDesk.SETTLING, with a second to spare).
     */
    private static final Duration REFUND_SETTLING = Duration.ofSeconds(31);

    private static final AtomicInteger HOURS = new AtomicInteger();

    private static LiveApi api;

    @BeforeAll
    static void start() {
        api = LiveApi.start(postgres);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** A test that failed while Stripe held its news back leaves none held for the next. */
    @AfterEach
    void releaseHeldNews() {
        api.stripe().releaseEvents();
    }

    private static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.raw()).isBetween(200, 201);
        return response.body();
    }

    private static JsonNode settings(World salon) {
        return ok(api.at(salon.path("/payment-settings"))
                .token(salon.owner.token())
                .get());
    }

    private static JsonNode payments(World salon) {
        return ok(api.at("/api/v1/payments?business=" + salon.id)
                        .token(salon.owner.token())
                        .get())
                .get("results");
    }

    private static String appointmentStatus(World salon, String appointment) {
        return ok(api.at("/api/v1/appointments/" + appointment)
                        .token(salon.owner.token())
                        .get())
                .get("status")
                .asText();
    }

    /**
     * A time well before any cancellation cutoff (World's next free times may be tomorrow morning): ten days on, each
     * booking of this class at its own hour.
     */
    private static String farEnoughToCancel() {
        return LocalDate.now(MADRID).plusDays(10) + "T" + "%02d:00".formatted(9 + HOURS.getAndIncrement());
    }

    /** A client books {@code service} on the business's public API. */
    private static JsonNode bookedByAClient(World salon, String service) {
        ApiClient.Response booked = api.at("/api/v1/public/businesses/" + salon.slug + "/appointments")
                .post(Map.of(
                        "service",
                        service,
                        "start",
                        farEnoughToCancel(),
                        "client",
                        Map.of("name", "Carmen Web", "phone", salon.freshPhone(), "email", "carmen@example.com")));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        return booked.body();
    }

    private static LocalStripe.Session sessionAt(String checkoutUrl) {
        return api.stripe().sessions().stream()
                .filter(session -> session.url().toString().equals(checkoutUrl))
                .findFirst()
                .orElseThrow(() -> new AssertionError("Stripe made no page at " + checkoutUrl));
    }

    @Test
    void an_owner_connects_a_client_pays_the_deposit_and_a_timely_cancellation_gives_it_back_through_stripe() {
        World salon = World.open(api, "Peluquería Señal");
        LocalStripe stripe = api.stripe();

        // the owner connects the business's own Stripe account, on Stripe's onboarding page
        assertThat(settings(salon).get("configured").asBoolean()).isTrue();
        assertThat(settings(salon).has("stripe_account"))
                .as("nothing connected yet")
                .isFalse();
        String back = api.publicUrl() + "/dashboard/" + salon.slug + "/settings/payments";
        String onboarding = ok(api.at(salon.path("/payment-settings/connect"))
                        .token(salon.owner.token())
                        .post(Map.of("return_url", back + "?connected=1", "refresh_url", back)))
                .get("url")
                .asText();
        String account = settings(salon).get("stripe_account").asText();
        assertThat(onboarding).startsWith(stripe.base() + "/setup/e/" + account + "/");
        assertThat(stripe.accounts())
                .filteredOn(a -> a.id().equals(account))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.businessName()).isEqualTo("Peluquería Señal");
                    assertThat(a.country()).contains("ES");
                });
        JsonNode notYet = ok(api.at(salon.path("/payment-settings/refresh"))
                .token(salon.owner.token())
                .post(null));
        assertThat(notYet.get("charges_enabled").asBoolean())
                .as("onboarding not finished")
                .isFalse();

        HttpResponse<String> page = OnStripe.open(onboarding);
        assertThat(page.statusCode()).isEqualTo(200);
        HttpResponse<String> finished = OnStripe.press(onboarding);

        assertThat(finished.statusCode()).isEqualTo(303);
        assertThat(finished.headers().firstValue("Location")).contains(back + "?connected=1");
        assertThat(settings(salon).get("charges_enabled").asBoolean())
                .as("Stripe's account.updated reached the webhook")
                .isTrue();
        JsonNode refreshed = ok(api.at(salon.path("/payment-settings/refresh"))
                .token(salon.owner.token())
                .post(null));
        assertThat(refreshed.get("charges_enabled").asBoolean()).isTrue();
        assertThat(stripe.requests())
                .as("the refreshes asked Stripe")
                .filteredOn(r -> r.method().equals("GET") && r.path().equals("/v1/accounts/" + account))
                .hasSize(2);

        // the pages' forms may lead to Stripe's stand-in, as its pages are not at Stripe's addresses
        assertThat(api.at("/" + salon.slug).get().header("Content-Security-Policy"))
                .contains("form-action 'self' https://checkout.stripe.com https://connect.stripe.com "
                        + "https://billing.stripe.com " + stripe.base() + ";");

        // a client books a service asking a deposit: the time is kept for it, and Stripe's page is opened
        String colour = salon.depositService("Color", "15.00");
        JsonNode booked = bookedByAClient(salon, colour);
        String appointment = booked.get("id").asText();
        JsonNode payment = booked.get("payment");
        String paymentId = payment.get("id").asText();
        assertThat(booked.get("status").asText()).isEqualTo("pending_payment");
        assertThat(payment.get("amount").asText()).isEqualTo("15.00");
        assertThat(payment.get("currency").asText()).isEqualTo("EUR");
        String checkoutUrl = payment.get("checkout_url").asText();
        assertThat(checkoutUrl).startsWith(stripe.base() + "/c/pay/cs_test_");
        LocalStripe.Session session = sessionAt(checkoutUrl);
        assertThat(session.account()).contains(account);
        assertThat(session.amountTotal()).isEqualTo(1500);
        assertThat(session.currency()).isEqualTo("eur");
        assertThat(session.metadata()).containsEntry("payment_id", paymentId);
        assertThat(session.customerEmail()).contains("carmen@example.com");
        assertThat(session.successUrl())
                .hasToString(api.publicUrl() + "/" + salon.slug + "/pay/" + paymentId + "?paid=1");
        // Stripe's page lapses with the time kept for it: a second later when a second turned between the booking and
        // the page's opening, each of which keeps Stripe's shortest half hour and a minute, in whole seconds
        Instant payBy = OffsetDateTime.parse(payment.get("pay_by").asText()).toInstant();
        assertThat(Duration.between(payBy, session.expiresAt())).isBetween(Duration.ZERO, Duration.ofSeconds(1));

        // the client pays on Stripe's page; Stripe's signed news confirms the appointment
        assertThat(OnStripe.open(checkoutUrl).body()).containsPattern("Pagar 15,00\\h€");
        HttpResponse<String> paid = OnStripe.press(checkoutUrl);

        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(paid.headers().firstValue("Location"))
                .contains(session.successUrl().toString());
        assertThat(stripe.deliveries()).last().satisfies(delivery -> {
            assertThat(delivery.type()).isEqualTo("checkout.session.completed");
            assertThat(delivery.status()).isEqualTo(200);
            assertThat(delivery.answer()).contains("\"outcome\":\"applied\"");
        });
        assertThat(appointmentStatus(salon, appointment)).isEqualTo("confirmed");
        String intent = stripe.session(session.id()).paymentIntent().orElseThrow();
        JsonNode paidDeposit = payments(salon).get(0);
        assertThat(paidDeposit.get("id").asText()).isEqualTo(paymentId);
        assertThat(paidDeposit.get("status").asText()).isEqualTo("paid");
        assertThat(paidDeposit.get("payment_intent").asText()).isEqualTo(intent);

        // the client calls it off in time with their manage link: the whole deposit goes back, through Stripe
        ApiClient.Response cancelled = api.at("/api/v1/public/appointments/"
                        + booked.get("manage_token").asText() + "/cancel")
                .post(Map.of("reason", "Me ha surgido un viaje"));
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asText()).isEqualTo("cancelled");
        JsonNode requested = payments(salon).get(0).get("refunds").get(0);
        assertThat(requested.get("amount").asText()).isEqualTo("15.00");
        assertThat(requested.get("reason").asText()).isEqualTo("cancelled_in_time");
        assertThat(requested.get("status").asText()).isEqualTo("requested");

        // the payments' sweep sends it: its next run, as if half a minute had passed
        api.moveClockOn(REFUND_SETTLING);
        api.settlePayments();

        assertThat(stripe.refunds()).singleElement().satisfies(refund -> {
            assertThat(refund.account()).contains(account);
            assertThat(refund.paymentIntent()).isEqualTo(intent);
            assertThat(refund.amount()).isEqualTo(1500);
            assertThat(refund.currency()).isEqualTo("eur");
            assertThat(refund.idempotencyKey()).isPresent();
        });
        JsonNode refunded = payments(salon).get(0);
        assertThat(refunded.get("refunded").asText()).isEqualTo("15.00");
        assertThat(refunded.get("refunds").get(0).get("status").asText()).isEqualTo("succeeded");
        assertThat(refunded.get("refunds").get(0).get("stripe_refund").asText())
                .isEqualTo(stripe.refunds().get(0).id());
    }

    @Test
    void a_caller_booking_a_service_with_a_deposit_is_told_how_much_and_until_when() {
        World salon = World.open(api, "Barbería Teléfono").connectedToStripe();
        salon.depositService("Afeitado", "12.50");
        ApiClient.Response voice = api.at("/api/v1/vapi/configs/" + salon.id)
                .token(salon.owner.token())
                .raw("PATCH", "{\"line_ids\": [\"line-+34910770077\"], \"enabled\": true}", "application/json");
        assertThat(voice.status()).as(voice.raw()).isEqualTo(200);
        PhoneCalls.Line line = new PhoneCalls.Line(
                salon.owner, voice.body().get("numbers").get(0).asText(), "Europe/Madrid");
        PhoneCalls.Call call = new PhoneCalls(api).call(line, "+34600777888");
        LocalDate day = LocalDate.now(MADRID).plusDays(3);

        String said = call.tool(
                "book_appointment",
                Map.of("service_name", "Afeitado", "start", day + "T12:00", "client_name", "Pedro Voz"));

        JsonNode deposit = payments(salon).get(0);
        assertThat(deposit.get("amount").asText()).isEqualTo("12.50");
        Instant payBy = OffsetDateTime.parse(deposit.get("pay_by").asText()).toInstant();
        assertThat(said)
                .containsPattern("depósito de 12,50\\h€")
                .contains("Guardamos la hora hasta las "
                        + DateTimeFormatter.ofPattern("HH:mm").format(payBy.atZone(MADRID)))
                .contains("appointment_id " + deposit.get("appointment").asText());
        assertThat(appointmentStatus(salon, deposit.get("appointment").asText()))
                .isEqualTo("pending_payment");
        call.hangUp("Booked a shave, deposit to pay.");

        // the caller was not kept waiting for Stripe: its page is opened when they follow the link they were sent
        assertThat(deposit.has("checkout_url")).isFalse();
        JsonNode page = ok(api.at("/api/v1/public/businesses/" + salon.slug + "/payments/"
                        + deposit.get("id").asText())
                .get());
        assertThat(page.get("checkout_url").asText()).startsWith(api.stripe().base() + "/c/pay/");
        assertThat(sessionAt(page.get("checkout_url").asText()).amountTotal()).isEqualTo(1250);
    }

    @Test
    void stripe_s_news_is_taken_only_when_signed_with_the_endpoint_s_secret_and_only_once() throws Exception {
        World salon = World.open(api, "Estudio Firma").connectedToStripe();
        JsonNode booked = bookedByAClient(salon, salon.depositService("Manicura", "10.00"));
        String appointment = booked.get("id").asText();
        LocalStripe stripe = api.stripe();
        stripe.holdEvents();
        assertThat(OnStripe.press(booked.get("payment").get("checkout_url").asText())
                        .statusCode())
                .isEqualTo(303);

        // the news of the payment, held back by Stripe, forged by someone else before it arrives
        assertThat(stripe.heldEvents()).hasSize(1);
        String payload = stripe.payload(stripe.heldEvents().get(0));
        long now = Instant.now().getEpochSecond();
        ApiClient.Response forged = toWebhook(payload, sign(payload, "whsec_aSecretThatIsNotTheEndpoints", now));
        String cheaper = payload.replace("\"amount_total\":1000", "\"amount_total\":1");
        assertThat(cheaper).isNotEqualTo(payload);
        ApiClient.Response tampered = toWebhook(cheaper, sign(payload, stripe.webhookSecret(), now));
        ApiClient.Response unsigned = api.at(StripeWebhook.PATH).raw("POST", payload, "application/json");

        assertThat(forged.status()).as(forged.raw()).isEqualTo(400);
        assertThat(tampered.status()).as(tampered.raw()).isEqualTo(400);
        assertThat(unsigned.status()).as(unsigned.raw()).isEqualTo(400);
        assertThat(appointmentStatus(salon, appointment)).as("nothing applied").isEqualTo("pending_payment");

        // Stripe's own delivery is applied; delivered again, as Stripe retries, it changes nothing
        LocalStripe.Delivery delivered = stripe.releaseEvents().get(0);
        assertThat(delivered.status()).isEqualTo(200);
        assertThat(appointmentStatus(salon, appointment)).isEqualTo("confirmed");
        String before = api.snapshot();

        LocalStripe.Delivery again = stripe.redeliver(delivered.event());

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.answer()).contains("\"outcome\":\"already_applied\"");
        assertThat(api.snapshot()).as("every table as it was").isEqualTo(before);
    }

    private static String sign(String payload, String secret, long at) throws GeneralSecurityException {
        return Webhook.Signature.generateSignatureHeader(payload, secret, at);
    }

    private static ApiClient.Response toWebhook(String payload, String signature) {
        return api.at(StripeWebhook.PATH)
                .header("Stripe-Signature", signature)
                .raw("POST", payload, "application/json");
    }
}
