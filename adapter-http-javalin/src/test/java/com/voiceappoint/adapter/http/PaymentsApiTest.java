package com.voiceappoint.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.voiceappoint.application.port.in.PaymentEventsUseCase;
import com.voiceappoint.application.port.out.PaymentGateway;
import com.voiceappoint.application.usecase.Interactors;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.payment.PaymentId;
import com.voiceappoint.domain.payment.PaymentSettings;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.testkit.RecordingPaymentGateway;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Payments over HTTP, with Stripe played by a recording stand-in: a deposit asked on the public page and its own page,
 * the business's payments scoped to it and to the roles that manage appointments, refunds made once and never past
 * what was paid, the settings and connecting an account, and deposits taken by hand. The clock says Monday 23 November
 * 2026, 09:00 in Madrid.
 */
class PaymentsApiTest {
    private static final String ACCOUNT = "acct_pagos";
    private static final RecordingPaymentGateway stripe = new RecordingPaymentGateway();

    @RegisterExtension
    static final TestServer server =
            new TestServer(ports -> ports.takingPaymentsThrough(stripe, Optional.of("https://book.example"), 0));

    /** A server without Stripe, as most are until it is set up. */
    @RegisterExtension
    static final TestServer withoutStripe = new TestServer();

    private static final AtomicInteger next = new AtomicInteger();
    private static final AtomicInteger slots = new AtomicInteger();

    private static TestServer.Owner owner;
    private static String slug;
    private static String colour;
    private static String cut;
    private final ApiClient api = server.client();

    @BeforeAll
    static void openTheSalon() {
        ApiClient api = server.client();
        owner = server.owner("pagos@example.com", "Salón Pagos");
        slug = api.at("/api/v1/businesses/" + owner.businessId())
                .token(owner.token())
                .get()
                .body()
                .get("slug")
                .asText();
        var window = List.of(Map.of("opens", "09:00", "closes", "18:00"));
        api.at("/api/v1/businesses/" + owner.businessId() + "/hours/")
                .token(owner.token())
                .put(Map.of("hours", Map.of("tuesday", window, "wednesday", window, "thursday", window)));
        colour = service(owner, "Colour", Map.of("deposit", "15.00"));
        cut = service(owner, "Cut", Map.of());
        connected(owner.businessId(), ACCOUNT);
    }

