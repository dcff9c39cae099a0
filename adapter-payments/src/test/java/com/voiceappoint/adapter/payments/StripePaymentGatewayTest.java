package com.voiceappoint.adapter.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.adapter.payments.StripeStandIn.Recorded;
import com.voiceappoint.adapter.payments.StripeStandIn.Reply;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.port.out.PaymentGateway;
import com.voiceappoint.application.port.out.PaymentGateway.Checkout;
import com.voiceappoint.application.port.out.PaymentGateway.CheckoutRequest;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.Money;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Stripe gateway against a local stand-in for Stripe's API: the exact requests it makes, and every way back. */
class StripePaymentGatewayTest {
    private static final String KEY = "sk_test_51PlatformKeyForTestsOnly";
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ACCOUNT = "acct_1QSalonLolaMadrid";
    private static final String PAYMENT_ID = "0b6f3c2e-7d4a-4f7e-9a51-3f0e2d1c4b5a";
    private static final Map<String, String> METADATA = Map.of(
            "payment_id", PAYMENT_ID,
            "business_id", "5d1e8f3a-2b4c-4d6e-8f0a-1b2c3d4e5f60",
            "appointment_id", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d");
    /** No retry, short waits: each test counts the requests itself. */
    private static final StripePaymentGateway.Network QUICK =
            new StripePaymentGateway.Network(Duration.ofSeconds(2), Duration.ofSeconds(2), 0);

    private static final String SESSION_ID = "cs_test_a1Kq9xWl3vZ0cPq5fJtR8sYb2nD4mHgE6uLoI7wC";
    private static final String SESSION = """
            {
              "id": "%s",
              "object": "checkout.session",
              "amount_subtotal": 2550,
              "amount_total": 2550,
              "cancel_url": "https://citas.example.com/pay/cancelled",
              "created": 1796637600,
              "currency": "eur",
              "customer_email": "carmen@example.com",
              "expires_at": 1796639400,
              "livemode": false,
              "locale": "es",
              "metadata": {"payment_id": "%s"},
              "mode": "payment",
              "payment_intent": null,
              "payment_status": "unpaid",
              "status": "open",
              "success_url": "https://citas.example.com/pay/done",
              "url": "https://checkout.stripe.com/c/pay/%s#fidkdWxOYHwnPyd1blpxYHZxWjA0"
            }
            """.formatted(SESSION_ID, PAYMENT_ID, SESSION_ID);

    private StripeStandIn stripe;

    @BeforeEach
    void standInForStripe() throws IOException {
        stripe = new StripeStandIn();
    }

    @AfterEach
    void stop() {
        stripe.close();
    }

    private StripePaymentGateway gateway(StripePaymentGateway.Network network) {
        return new StripePaymentGateway(StripeSettings.of(KEY).withApiBase(stripe.base()), CLOCK, network);
    }

    private StripePaymentGateway gateway() {
        return gateway(QUICK);
    }

    private static CheckoutRequest deposit(Money amount, Language language, Optional<String> email) {
        return new CheckoutRequest(
                ACCOUNT,
                amount,
                "Señal: Corte y color, lunes 14 de diciembre, 10:00",
                email,
                language,
                URI.create("https://citas.example.com/pay/done"),
                URI.create("https://citas.example.com/pay/cancelled"),
                NOW.plus(Duration.ofMinutes(45)),
                amount.currency().getCurrencyCode().equals("EUR")
                        ? Optional.of(Money.of("1.28", "EUR"))
                        : Optional.empty(),
                METADATA,
                "checkout-" + PAYMENT_ID);
    }

    private static CheckoutRequest deposit() {
        return deposit(Money.of("25.50", "EUR"), Language.ES, Optional.of("carmen@example.com"));
    }

    @Test
    void a_payment_page_is_opened_on_the_business_s_account_for_the_exact_amount_in_cents() {
        stripe.always("POST", "/v1/checkout/sessions", Reply.ok(SESSION));

        Checkout checkout = gateway().openCheckout(deposit());

        assertThat(checkout)
                .isEqualTo(new Checkout(
                        SESSION_ID,
                        URI.create(
                                "https://checkout.stripe.com/c/pay/" + SESSION_ID + "#fidkdWxOYHwnPyd1blpxYHZxWjA0")));
        Recorded sent = stripe.last();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/checkout/sessions");
        assertThat(sent.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(sent.header("Stripe-Account")).isEqualTo(ACCOUNT);
        assertThat(sent.header("Idempotency-Key")).isEqualTo("checkout-" + PAYMENT_ID);
        assertThat(sent.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        Map<String, String> form = sent.form();
        assertThat(form)
                .containsEntry("mode", "payment")
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("line_items[0][price_data][currency]", "eur")
                .containsEntry("line_items[0][price_data][unit_amount]", "2550")
                .containsEntry(
                        "line_items[0][price_data][product_data][name]",
                        "Señal: Corte y color, lunes 14 de diciembre, 10:00")
                .containsEntry("customer_email", "carmen@example.com")
                .containsEntry("locale", "es")
                .containsEntry("success_url", "https://citas.example.com/pay/done")
                .containsEntry("cancel_url", "https://citas.example.com/pay/cancelled")
                .containsEntry(
                        "expires_at",
                        Long.toString(NOW.plus(Duration.ofMinutes(45)).getEpochSecond()))
                .containsEntry("payment_intent_data[application_fee_amount]", "128");
        assertThat(StripeStandIn.under(form, "metadata")).isEqualTo(METADATA);
        assertThat(StripeStandIn.under(form, "payment_intent_data[metadata]")).isEqualTo(METADATA);
        assertThat(form.keySet())
                .as("exactly what was asked: no payment method list, no customer, no price object")
                .containsExactlyInAnyOrder(
                        "mode",
                        "line_items[0][quantity]",
                        "line_items[0][price_data][currency]",
                        "line_items[0][price_data][unit_amount]",
                        "line_items[0][price_data][product_data][name]",
                        "customer_email",
                        "locale",
                        "success_url",
                        "cancel_url",
                        "expires_at",
                        "payment_intent_data[application_fee_amount]",
                        "metadata[payment_id]",
                        "metadata[business_id]",
                        "metadata[appointment_id]",
                        "payment_intent_data[metadata][payment_id]",
                        "payment_intent_data[metadata][business_id]",
                        "payment_intent_data[metadata][appointment_id]");
    }

    @Test
    void yen_are_sent_as_they_are_and_a_page_without_e_mail_or_fee_sends_neither() {
        stripe.always("POST", "/v1/checkout/sessions", Reply.ok(SESSION));

        gateway().openCheckout(deposit(Money.of("3000", "JPY"), Language.EN, Optional.empty()));

        Map<String, String> form = stripe.last().form();
        assertThat(form)
                .containsEntry("line_items[0][price_data][currency]", "jpy")
                .containsEntry("line_items[0][price_data][unit_amount]", "3000")
                .containsEntry("locale", "en")
                .doesNotContainKey("customer_email")
                .doesNotContainKey("payment_intent_data[application_fee_amount]");
    }

    private static CheckoutRequest until(Instant expiresAt) {
        CheckoutRequest usual = deposit();
        return new CheckoutRequest(
                usual.account(),
                usual.amount(),
                usual.description(),
                usual.customerEmail(),
                usual.language(),
                usual.successUrl(),
                usual.cancelUrl(),
                expiresAt,
                usual.applicationFee(),
                usual.metadata(),
                usual.idempotencyKey() + "-" + expiresAt.getEpochSecond());
    }

    @Test
    void a_deadline_outside_stripe_s_window_is_refused_before_anything_is_sent_not_moved() {
        stripe.always("POST", "/v1/checkout/sessions", Reply.ok(SESSION));
        PaymentGateway gateway = gateway();

        for (Instant outside : new Instant[] {
            NOW.plus(Duration.ofMinutes(10)),
            NOW.plus(Duration.ofMinutes(30)).minusSeconds(1),
            NOW.plus(Duration.ofHours(30))
        }) {
            assertThatThrownBy(() -> gateway.openCheckout(until(outside)))
                    .isInstanceOfSatisfying(
                            InvalidValueException.class,
                            e -> assertThat(e.field()).isEqualTo("expiresAt"));
        }
        assertThat(stripe.requests()).isEmpty();

        gateway.openCheckout(until(NOW.plus(Duration.ofMinutes(31)).plusMillis(900)));
        assertThat(stripe.last().form())
                .as("the caller's deadline as it is, in whole seconds")
                .containsEntry(
                        "expires_at",
                        Long.toString(NOW.plus(Duration.ofMinutes(31)).getEpochSecond()));
        gateway.openCheckout(until(NOW.plus(Duration.ofHours(24))));
        assertThat(stripe.last().form())
                .containsEntry(
                        "expires_at",
                        Long.toString(NOW.plus(Duration.ofHours(24)).getEpochSecond()));
    }

    @Test
    void an_amount_stripe_cannot_charge_exactly_is_refused_before_anything_is_sent() {
        PaymentGateway gateway = gateway();
        assertThatThrownBy(() -> gateway.openCheckout(deposit(Money.of("5.124", "KWD"), Language.EN, Optional.empty())))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("amount");
                    assertThat(e.getMessage()).contains("5.124 KWD");
                });
        assertThatThrownBy(
                        () -> gateway.openCheckout(deposit(Money.of("1500.50", "MGA"), Language.EN, Optional.empty())))
                .isInstanceOf(InvalidValueException.class);
        CheckoutRequest feeTooBig = new CheckoutRequest(
                ACCOUNT,
                Money.of("1.00", "EUR"),
                "Señal",
                Optional.empty(),
                Language.ES,
                URI.create("https://citas.example.com/pay/done"),
                URI.create("https://citas.example.com/pay/cancelled"),
                NOW.plus(Duration.ofHours(1)),
                Optional.of(Money.of("1.01", "EUR")),
                Map.of(),
                "k");
        assertThatThrownBy(() -> gateway.openCheckout(feeTooBig))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("applicationFee"));
        assertThat(stripe.requests()).isEmpty();

        stripe.always("POST", "/v1/checkout/sessions", Reply.ok(SESSION));
        gateway.openCheckout(deposit(Money.of("5.120", "KWD"), Language.EN, Optional.empty()));
        assertThat(stripe.last().form())
                .containsEntry("line_items[0][price_data][currency]", "kwd")
                .containsEntry("line_items[0][price_data][unit_amount]", "5120");
    }

