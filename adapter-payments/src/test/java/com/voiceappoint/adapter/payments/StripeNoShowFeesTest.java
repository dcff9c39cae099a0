package com.voiceappoint.adapter.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.adapter.payments.StripeStandIn.Recorded;
import com.voiceappoint.adapter.payments.StripeStandIn.Reply;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.port.out.PaymentGateway.CardSetupRequest;
import com.voiceappoint.application.port.out.PaymentGateway.ChargeOutcome;
import com.voiceappoint.application.port.out.PaymentGateway.Checkout;
import com.voiceappoint.application.port.out.PaymentGateway.CheckoutRequest;
import com.voiceappoint.application.port.out.PaymentGateway.OffSessionCharge;
import com.voiceappoint.application.port.out.PaymentGateway.OffSessionRequest;
import com.voiceappoint.application.port.out.PaymentGateway.SavedBy;
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

/**
 * What the Stripe gateway sends for a no-show fee, against the local stand-in for Stripe's API: the page that keeps a
 * card with the deposit, the page in setup mode that keeps it alone, the card read from what saved it, and the charge
 * made without the client, with every way Stripe answers it.
 */
class StripeNoShowFeesTest {
    private static final String KEY = "sk_test_51PlatformKeyForTestsOnly";
    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ACCOUNT = "acct_1QSalonLolaMadrid";
    private static final String CARD_ID = "6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    private static final String FEE_ID = "2e4f6a8c-1b3d-4f5a-9c7e-0d2f4b6a8c1e";
    private static final StripePaymentGateway.Network QUICK =
            new StripePaymentGateway.Network(Duration.ofSeconds(2), Duration.ofSeconds(2), 0);

    private static final String SESSION_ID = "cs_test_c1Setup9xWl3vZ0cPq5fJtR8sYb2nD4mHgE6uLo";
    private static final String SESSION = """
            {
              "id": "%s",
              "object": "checkout.session",
              "cancel_url": "https://citas.example.com/lola/card/%s",
              "created": 1796637600,
              "customer_creation": "always",
              "expires_at": 1796639400,
              "livemode": false,
              "locale": "es",
              "metadata": {"saved_card_id": "%s"},
              "mode": "setup",
              "payment_status": "no_payment_required",
              "setup_intent": "seti_1QSalonSetup",
              "status": "open",
              "success_url": "https://citas.example.com/lola/card/%s?saved=1",
              "url": "https://checkout.stripe.com/c/pay/%s#fidkdWxOYHwnPyd1blpxYHZxWjA0"
            }
            """.formatted(SESSION_ID, CARD_ID, CARD_ID, CARD_ID, SESSION_ID);

    private StripeStandIn stripe;

    @BeforeEach
    void standInForStripe() throws IOException {
        stripe = new StripeStandIn();
    }

    @AfterEach
    void stop() {
        stripe.close();
    }

    private StripePaymentGateway gateway() {
        return new StripePaymentGateway(StripeSettings.of(KEY).withApiBase(stripe.base()), CLOCK, QUICK);
    }

    private static CardSetupRequest setup(String notice, Instant expiresAt) {
        return new CardSetupRequest(
                ACCOUNT,
                notice,
                Optional.of("carmen@example.com"),
                Language.ES,
                URI.create("https://citas.example.com/lola/card/" + CARD_ID + "?saved=1"),
                URI.create("https://citas.example.com/lola/card/" + CARD_ID),
                expiresAt,
                Map.of("saved_card_id", CARD_ID, "appointment_id", "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"),
                "card-" + CARD_ID);
    }

    private static OffSessionRequest fee(Money amount) {
        return new OffSessionRequest(
                ACCOUNT,
                "cus_QSalonCarmen",
                "pm_1QSalonCarmenVisa",
                amount,
                "Cargo por no presentarse · Corte · Lola",
                Optional.of(Money.of("1.00", "EUR")),
                Map.of("payment_id", FEE_ID, "saved_card_id", CARD_ID),
                "no-show-fee-" + FEE_ID);
    }

    private static String intent(String id, String status) {
        return """
                {"id": "%s", "object": "payment_intent", "amount": 2000, "currency": "eur",
                 "customer": "cus_QSalonCarmen", "payment_method": "pm_1QSalonCarmenVisa", "status": "%s"}
                """.formatted(id, status);
    }