    private static String service(TestServer.Owner owner, String name, Map<String, Object> more) {
        Map<String, Object> body = new HashMap<>(
                Map.of("business", owner.businessId(), "name", name, "duration_minutes", 30, "price", "60.00"));
        body.putAll(more);
        var created =
                server.client().at("/api/v1/services/").token(owner.token()).post(body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("id").asText();
    }

    /** The business finished connecting its Stripe account, as the owner's return from Stripe would record. */
    private static void connected(String business, String account) {
        server.ports().transactions().inTransaction(() -> {
            server.ports()
                    .payments()
                    .store()
                    .saveSettings(new PaymentSettings(
                            new BusinessId(UUID.fromString(business)),
                            Optional.of(account),
                            true,
                            Duration.ofMinutes(30),
                            50));
            return null;
        });
    }

    /** A fresh free time: each test books its own, on the days the salon opens. */
    private static String freshStart() {
        int n = slots.getAndIncrement();
        String day = List.of("2026-11-24", "2026-11-25", "2026-11-26").get(n / 16);
        int minutes = 9 * 60 + (n % 16) * 30;
        return "%sT%02d:%02d".formatted(day, minutes / 60, minutes % 60);
    }

    private static String freshPhone() {
        return "+3460070" + "%04d".formatted(next.getAndIncrement());
    }

    private ApiClient.Response bookOnTheWeb(String service) {
        return api.at("/api/v1/public/businesses/" + slug + "/appointments/")
                .post(Map.of(
                        "service",
                        service,
                        "start",
                        freshStart(),
                        "client",
                        Map.of("name", "Carmen Ruiz", "phone", freshPhone(), "email", "carmen@example.com")));
    }

    record Paid(String payment, String appointment) {}

    /** A deposit asked on the web and paid on Stripe's page, as Stripe's news of it is applied. */
    private Paid paidDeposit() {
        var booked = bookOnTheWeb(colour);
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        String payment = booked.body().get("payment").get("id").asText();
        String page = booked.body().get("payment").get("checkout_url").asText();
        PaymentEventsUseCase events = Interactors.create(server.ports(), Clock.fixed(TestServer.NOW, ZoneOffset.UTC))
                .paymentEvents();
        var applied = events.apply(new PaymentEventsUseCase.CheckoutCompleted(
                "evt_" + payment,
                Optional.of(ACCOUNT),
                page.substring(page.lastIndexOf('/') + 1),
                Optional.of(new PaymentId(UUID.fromString(payment))),
                Optional.of("pi_" + payment),
                Optional.of(Money.of("15.00", "EUR")),
                true));
        assertThat(applied).isEqualTo(PaymentEventsUseCase.Outcome.APPLIED);
        return new Paid(payment, booked.body().get("id").asText());
    }

    private ApiClient.Response postEmpty(String path, String token) {
        return api.at(path).token(token).raw("POST", null, null);
    }

    private ApiClient.Response refund(String payment, String business, String token, String body) {
        return api.at("/api/v1/payments/" + payment + "/refunds?business=" + business)
                .token(token)
                .raw("POST", body, body == null ? null : "application/json");
    }

    private ApiClient.Response settings(String business, String token) {
        return api.at("/api/v1/businesses/" + business + "/payment-settings/")
                .token(token)
                .get();
    }

    private ApiClient.Response changeSettings(String business, String token, String body) {
        return api.at("/api/v1/businesses/" + business + "/payment-settings")
                .token(token)
                .header("Accept-Language", "en")
                .raw("PATCH", body, "application/json");
    }

    private ApiClient.Response bookByHand(String token, String service) {
        var call = api.at("/api/v1/appointments").token(token);
        Map<String, Object> body = new HashMap<>(Map.of(
                "business",
                owner.businessId(),
                "service",
                service,
                "start",
                freshStart(),
                "client",
                Map.of("name", "Eva", "phone", freshPhone())));
        return call.post(body);
    }

    /** Someone with an account of their own, made a member of the salon with this role. */
    private String member(String role) {
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

    private static void assertProblem(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("code").asText()).as(response.raw()).isEqualTo(code);
    }

    private static String fieldOf(ApiClient.Response response) {
        return response.body().get("errors").get(0).get("field").asText();
    }

    @Test
    void a_web_booking_of_a_deposit_service_keeps_the_time_and_answers_stripe_s_page_and_the_deadline() {
        var booked = bookOnTheWeb(colour);

        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        assertThat(booked.body().get("status").asText()).isEqualTo("pending_payment");
        JsonNode payment = booked.body().get("payment");
        assertThat(payment.get("amount").asText()).isEqualTo("15.00");
        assertThat(payment.get("currency").asText()).isEqualTo("EUR");
        // the business's 30 minutes, and the minute Stripe's page takes to open
        assertThat(payment.get("pay_by").asText()).isEqualTo("2026-11-23T09:31:00+01:00");
        assertThat(payment.get("checkout_url").asText()).startsWith("https://checkout.stripe.test/c/pay/cs_test_");
        PaymentGateway.CheckoutRequest asked =
                stripe.checkouts().get(stripe.checkouts().size() - 1);
        assertThat(asked.account()).isEqualTo(ACCOUNT);
        assertThat(asked.metadata())
                .containsEntry("payment_id", payment.get("id").asText());

        var managed = api.at("/api/v1/public/appointments/"
                        + booked.body().get("manage_token").asText())
                .get();
        assertThat(managed.body().get("payment").get("id")).isEqualTo(payment.get("id"));
        assertThat(managed.body().get("payment").get("pay_by")).isEqualTo(payment.get("pay_by"));

        var withoutDeposit = bookOnTheWeb(cut);
        assertThat(withoutDeposit.body().get("status").asText()).isEqualTo("confirmed");
        assertThat(withoutDeposit.body().has("payment")).isFalse();
    }

    @Test
    void the_deposit_s_own_page_says_what_it_is_for_and_where_to_pay_and_nothing_of_the_client() {
        var booked = bookOnTheWeb(colour);
        String payment = booked.body().get("payment").get("id").asText();

        var page = api.at("/api/v1/public/businesses/" + slug + "/payments/" + payment + "/")
                .get();

        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        JsonNode body = page.body();
        assertThat(body.get("id").asText()).isEqualTo(payment);
        assertThat(body.get("status").asText()).isEqualTo("open");
        assertThat(body.get("amount").asText()).isEqualTo("15.00");
        assertThat(body.get("refunded").asText()).isEqualTo("0.00");
        assertThat(body.get("service").get("name").asText()).isEqualTo("Colour");
        assertThat(body.get("start")).isEqualTo(booked.body().get("start"));
        assertThat(body.get("pay_by")).isEqualTo(booked.body().get("payment").get("pay_by"));
        assertThat(body.get("business").get("name").asText()).isEqualTo("Salón Pagos");
        assertThat(body.get("checkout_url"))
                .as("the same page every time")
                .isEqualTo(booked.body().get("payment").get("checkout_url"));
        assertThat(page.raw()).doesNotContain("Carmen", "carmen@example.com", "+34600");

        assertProblem(
                api.at("/api/v1/public/businesses/" + slug + "/payments/" + UUID.randomUUID())
                        .get(),
                404,
                "NOT_FOUND");
        assertProblem(
                api.at("/api/v1/public/businesses/" + slug + "/payments/not-a-payment")
                        .get(),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                api.at("/api/v1/public/businesses/nobody-here/payments/" + payment)
                        .get(),
                404,
                "NOT_FOUND");
        TestServer.Owner other = server.owner("pagos-otro@example.com", "Otro Salón Pagos");
        String otherSlug = api.at("/api/v1/businesses/" + other.businessId())
                .token(other.token())
                .get()
                .body()
                .get("slug")
                .asText();
        assertProblem(
                api.at("/api/v1/public/businesses/" + otherSlug + "/payments/" + payment)
                        .get(),
                404,
                "NOT_FOUND");
    }

    @Test
    void a_paid_deposit_is_refunded_in_part_then_in_full_once_and_never_past_what_was_paid() {
        String payment = paidDeposit().payment();
        int refundsBefore = stripe.refunds().size();

        var part = refund(payment, owner.businessId(), owner.token(), "{\"amount\": \"5.00\"}");

        assertThat(part.status()).as(part.raw()).isEqualTo(201);
        assertThat(part.body().get("status").asText()).isEqualTo("paid");
        assertThat(part.body().get("refunded").asText()).isEqualTo("5.00");
        assertThat(part.body().get("refundable").asText()).isEqualTo("10.00");
        JsonNode made = part.body().get("refunds").get(0);
        assertThat(made.get("amount").asText()).isEqualTo("5.00");
        assertThat(made.get("reason").asText()).isEqualTo("by_staff");
        assertThat(made.get("status").asText()).isEqualTo("succeeded");
        assertThat(made.get("stripe_refund").asText()).startsWith("re_test_");
        PaymentGateway.RefundRequest asked = stripe.refunds().get(refundsBefore);
        assertThat(asked.account()).isEqualTo(ACCOUNT);
        assertThat(asked.paymentIntent()).isEqualTo("pi_" + payment);
        assertThat(asked.amount()).isEqualTo(Money.of("5.00", "EUR"));

        var tooMuch = refund(payment, owner.businessId(), owner.token(), "{\"amount\": 10.01}");
        assertProblem(tooMuch, 409, "NOT_REFUNDABLE");
        assertThat(fieldOf(tooMuch)).isEqualTo("amount");

        var rest = refund(payment, owner.businessId(), owner.token(), null);
        assertThat(rest.status()).as(rest.raw()).isEqualTo(201);
        assertThat(rest.body().get("refunded").asText()).isEqualTo("15.00");
        assertThat(rest.body().get("refundable").asText()).isEqualTo("0.00");
        assertThat(rest.body().get("refunds")).hasSize(2);

        assertProblem(refund(payment, owner.businessId(), owner.token(), "{}"), 409, "NOT_REFUNDABLE");
        assertThat(stripe.refunds()).hasSize(refundsBefore + 2);

        var listed = api.at("/api/v1/payments?business=" + owner.businessId())
                .token(owner.token())
                .get();
        assertThat(listed.status()).as(listed.raw()).isEqualTo(200);
        assertThat(listed.body().get("results"))
                .filteredOn(p -> p.get("id").asText().equals(payment))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.get("method").asText()).isEqualTo("stripe");
                    assertThat(p.get("kind").asText()).isEqualTo("deposit");
                    assertThat(p.get("refunds")).hasSize(2);
                    assertThat(p.get("payment_intent").asText()).isEqualTo("pi_" + payment);
                });
    }

    @Test
    void a_refund_asked_with_a_bad_amount_or_id_is_refused_before_stripe_is_asked() {
        String payment = paidDeposit().payment();
        int refundsBefore = stripe.refunds().size();
        List<String> amounts = List.of(
                "{\"amount\": \"-1\"}",
                "{\"amount\": -1}",
                "{\"amount\": 0}",
                "{\"amount\": \"10.001\"}",
                "{\"amount\": \"1e400\"}",
                "{\"amount\": 1e400}",
                "{\"amount\": \"1e-400\"}",
                "{\"amount\": \"99999999999999999999.00\"}");
        for (String body : amounts) {
            var refused = refund(payment, owner.businessId(), owner.token(), body);
            assertProblem(refused, 400, "VALIDATION_FAILED");
            assertThat(fieldOf(refused)).as(body).isEqualTo("amount");
        }
        var wrongKind = refund(payment, owner.businessId(), owner.token(), "{\"amount\": \"ten\"}");
        assertProblem(wrongKind, 400, "VALIDATION_FAILED");
        assertThat(fieldOf(wrongKind)).isEqualTo("amount");
        assertProblem(refund(payment, owner.businessId(), owner.token(), "{\"amount\": "), 400, "MALFORMED_REQUEST");
        assertProblem(refund("not-a-payment", owner.businessId(), owner.token(), null), 400, "VALIDATION_FAILED");
        assertProblem(refund(payment, "not-a-business", owner.token(), null), 400, "VALIDATION_FAILED");
        assertProblem(
                api.at("/api/v1/payments/" + payment + "/refunds")
                        .token(owner.token())
                        .post(Map.of()),
                400,
                "VALIDATION_FAILED");
        assertProblem(refund(UUID.randomUUID().toString(), owner.businessId(), owner.token(), null), 404, "NOT_FOUND");

        assertThat(stripe.refunds()).hasSize(refundsBefore);
    }

    @Test
    void payments_are_the_business_s_own_and_for_those_who_manage_appointments() {
        Paid paid = paidDeposit();
        String payment = paid.payment();
        TestServer.Owner stranger = server.owner("pagos-extrano@example.com", "Extraño Pagos");
        String viewer = member("viewer");
        String staff = member("staff");
        String manager = member("manager");

        assertProblem(
                api.at("/api/v1/payments?business=" + owner.businessId())
                        .token(stranger.token())
                        .get(),
                404,
                "NOT_FOUND");
        assertProblem(refund(payment, owner.businessId(), stranger.token(), null), 404, "NOT_FOUND");
        assertProblem(refund(payment, stranger.businessId(), stranger.token(), null), 404, "NOT_FOUND");
        var strangersOwn = api.at("/api/v1/payments?business=" + stranger.businessId())
                .token(stranger.token())
                .get();
        assertThat(strangersOwn.body().get("results")).isEmpty();

        for (String refusedRole : List.of(viewer, staff)) {
            assertProblem(
                    api.at("/api/v1/payments?business=" + owner.businessId())
                            .token(refusedRole)
                            .get(),
                    403,
                    "FORBIDDEN");
            assertProblem(refund(payment, owner.businessId(), refusedRole, null), 403, "FORBIDDEN");
            assertProblem(settings(owner.businessId(), refusedRole), 403, "FORBIDDEN");
        }
        var managers = api.at("/api/v1/payments/?business=" + owner.businessId() + "&appointment=" + paid.appointment())
                .token(manager)
                .get();
        assertThat(managers.status()).as(managers.raw()).isEqualTo(200);
        assertThat(managers.body().get("results")).hasSize(1);
        assertThat(managers.body().get("next_cursor").isNull()).isTrue();
        assertProblem(settings(owner.businessId(), manager), 403, "FORBIDDEN");
        assertProblem(api.at("/api/v1/payments").token(owner.token()).get(), 400, "VALIDATION_FAILED");
        assertProblem(
                api.at("/api/v1/payments?business=" + owner.businessId() + "&cursor=bm9wZQ")
                        .token(owner.token())
                        .get(),
                400,
                "VALIDATION_FAILED");
        assertProblem(api.at("/api/v1/payments?business=" + owner.businessId()).get(), 401, "AUTHENTICATION_REQUIRED");
    }

    @Test
    void the_settings_change_within_their_bounds_and_name_the_field_they_refuse() {
        TestServer.Owner fresh = server.owner("pagos-ajustes@example.com", "Ajustes Pagos");

        var defaults = settings(fresh.businessId(), fresh.token());
        assertThat(defaults.status()).as(defaults.raw()).isEqualTo(200);
        assertThat(defaults.body().get("configured").asBoolean()).isTrue();
        assertThat(defaults.body().get("charges_enabled").asBoolean()).isFalse();
        assertThat(defaults.body().has("stripe_account")).isFalse();
        assertThat(defaults.body().get("payment_window_minutes").asInt()).isEqualTo(30);
        assertThat(defaults.body().get("refund_percent").asInt()).isEqualTo(100);

        Map<String, String> refused = Map.of(
                "{\"payment_window_minutes\": 29}", "payment_window_minutes",
                "{\"payment_window_minutes\": 1381}", "payment_window_minutes",
                "{\"payment_window_minutes\": -30}", "payment_window_minutes",
                "{\"payment_window_minutes\": \"45\"}", "payment_window_minutes",
                "{\"payment_window_minutes\": 45.5}", "payment_window_minutes",
                "{\"refund_percent\": 101}", "refund_percent",
                "{\"refund_percent\": -1}", "refund_percent");
        refused.forEach((body, field) -> {
            var answer = changeSettings(fresh.businessId(), fresh.token(), body);
            assertProblem(answer, 400, "VALIDATION_FAILED");
            assertThat(fieldOf(answer)).as(body).isEqualTo(field);
            assertThat(answer.body().get("errors").get(0).get("message").asText())
                    .as(body)
                    .isNotBlank();
        });

        var changed = changeSettings(fresh.businessId(), fresh.token(), "{\"payment_window_minutes\": 45}");
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.body().get("payment_window_minutes").asInt()).isEqualTo(45);
        assertThat(changed.body().get("refund_percent").asInt())
                .as("left out, kept")
                .isEqualTo(100);
        var again = changeSettings(fresh.businessId(), fresh.token(), "{\"refund_percent\": 0}");
        assertThat(again.body().get("payment_window_minutes").asInt()).isEqualTo(45);
        assertThat(settings(fresh.businessId(), fresh.token())
                        .body()
                        .get("refund_percent")
                        .asInt())
                .isEqualTo(0);

        assertProblem(changeSettings(owner.businessId(), fresh.token(), "{\"refund_percent\": 10}"), 404, "NOT_FOUND");
        assertProblem(
                api.at("/api/v1/businesses/not-a-business/payment-settings")
                        .token(fresh.token())
                        .get(),
                400,
                "VALIDATION_FAILED");
    }

    @Test
    void connecting_opens_one_account_answers_a_fresh_link_and_refresh_reads_it_back() {
        TestServer.Owner fresh = server.owner("pagos-conecta@example.com", "Conecta Pagos");
        String connect = "/api/v1/businesses/" + fresh.businessId() + "/payment-settings/connect/";
        Map<String, String> bad = Map.of(
                "{\"return_url\": \"javascript:alert(1)\", \"refresh_url\": \"https://app.example/again\"}",
                "return_url",
                "{\"return_url\": \"/settings\", \"refresh_url\": \"https://app.example/again\"}",
                "return_url",
                "{\"return_url\": \"https://app.example/back\", \"refresh_url\": \"ftp://app.example/again\"}",
                "refresh_url",
                "{\"return_url\": \"https://app.example/back\", \"refresh_url\": \"https://a b/\"}",
                "refresh_url",
                "{\"return_url\": \"https://user:pw@app.example/back\", \"refresh_url\": \"https://app.example\"}",
                "return_url",
                "{\"return_url\": \"https://app.example/back\"}",
                "refresh_url");
        bad.forEach((body, field) -> {
            var answer = api.at(connect).token(fresh.token()).raw("POST", body, "application/json");
            assertProblem(answer, 400, "VALIDATION_FAILED");
            assertThat(fieldOf(answer)).as(body).isEqualTo(field);
        });
        int accountsBefore = stripe.accounts().size();

        Map<String, Object> urls =
                Map.of("return_url", "https://app.example/back", "refresh_url", "http://localhost:8080/again");
        var link = api.at(connect).token(fresh.token()).post(urls);
        var second = api.at(connect).token(fresh.token()).post(urls);

        assertThat(link.status()).as(link.raw()).isEqualTo(200);
        assertThat(link.body().get("url").asText()).startsWith("https://connect.stripe.test/setup/acct_test");
        assertThat(second.status()).as(second.raw()).isEqualTo(200);
        assertThat(stripe.accounts()).hasSize(accountsBefore + 1);
        String account = settings(fresh.businessId(), fresh.token())
                .body()
                .get("stripe_account")
                .asText();
        assertThat(link.body().get("url").asText()).endsWith(account);
        assertThat(settings(fresh.businessId(), fresh.token())
                        .body()
                        .get("charges_enabled")
                        .asBoolean())
                .isFalse();

        stripe.accountIs(account, true);
        var refreshed = api.at("/api/v1/businesses/" + fresh.businessId() + "/payment-settings/refresh")
                .token(fresh.token())
                .post(Map.of());
        assertThat(refreshed.status()).as(refreshed.raw()).isEqualTo(200);
        assertThat(refreshed.body().get("charges_enabled").asBoolean()).isTrue();
        assertThat(refreshed.body().get("stripe_account").asText()).isEqualTo(account);

        stripe.failNext(1);
        var stripeDown =
                postEmpty("/api/v1/businesses/" + fresh.businessId() + "/payment-settings/refresh", fresh.token());
        assertProblem(stripeDown, 503, "TEMPORARILY_UNAVAILABLE");
        assertThat(stripeDown.header("Retry-After")).isNotBlank();
    }

    @Test
    void a_server_without_stripe_says_so_when_an_owner_tries_to_connect() {
        ApiClient plain = withoutStripe.client();
        TestServer.Owner someone = withoutStripe.owner("sin-stripe@example.com", "Sin Stripe");

        var settings = plain.at("/api/v1/businesses/" + someone.businessId() + "/payment-settings")
                .token(someone.token())
                .get();
        var connect = plain.at("/api/v1/businesses/" + someone.businessId() + "/payment-settings/connect")
                .token(someone.token())
                .post(Map.of("return_url", "https://app.example/back", "refresh_url", "https://app.example/again"));

        assertThat(settings.body().get("configured").asBoolean()).isFalse();
        assertProblem(connect, 409, "PAYMENTS_NOT_CONNECTED");
    }

    @Test
    void a_deposit_taken_at_the_desk_is_recorded_once_and_is_not_refunded_through_stripe() {
        var booked = bookByHand(owner.token(), colour);
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        assertThat(booked.body().get("status").asText())
                .as("members are asked no deposit")
                .isEqualTo("confirmed");
        String appointment = booked.body().get("id").asText();

        var taken = postEmpty("/api/v1/appointments/" + appointment + "/deposit-in-person/", owner.token());

        assertThat(taken.status()).as(taken.raw()).isEqualTo(201);
        assertThat(taken.body().get("appointment").asText()).isEqualTo(appointment);
        assertThat(taken.body().get("method").asText()).isEqualTo("in_person");
        assertThat(taken.body().get("status").asText()).isEqualTo("paid");
        assertThat(taken.body().get("amount").asText()).isEqualTo("15.00");
        assertThat(taken.body().get("refundable").asText()).isEqualTo("0.00");
        assertThat(taken.body().get("created_at").asText()).endsWith("+01:00");
        var refused = refund(taken.body().get("id").asText(), owner.businessId(), owner.token(), null);
        assertProblem(refused, 409, "NOT_REFUNDABLE");

        String withoutDeposit = bookByHand(owner.token(), cut).body().get("id").asText();
        var noDeposit = postEmpty("/api/v1/appointments/" + withoutDeposit + "/deposit-in-person", owner.token());
        assertProblem(noDeposit, 400, "VALIDATION_FAILED");
        assertThat(fieldOf(noDeposit)).isEqualTo("appointment");
        assertProblem(
                postEmpty("/api/v1/appointments/not-an-appointment/deposit-in-person", owner.token()),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                postEmpty("/api/v1/appointments/" + UUID.randomUUID() + "/deposit-in-person", owner.token()),
                404,
                "NOT_FOUND");
        TestServer.Owner stranger = server.owner("pagos-mano@example.com", "Mano Pagos");
        assertProblem(
                postEmpty("/api/v1/appointments/" + appointment + "/deposit-in-person", stranger.token()),
                404,
                "NOT_FOUND");
    }

    @Test
    void a_deposit_owed_on_the_web_and_paid_at_the_desk_confirms_the_time_and_closes_stripe_s_page() {
        var booked = bookOnTheWeb(colour);
        String appointment = booked.body().get("id").asText();
        String payment = booked.body().get("payment").get("id").asText();

        var taken = postEmpty("/api/v1/appointments/" + appointment + "/deposit-in-person", owner.token());

        assertThat(taken.status()).as(taken.raw()).isEqualTo(201);
        assertThat(api.at("/api/v1/appointments/" + appointment)
                        .token(owner.token())
                        .get()
                        .body()
                        .get("status")
                        .asText())
                .isEqualTo("confirmed");
        var page = api.at("/api/v1/public/businesses/" + slug + "/payments/" + payment)
                .get();
        assertThat(page.body().get("status").asText()).isEqualTo("cancelled");
        assertThat(page.body().has("checkout_url"))
                .as("no page to pay what is no longer owed")
                .isFalse();
        var payments = api.at("/api/v1/payments?business=" + owner.businessId() + "&appointment=" + appointment)
                .token(owner.token())
                .get();
        List<String> seen = new ArrayList<>();
        payments.body()
                .get("results")
                .forEach(p -> seen.add(
                        p.get("method").asText() + " " + p.get("status").asText()));
        // made at the same instant of the test's clock: their order is not the point
        assertThat(seen).containsExactlyInAnyOrder("stripe cancelled", "in_person paid");
    }

    @Test
    void booking_with_the_deposit_taken_records_it_with_the_booking_once_however_often_it_is_sent() {
        String key = "desk-" + UUID.randomUUID();
        Map<String, Object> body = Map.of(
                "business",
                owner.businessId(),
                "service",
                colour,
                "start",
                freshStart(),
                "client",
                Map.of("name", "Eva", "phone", freshPhone()),
                "deposit_taken_in_person",
                true);
        var booked = api.at("/api/v1/appointments")
                .token(owner.token())
                .header("Idempotency-Key", key)
                .post(body);

        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        JsonNode payment = booked.body().get("payment");
        assertThat(payment.get("method").asText()).isEqualTo("in_person");
        assertThat(payment.get("status").asText()).isEqualTo("paid");
        assertThat(payment.get("appointment")).isEqualTo(booked.body().get("id"));

        var again = api.at("/api/v1/appointments/")
                .token(owner.token())
                .header("Idempotency-Key", key)
                .post(body);
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.body().get("payment").get("id")).isEqualTo(payment.get("id"));
        var recorded = api.at("/api/v1/payments?business=" + owner.businessId() + "&appointment="
                        + booked.body().get("id").asText())
                .token(owner.token())
                .get();
        assertThat(recorded.body().get("results")).hasSize(1);

        var plain = bookByHand(owner.token(), cut);
        assertThat(plain.body().has("payment")).isFalse();
    }

    @Test
    void a_deposit_that_cannot_be_recorded_is_refused_before_anything_is_booked() {
        String start = freshStart();
        Map<String, Object> body = Map.of(
                "business",
                owner.businessId(),
                "service",
                cut,
                "start",
                start,
                "client",
                Map.of("name", "Eva", "phone", freshPhone()),
                "deposit_taken_in_person",
                true);

        var noDeposit = api.at("/api/v1/appointments").token(owner.token()).post(body);
        assertProblem(noDeposit, 400, "VALIDATION_FAILED");
        assertThat(fieldOf(noDeposit)).isEqualTo("deposit_taken_in_person");

        String staff = member("staff");
        Map<String, Object> byStaff = new HashMap<>(body);
        byStaff.put("service", colour);
        assertProblem(api.at("/api/v1/appointments").token(staff).post(byStaff), 403, "FORBIDDEN");

        var wrongKind = new HashMap<>(body);
        wrongKind.put("deposit_taken_in_person", "yes");
        assertProblem(api.at("/api/v1/appointments").token(owner.token()).post(wrongKind), 400, "VALIDATION_FAILED");

        Map<String, Object> sameTime = new HashMap<>(body);
        sameTime.remove("deposit_taken_in_person");
        var free = api.at("/api/v1/appointments").token(owner.token()).post(sameTime);
        assertThat(free.status()).as("the time was never taken: %s", free.raw()).isEqualTo(201);
    }
}