    @Test
    void a_business_account_is_opened_for_direct_charges_with_the_business_liable_and_the_full_dashboard() {
        stripe.always("POST", "/v1/accounts", Reply.ok("""
                        {"id": "acct_1QSalonLolaMadrid", "object": "account", "business_type": null,
                         "charges_enabled": false, "country": "ES", "details_submitted": false,
                         "email": "lola@example.com", "payouts_enabled": false,
                         "controller": {"fees": {"payer": "account"}, "is_controller": true,
                                        "losses": {"payments": "stripe"}, "requirement_collection": "stripe",
                                        "stripe_dashboard": {"type": "full"}, "type": "application"}}
                        """));

        String account = gateway()
                .createAccount(new PaymentGateway.NewAccount(
                        "Peluquería Lola",
                        Optional.of("lola@example.com"),
                        Optional.of("ES"),
                        "account-of-business-42"));

        assertThat(account).isEqualTo(ACCOUNT);
        Recorded sent = stripe.last();
        assertThat(sent.path()).isEqualTo("/v1/accounts");
        assertThat(sent.header("Idempotency-Key")).isEqualTo("account-of-business-42");
        assertThat(sent.header("Stripe-Account"))
                .as("made by the platform, for itself")
                .isNull();
        assertThat(sent.form())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "country", "ES",
                        "email", "lola@example.com",
                        "business_profile[name]", "Peluquería Lola",
                        "controller[fees][payer]", "account",
                        "controller[losses][payments]", "stripe",
                        "controller[requirement_collection]", "stripe",
                        "controller[stripe_dashboard][type]", "full"));

        gateway()
                .createAccount(new PaymentGateway.NewAccount("Barbería Sol", Optional.empty(), Optional.empty(), "k2"));
        assertThat(stripe.last().form())
                .as("Stripe asks the owner in onboarding what the platform does not know")
                .doesNotContainKey("email")
                .doesNotContainKey("country")
                .doesNotContainKey("type");
    }

    @Test
    void an_onboarding_link_and_the_account_s_state_are_asked_of_stripe() {
        stripe.always("POST", "/v1/account_links", Reply.ok("""
                        {"object": "account_link", "created": 1796637600, "expires_at": 1796637900,
                         "url": "https://connect.stripe.com/setup/s/acct_1QSalonLolaMadrid/Xq3bT7yUe1Lp"}
                        """));
        stripe.always("GET", "/v1/accounts/" + ACCOUNT, Reply.ok("""
                        {"id": "acct_1QSalonLolaMadrid", "object": "account", "charges_enabled": true,
                         "details_submitted": true, "payouts_enabled": false,
                         "requirements": {"currently_due": [], "disabled_reason": null}}
                        """));
        PaymentGateway gateway = gateway();

        URI link = gateway.onboardingLink(
                ACCOUNT,
                URI.create("https://citas.example.com/settings/payments/refresh"),
                URI.create("https://citas.example.com/settings/payments/done"));

        assertThat(link)
                .isEqualTo(URI.create("https://connect.stripe.com/setup/s/acct_1QSalonLolaMadrid/Xq3bT7yUe1Lp"));
        assertThat(stripe.last().form())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "account", ACCOUNT,
                        "type", "account_onboarding",
                        "refresh_url", "https://citas.example.com/settings/payments/refresh",
                        "return_url", "https://citas.example.com/settings/payments/done"));

        assertThat(gateway.accountState(ACCOUNT)).isEqualTo(new PaymentGateway.AccountState(ACCOUNT, true, true));
        assertThat(stripe.last().method()).isEqualTo("GET");
        assertThat(stripe.last().path()).isEqualTo("/v1/accounts/" + ACCOUNT);
    }

    @Test
    void a_refund_is_made_on_the_business_s_account_against_its_payment() {
        stripe.always("POST", "/v1/refunds", Reply.ok("""
                        {"id": "re_3QSalonRefund0001", "object": "refund", "amount": 1275, "currency": "eur",
                         "payment_intent": "pi_3QSalonPayment0001", "reason": null, "status": "succeeded"}
                        """));

        String refund = gateway()
                .refund(new PaymentGateway.RefundRequest(
                        ACCOUNT, "pi_3QSalonPayment0001", Money.of("12.75", "EUR"), "refund-" + PAYMENT_ID + "-1"));

        assertThat(refund).isEqualTo("re_3QSalonRefund0001");
        Recorded sent = stripe.last();
        assertThat(sent.path()).isEqualTo("/v1/refunds");
        assertThat(sent.header("Stripe-Account")).isEqualTo(ACCOUNT);
        assertThat(sent.header("Idempotency-Key")).isEqualTo("refund-" + PAYMENT_ID + "-1");
        assertThat(sent.form())
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("payment_intent", "pi_3QSalonPayment0001", "amount", "1275"));
    }

    @Test
    void a_declined_card_or_an_invalid_request_is_refused_with_stripe_s_code_and_nothing_done() {
        stripe.then("POST", "/v1/refunds", Reply.error(402, """
                                {"error": {"type": "card_error", "code": "card_declined",
                                 "decline_code": "insufficient_funds",
                                 "message": "Your card has insufficient funds."}}
                                """), Reply.error(400, """
                                {"error": {"type": "invalid_request_error", "code": "charge_already_refunded",
                                 "param": "payment_intent",
                                 "message": "Charge ch_3QSalon has already been refunded."}}
                                """), Reply.error(400, """
                                {"error": {"type": "idempotency_error",
                                 "message": "Keys for idempotent requests can only be used with the same parameters \
                                they were first used with."}}
                                """));
        PaymentGateway.RefundRequest request =
                new PaymentGateway.RefundRequest(ACCOUNT, "pi_3QSalon", Money.of("10.00", "EUR"), "refund-1");
        PaymentGateway gateway = gateway();

        assertThatThrownBy(() -> gateway.refund(request)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PAYMENT_REFUSED);
            assertThat(e.arguments())
                    .containsEntry("stripeCode", "card_declined")
                    .containsEntry("declineCode", "insufficient_funds");
            assertThat(e.getMessage()).contains("Your card has insufficient funds.");
        });
        assertThatThrownBy(() -> gateway.refund(request)).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PAYMENT_REFUSED);
            assertThat(e.arguments())
                    .containsEntry("stripeCode", "charge_already_refunded")
                    .containsEntry("param", "payment_intent");
        });
        assertThatThrownBy(() -> gateway.refund(request))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYMENT_REFUSED));
    }

    @Test
    void a_business_that_took_its_account_away_is_not_connected() {
        stripe.always("POST", "/v1/checkout/sessions", Reply.error(403, """
                        {"error": {"type": "invalid_request_error", "code": "account_invalid",
                         "message": "The provided key 'sk_test_****Only' does not have access to account \
                        'acct_1QSalonLolaMadrid' (or that account does not exist). Application access may have \
                        been revoked."}}
                        """));
        stripe.always("GET", "/v1/accounts/" + ACCOUNT, Reply.error(400, """
                        {"error": {"type": "invalid_request_error", "code": "account_invalid",
                         "message": "The account does not exist or the platform has no access to it."}}
                        """));

        assertThatThrownBy(() -> gateway().openCheckout(deposit())).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.PAYMENTS_NOT_CONNECTED);
            assertThat(e.getMessage()).doesNotContain(KEY);
        });
        assertThatThrownBy(() -> gateway().accountState(ACCOUNT))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYMENTS_NOT_CONNECTED));
    }

    @Test
    void stripe_limiting_failing_or_refusing_our_key_is_unavailable_not_refused() {
        stripe.then(
                "POST",
                "/v1/checkout/sessions",
                Reply.error(429, """
                        {"error": {"type": "invalid_request_error", "code": "rate_limit",
                         "message": "Request rate limit exceeded."}}
                        """),
                Reply.error(500, """
                        {"error": {"type": "api_error", "message": "Something went wrong on Stripe's end."}}
                        """),
                Reply.error(401, """
                        {"error": {"type": "invalid_request_error",
                         "message": "Invalid API Key provided: sk_test_****Only"}}
                        """),
                Reply.ok("this is not JSON"),
                Reply.ok("{\"object\": \"checkout.session\", \"id\": \"cs_test_nourl\"}"));
        PaymentGateway gateway = gateway();

        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> gateway.openCheckout(deposit()))
                    .isInstanceOfSatisfying(
                            StoreUnavailableException.class,
                            e -> assertThat(e.getMessage())
                                    .startsWith("stripe unavailable")
                                    .doesNotContain(KEY));
        }
        assertThat(stripe.requests()).hasSize(5);
    }

    @Test
    void asking_again_after_a_failure_sends_the_same_key_and_the_same_request_so_nothing_is_charged_twice() {
        stripe.then(
                        "POST",
                        "/v1/checkout/sessions",
                        Reply.error(500, "{\"error\": {\"type\": \"api_error\", \"message\": \"Stripe failed.\"}}"))
                .always("POST", "/v1/checkout/sessions", Reply.ok(SESSION));
        PaymentGateway gateway = gateway();

        assertThatThrownBy(() -> gateway.openCheckout(deposit())).isInstanceOf(StoreUnavailableException.class);
        assertThat(gateway.openCheckout(deposit()).session()).isEqualTo(SESSION_ID);

        assertThat(stripe.requests()).hasSize(2);
        Recorded first = stripe.requests().get(0);
        Recorded again = stripe.requests().get(1);
        assertThat(again.header("Idempotency-Key"))
                .isEqualTo(first.header("Idempotency-Key"))
                .isEqualTo("checkout-" + PAYMENT_ID);
        assertThat(again.form()).isEqualTo(first.form());
    }

    @Test
    void stripe_java_s_own_retry_after_a_500_goes_under_the_same_key() {
        stripe.then(
                        "POST",
                        "/v1/checkout/sessions",
                        Reply.error(500, "{\"error\": {\"type\": \"api_error\", \"message\": \"Stripe failed.\"}}"))
                .always("POST", "/v1/checkout/sessions", Reply.ok(SESSION));

        Checkout checkout = gateway(StripePaymentGateway.Network.DEFAULT).openCheckout(deposit());

        assertThat(checkout.session()).isEqualTo(SESSION_ID);
        assertThat(stripe.requests())
                .extracting(r -> r.header("Idempotency-Key"))
                .containsExactly("checkout-" + PAYMENT_ID, "checkout-" + PAYMENT_ID);
    }

    @Test
    void a_stripe_that_never_answers_is_unavailable_within_a_bounded_time() {
        stripe.always("POST", "/v1/checkout/sessions", Reply.silence());
        StripePaymentGateway impatient =
                gateway(new StripePaymentGateway.Network(Duration.ofSeconds(1), Duration.ofMillis(300), 1));

        long started = System.nanoTime();
        assertThatThrownBy(() -> impatient.openCheckout(deposit())).isInstanceOf(StoreUnavailableException.class);
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        // two reads of 300 ms and stripe-java's pause of 0.5 s between them, and some slack for a busy machine
        assertThat(waited).isLessThan(Duration.ofSeconds(4));
        assertThat(stripe.requests())
                .extracting(r -> r.header("Idempotency-Key"))
                .containsExactly("checkout-" + PAYMENT_ID, "checkout-" + PAYMENT_ID);
    }

    @Test
    void a_stripe_that_cannot_be_reached_is_unavailable() {
        URI gone = stripe.base();
        stripe.close();
        StripePaymentGateway unreachable =
                new StripePaymentGateway(StripeSettings.of(KEY).withApiBase(gone), CLOCK, QUICK);

        assertThatThrownBy(() -> unreachable.accountState(ACCOUNT)).isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> unreachable.openCheckout(deposit())).isInstanceOf(StoreUnavailableException.class);
    }

    private static final String CUSTOMER = "cus_QSalonLolaMadrid";
    private static final Map<String, String> SUBSCRIBING =
            Map.of("business_id", "5d1e8f3a-2b4c-4d6e-8f0a-1b2c3d4e5f60", "plan", "pro");

    private static PaymentGateway.SubscriptionCheckoutRequest subscribing(Language language) {
        return new PaymentGateway.SubscriptionCheckoutRequest(
                CUSTOMER,
                "price_1QPlanProMonthly",
                language,
                URI.create("https://citas.example.com/dashboard/lola/settings/billing?subscribed=pro"),
                URI.create("https://citas.example.com/dashboard/lola/settings/billing"),
                SUBSCRIBING,
                "subscribe-5d1e8f3a-pro-es-0");
    }

    @Test
    void a_business_becomes_a_customer_of_the_platform_once_on_the_platform_s_own_account() {
        stripe.always("POST", "/v1/customers", Reply.ok("""
                        {"id": "cus_QSalonLolaMadrid", "object": "customer", "email": "lola@example.com",
                         "metadata": {"business_id": "5d1e8f3a-2b4c-4d6e-8f0a-1b2c3d4e5f60"},
                         "name": "Peluquería Lola"}
                        """));

        String customer = gateway()
                .createCustomer(new PaymentGateway.NewCustomer(
                        "Peluquería Lola",
                        Optional.of("lola@example.com"),
                        Map.of("business_id", "5d1e8f3a-2b4c-4d6e-8f0a-1b2c3d4e5f60"),
                        "customer-5d1e8f3a-2b4c-4d6e-8f0a-1b2c3d4e5f60"));

        assertThat(customer).isEqualTo(CUSTOMER);
        Recorded sent = stripe.last();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/customers");
        assertThat(sent.header("Stripe-Account"))
                .as("the platform's own customer")
                .isNull();
        assertThat(sent.header("Idempotency-Key")).isEqualTo("customer-5d1e8f3a-2b4c-4d6e-8f0a-1b2c3d4e5f60");
        assertThat(sent.form())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "name", "Peluquería Lola",
                        "email", "lola@example.com",
                        "metadata[business_id]", "5d1e8f3a-2b4c-4d6e-8f0a-1b2c3d4e5f60"));
    }

    @Test
    void a_subscription_page_is_opened_on_the_platform_account_for_the_plan_s_price() {
        stripe.always("POST", "/v1/checkout/sessions", Reply.ok("""
                        {"id": "cs_test_b1SubscribeLolaToPro", "object": "checkout.session", "mode": "subscription",
                         "customer": "cus_QSalonLolaMadrid", "status": "open",
                         "url": "https://checkout.stripe.com/c/pay/cs_test_b1SubscribeLolaToPro#fidkdWxOYHwn"}
                        """));

        Checkout checkout = gateway().openSubscriptionCheckout(subscribing(Language.ES));

        assertThat(checkout)
                .isEqualTo(new Checkout(
                        "cs_test_b1SubscribeLolaToPro",
                        URI.create("https://checkout.stripe.com/c/pay/cs_test_b1SubscribeLolaToPro#fidkdWxOYHwn")));
        Recorded sent = stripe.last();
        assertThat(sent.path()).isEqualTo("/v1/checkout/sessions");
        assertThat(sent.header("Stripe-Account"))
                .as("the platform bills on its own account")
                .isNull();
        assertThat(sent.header("Idempotency-Key")).isEqualTo("subscribe-5d1e8f3a-pro-es-0");
        Map<String, String> form = sent.form();
        assertThat(form)
                .containsEntry("mode", "subscription")
                .containsEntry("customer", CUSTOMER)
                .containsEntry("line_items[0][price]", "price_1QPlanProMonthly")
                .containsEntry("line_items[0][quantity]", "1")
                .containsEntry("locale", "es")
                .containsEntry(
                        "success_url", "https://citas.example.com/dashboard/lola/settings/billing?subscribed=pro")
                .containsEntry("cancel_url", "https://citas.example.com/dashboard/lola/settings/billing")
                .containsEntry("client_reference_id", "5d1e8f3a-2b4c-4d6e-8f0a-1b2c3d4e5f60");
        assertThat(StripeStandIn.under(form, "metadata")).isEqualTo(SUBSCRIBING);
        assertThat(StripeStandIn.under(form, "subscription_data[metadata]")).isEqualTo(SUBSCRIBING);
        assertThat(form.keySet())
                .as("the Price says the amount and the month: no price data, no payment intent")
                .containsExactlyInAnyOrder(
                        "mode",
                        "customer",
                        "line_items[0][price]",
                        "line_items[0][quantity]",
                        "locale",
                        "success_url",
                        "cancel_url",
                        "client_reference_id",
                        "metadata[business_id]",
                        "metadata[plan]",
                        "subscription_data[metadata][business_id]",
                        "subscription_data[metadata][plan]");

        gateway().openSubscriptionCheckout(subscribing(Language.EN));
        assertThat(stripe.last().form()).containsEntry("locale", "en");
    }

    @Test
    void the_customer_portal_is_opened_for_the_customer_coming_back_to_the_billing_page() {
        stripe.always("POST", "/v1/billing_portal/sessions", Reply.ok("""
                        {"id": "bps_1QSalonLolaPortal", "object": "billing_portal.session",
                         "customer": "cus_QSalonLolaMadrid", "livemode": false, "locale": "es",
                         "return_url": "https://citas.example.com/dashboard/lola/settings/billing",
                         "url": "https://billing.stripe.com/p/session/test_YWNjdF8xUVNhbG9u"}
                        """));

        URI portal = gateway()
                .openBillingPortal(
                        CUSTOMER, URI.create("https://citas.example.com/dashboard/lola/settings/billing"), Language.ES);

        assertThat(portal).isEqualTo(URI.create("https://billing.stripe.com/p/session/test_YWNjdF8xUVNhbG9u"));
        Recorded sent = stripe.last();
        assertThat(sent.path()).isEqualTo("/v1/billing_portal/sessions");
        assertThat(sent.header("Stripe-Account")).isNull();
        assertThat(sent.form())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "customer", CUSTOMER,
                        "return_url", "https://citas.example.com/dashboard/lola/settings/billing",
                        "locale", "es"));
    }

    @Test
    void a_price_stripe_does_not_know_is_refused_and_stripe_away_is_unavailable() {
        stripe.then("POST", "/v1/checkout/sessions", Reply.error(400, """
                        {"error": {"type": "invalid_request_error", "code": "resource_missing",
                         "param": "line_items[0][price]", "message": "No such price: 'price_1QPlanProMonthly'"}}
                        """));
        stripe.always("POST", "/v1/billing_portal/sessions", Reply.error(500, """
                        {"error": {"type": "api_error", "message": "Something went wrong on Stripe's end."}}
                        """));

        assertThatThrownBy(() -> gateway().openSubscriptionCheckout(subscribing(Language.ES)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PAYMENT_REFUSED);
                    assertThat(e.arguments()).containsEntry("param", "line_items[0][price]");
                });
        assertThatThrownBy(() -> gateway()
                        .openBillingPortal(CUSTOMER, URI.create("https://citas.example.com/back"), Language.EN))
                .isInstanceOf(StoreUnavailableException.class);
    }
}