    @Test
    void a_card_is_kept_on_a_page_in_setup_mode_on_the_business_s_account() {
        stripe.always("POST", "/v1/checkout/sessions", Reply.ok(SESSION));
        String notice = "Lola guarda tu tarjeta para Corte: no se cobra nada ahora.";

        Checkout checkout = gateway().openCardSetup(setup(notice, NOW.plus(Duration.ofMinutes(31))));

        assertThat(checkout.session()).isEqualTo(SESSION_ID);
        assertThat(checkout.url().toString()).startsWith("https://checkout.stripe.com/c/pay/" + SESSION_ID);
        Recorded sent = stripe.last();
        assertThat(sent.path()).isEqualTo("/v1/checkout/sessions");
        assertThat(sent.header("Stripe-Account")).isEqualTo(ACCOUNT);
        assertThat(sent.header("Idempotency-Key")).isEqualTo("card-" + CARD_ID);
        assertThat(sent.form())
                .containsEntry("mode", "setup")
                .containsEntry("payment_method_types[0]", "card")
                .containsEntry("customer_creation", "always")
                .containsEntry("custom_text[submit][message]", notice)
                .containsEntry("customer_email", "carmen@example.com")
                .containsEntry("locale", "es")
                .containsEntry(
                        "expires_at",
                        Long.toString(NOW.plus(Duration.ofMinutes(31)).getEpochSecond()))
                .containsEntry("success_url", "https://citas.example.com/lola/card/" + CARD_ID + "?saved=1")
                .containsEntry("cancel_url", "https://citas.example.com/lola/card/" + CARD_ID)
                .containsEntry("metadata[saved_card_id]", CARD_ID)
                .containsEntry("setup_intent_data[metadata][saved_card_id]", CARD_ID);
        // a setup page takes no money: nothing to charge, nothing for the platform
        assertThat(sent.form().keySet())
                .noneMatch(name -> name.startsWith("line_items")
                        || name.startsWith("payment_intent_data")
                        || name.contains("application_fee"));
    }

