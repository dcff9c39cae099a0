package com.voiceappoint.adapter.payments;

import static com.voiceappoint.adapter.payments.StripeEvents.ACCOUNT;
import static com.voiceappoint.adapter.payments.StripeEvents.CURRENT_VERSION;
import static com.voiceappoint.adapter.payments.StripeEvents.OLD_VERSION;
import static com.voiceappoint.adapter.payments.StripeEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.net.Webhook;
import com.voiceappoint.application.port.in.PaymentEventsUseCase;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.CheckoutCompleted;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.Outcome;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.PaymentEvent;
import com.voiceappoint.domain.payment.PaymentId;
import com.voiceappoint.domain.payment.SavedCardId;
import com.voiceappoint.domain.shared.Money;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Stripe's news of the pages that keep a card for a no-show fee, as Stripe posts it: a page in setup mode, which took
 * no money, and a deposit's page that kept the card it was paid with. The customer and the intent that saved the
 * card come as ids, in every API version.
 */
class StripeCardEventsTest {
    private static final String CONNECT_SECRET = "whsec_connectEndpointSecretForTestsOnly";
    private static final Instant NOW = Instant.parse("2026-12-07T10:05:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final StripeSettings SETTINGS = StripeSettings.of("sk_test_51PlatformKeyForTestsOnly")
            .withWebhookSecrets(Optional.empty(), Optional.of(CONNECT_SECRET));

    private static final String CARD_ID = "6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f";
    private static final String SETUP_SESSION = "cs_test_c1Setup9xWl3vZ0cPq5fJtR8sYb2nD4mHgE6uLo";
    private static final String CUSTOMER = "cus_QSalonCarmen";
    private static final String SETUP_INTENT = "seti_1QSalonSetup0001";

    private final List<PaymentEvent> applied = new ArrayList<>();
    private final PaymentEventsUseCase events = event -> {
        applied.add(event);
        return Outcome.APPLIED;
    };
    private final StripeWebhook webhook = new StripeWebhook(events, SETTINGS, CLOCK);

    private StripeWebhook.Answer postConnect(String payload) {
        String signature;
        try {
            signature = Webhook.Signature.generateSignatureHeader(payload, CONNECT_SECRET, NOW.getEpochSecond());
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
        Map<String, String> headers = Map.of("stripe-signature", signature);
        return webhook.handle(payload.getBytes(StandardCharsets.UTF_8), name -> Optional.ofNullable(headers.get(name)));
    }

    /** A Checkout Session in setup mode, completed: a card saved, nothing paid. */
    private static String setupSession(String cardId) {
        return """
                {
                  "id": "%s",
                  "object": "checkout.session",
                  "amount_subtotal": null,
                  "amount_total": null,
                  "cancel_url": "https://citas.example.com/lola/card/%s",
                  "created": 1796637600,
                  "currency": null,
                  "customer": "%s",
                  "customer_creation": "always",
                  "customer_details": {"email": "carmen@example.com", "name": "Carmen Ruiz", "phone": null,
                                       "tax_exempt": "none", "tax_ids": []},
                  "customer_email": "carmen@example.com",
                  "expires_at": 1796639400,
                  "livemode": false,
                  "locale": "es",
                  "metadata": {
                    "appointment_id": "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
                    "business_id": "5d1e8f3a-2b4c-4d6e-8f0a-1b2c3d4e5f60",
                    "saved_card_id": "%s"
                  },
                  "mode": "setup",
                  "payment_intent": null,
                  "payment_method_types": ["card"],
                  "payment_status": "no_payment_required",
                  "setup_intent": "%s",
                  "status": "complete",
                  "success_url": "https://citas.example.com/lola/card/%s?saved=1",
                  "url": null
                }
                """.formatted(SETUP_SESSION, cardId, CUSTOMER, cardId, SETUP_INTENT, cardId);
    }

    @ParameterizedTest
    @ValueSource(strings = {CURRENT_VERSION, OLD_VERSION})
    void a_page_in_setup_mode_names_the_card_its_customer_and_the_setup_intent(String version) {
        StripeWebhook.Answer answer = postConnect(
                event("evt_1QSalonCardSaved01", "checkout.session.completed", ACCOUNT, version, setupSession(CARD_ID)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(applied)
                .containsExactly(new CheckoutCompleted(
                        "evt_1QSalonCardSaved01",
                        Optional.of(ACCOUNT),
                        SETUP_SESSION,
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        false,
                        Optional.of(new SavedCardId(UUID.fromString(CARD_ID))),
                        Optional.of(CUSTOMER),
                        Optional.of(SETUP_INTENT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1-2-3-4-5"})
    void a_card_id_we_did_not_write_names_no_card(String cardId) {
        postConnect(event(
                "evt_1QSalonCardSaved02",
                "checkout.session.completed",
                ACCOUNT,
                CURRENT_VERSION,
                setupSession(cardId)));

        assertThat(applied).singleElement().satisfies(event -> {
            CheckoutCompleted completed = (CheckoutCompleted) event;
            assertThat(completed.card()).isEmpty();
            assertThat(completed.customer()).contains(CUSTOMER);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {CURRENT_VERSION, OLD_VERSION})
    void a_deposit_page_that_kept_the_card_names_the_payment_the_card_and_the_customer(String version) {
        String session = StripeEvents.session("paid", "complete", 1500, "eur", StripeEvents.PAYMENT_ID)
                .replace("\"customer\": null", "\"customer\": \"" + CUSTOMER + "\"")
                .replace(
                        "\"payment_id\": \"" + StripeEvents.PAYMENT_ID + "\"",
                        "\"payment_id\": \"" + StripeEvents.PAYMENT_ID + "\", \"saved_card_id\": \"" + CARD_ID + "\"");

        postConnect(event("evt_1QSalonDepositCard1", "checkout.session.completed", ACCOUNT, version, session));

        assertThat(applied)
                .containsExactly(new CheckoutCompleted(
                        "evt_1QSalonDepositCard1",
                        Optional.of(ACCOUNT),
                        StripeEvents.SESSION_ID,
                        Optional.of(new PaymentId(UUID.fromString(StripeEvents.PAYMENT_ID))),
                        Optional.of(StripeEvents.PAYMENT_INTENT),
                        Optional.of(Money.of("15.00", "EUR")),
                        true,
                        Optional.of(new SavedCardId(UUID.fromString(CARD_ID))),
                        Optional.of(CUSTOMER),
                        Optional.empty()));
    }
}