    @Test
    void a_setup_page_outside_stripe_s_window_or_with_too_long_a_notice_is_refused_before_sending() {
        assertThatThrownBy(() -> gateway().openCardSetup(setup("ok", NOW.plus(Duration.ofMinutes(20)))))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> gateway().openCardSetup(setup("x".repeat(1201), NOW.plus(Duration.ofMinutes(31)))))
                .isInstanceOf(InvalidValueException.class);
        assertThat(stripe.requests()).isEmpty();
    }

    @Test
    void the_deposit_page_that_keeps_the_card_sets_its_payment_up_for_use_without_the_client() {
        stripe.always("POST", "/v1/checkout/sessions", Reply.ok(SESSION));
        CheckoutRequest deposit = new CheckoutRequest(
                ACCOUNT,
                Money.of("15.00", "EUR"),
                "Depósito · Color · Lola",
                Optional.empty(),
                Language.ES,
                URI.create("https://citas.example.com/lola/pay/1?paid=1"),
                URI.create("https://citas.example.com/lola/pay/1"),
                NOW.plus(Duration.ofMinutes(31)),
                Optional.empty(),
                Map.of("payment_id", FEE_ID, "saved_card_id", CARD_ID),
                "checkout-" + FEE_ID);

        gateway().openCheckoutSavingCard(deposit);

        Map<String, String> form = stripe.last().form();
        assertThat(stripe.last().header("Stripe-Account")).isEqualTo(ACCOUNT);
        assertThat(form)
                .containsEntry("mode", "payment")
                .containsEntry("line_items[0][price_data][unit_amount]", "1500")
                .containsEntry("payment_intent_data[setup_future_usage]", "off_session")
                .containsEntry("customer_creation", "always")
                .containsEntry("payment_method_types[0]", "card")
                .containsEntry("payment_intent_data[metadata][saved_card_id]", CARD_ID)
                .containsEntry("metadata[payment_id]", FEE_ID);

        // a deposit's page that keeps no card says nothing of one
        gateway().openCheckout(deposit);
        assertThat(stripe.last().form().keySet())
                .noneMatch(name -> name.contains("setup_future_usage")
                        || name.equals("customer_creation")
                        || name.startsWith("payment_method_types"));
    }

    @Test
    void the_card_saved_is_read_from_the_setup_intent_or_the_payment_intent_on_the_business_s_account() {
        stripe.always("GET", "/v1/setup_intents/seti_1QSalonSetup", Reply.ok("""
                        {"id": "seti_1QSalonSetup", "object": "setup_intent", "status": "succeeded",
                         "customer": "cus_QSalonCarmen", "payment_method": "pm_1QSalonCarmenVisa"}
                        """))
                .always(
                        "GET",
                        "/v1/payment_intents/pi_3QSalonDeposit",
                        Reply.ok(intent("pi_3QSalonDeposit", "succeeded")))
                .always("GET", "/v1/setup_intents/seti_none", Reply.ok("""
                        {"id": "seti_none", "object": "setup_intent", "status": "canceled", "payment_method": null}
                        """));

        assertThat(gateway().savedPaymentMethod(ACCOUNT, new SavedBy("seti_1QSalonSetup", true)))
                .isEqualTo("pm_1QSalonCarmenVisa");
        assertThat(stripe.last().method()).isEqualTo("GET");
        assertThat(stripe.last().header("Stripe-Account")).isEqualTo(ACCOUNT);
        assertThat(gateway().savedPaymentMethod(ACCOUNT, new SavedBy("pi_3QSalonDeposit", false)))
                .isEqualTo("pm_1QSalonCarmenVisa");
        assertThat(stripe.last().path()).isEqualTo("/v1/payment_intents/pi_3QSalonDeposit");
        assertThatThrownBy(() -> gateway().savedPaymentMethod(ACCOUNT, new SavedBy("seti_none", true)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PAYMENT_REFUSED));
    }

    @Test
    void the_fee_is_charged_off_session_on_the_business_s_account_under_its_own_key() {
        stripe.always("POST", "/v1/payment_intents", Reply.ok(intent("pi_3QSalonFee", "succeeded")));

        OffSessionCharge charged = gateway().chargeOffSession(fee(Money.of("20.00", "EUR")));

        assertThat(charged).isEqualTo(OffSessionCharge.charged("pi_3QSalonFee"));
        Recorded sent = stripe.last();
        assertThat(sent.method()).isEqualTo("POST");
        assertThat(sent.path()).isEqualTo("/v1/payment_intents");
        assertThat(sent.header("Stripe-Account")).isEqualTo(ACCOUNT);
        assertThat(sent.header("Idempotency-Key")).isEqualTo("no-show-fee-" + FEE_ID);
        assertThat(sent.form())
                .containsEntry("amount", "2000")
                .containsEntry("currency", "eur")
                .containsEntry("customer", "cus_QSalonCarmen")
                .containsEntry("payment_method", "pm_1QSalonCarmenVisa")
                .containsEntry("off_session", "true")
                .containsEntry("confirm", "true")
                .containsEntry("application_fee_amount", "100")
                .containsEntry("description", "Cargo por no presentarse · Corte · Lola")
                .containsEntry("metadata[payment_id]", FEE_ID)
                .containsEntry("metadata[saved_card_id]", CARD_ID);
    }

    @Test
    void a_bank_asking_for_its_holder_is_answered_as_authentication_required_with_stripe_s_payment() {
        stripe.then(
                "POST",
                "/v1/payment_intents",
                Reply.error(402, """
                        {"error": {"type": "card_error", "code": "authentication_required",
                         "decline_code": "authentication_required",
                         "message": "Your card was declined. This transaction requires authentication.",
                         "payment_intent": {"id": "pi_3QSalonAuth", "object": "payment_intent",
                                            "status": "requires_payment_method"}}}
                        """),
                Reply.ok(intent("pi_3QSalonAction", "requires_action")));

        OffSessionCharge asked = gateway().chargeOffSession(fee(Money.of("20.00", "EUR")));
        // an older API version answers with the PaymentIntent waiting for its holder
        OffSessionCharge waiting = gateway().chargeOffSession(fee(Money.of("20.00", "EUR")));

        assertThat(asked.outcome()).isEqualTo(ChargeOutcome.AUTHENTICATION_REQUIRED);
        assertThat(asked.paymentIntent()).contains("pi_3QSalonAuth");
        assertThat(asked.reason()).startsWith("authentication_required").contains("requires authentication");
        assertThat(waiting.outcome()).isEqualTo(ChargeOutcome.AUTHENTICATION_REQUIRED);
        assertThat(waiting.paymentIntent()).contains("pi_3QSalonAction");
    }

    @Test
    void a_declined_card_is_answered_with_the_bank_s_reason() {
        stripe.then("POST", "/v1/payment_intents", Reply.error(402, """
                        {"error": {"type": "card_error", "code": "card_declined", "decline_code": "insufficient_funds",
                         "message": "Your card has insufficient funds.",
                         "payment_intent": {"id": "pi_3QSalonDeclined", "object": "payment_intent",
                                            "status": "requires_payment_method"}}}
                        """));

        OffSessionCharge declined = gateway().chargeOffSession(fee(Money.of("20.00", "EUR")));

        assertThat(declined)
                .isEqualTo(new OffSessionCharge(
                        ChargeOutcome.DECLINED,
                        Optional.of("pi_3QSalonDeclined"),
                        "card_declined (insufficient_funds): Your card has insufficient funds."));
    }

    @Test
    void a_charge_stripe_fails_on_its_side_is_unavailable_and_one_it_finds_invalid_is_refused() {
        stripe.then(
                "POST",
                "/v1/payment_intents",
                Reply.error(500, "{\"error\": {\"type\": \"api_error\", \"message\": \"Something went wrong.\"}}"),
                Reply.error(400, """
                        {"error": {"type": "invalid_request_error", "code": "resource_missing",
                         "param": "payment_method", "message": "No such PaymentMethod: 'pm_1QSalonCarmenVisa'"}}
                        """));

        assertThatThrownBy(() -> gateway().chargeOffSession(fee(Money.of("20.00", "EUR"))))
                .isInstanceOf(StoreUnavailableException.class);
        assertThatThrownBy(() -> gateway().chargeOffSession(fee(Money.of("20.00", "EUR"))))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.PAYMENT_REFUSED);
                    assertThat(e.arguments()).containsEntry("stripeCode", "resource_missing");
                });
    }
}
