package com.voiceappoint.adapter.payments;

import static com.voiceappoint.adapter.payments.StripeEvents.ACCOUNT;
import static com.voiceappoint.adapter.payments.StripeEvents.CURRENT_VERSION;
import static com.voiceappoint.adapter.payments.StripeEvents.OLD_VERSION;
import static com.voiceappoint.adapter.payments.StripeEvents.PAYMENT_ID;
import static com.voiceappoint.adapter.payments.StripeEvents.PAYMENT_INTENT;
import static com.voiceappoint.adapter.payments.StripeEvents.SESSION_ID;
import static com.voiceappoint.adapter.payments.StripeEvents.event;
import static com.voiceappoint.adapter.payments.StripeEvents.session;
import static org.assertj.core.api.Assertions.assertThat;

import com.stripe.net.Webhook;
import com.voiceappoint.application.error.OutcomeUnknownException;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.port.in.PaymentEventsUseCase;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.AccountUpdated;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.CheckoutCompleted;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.CheckoutExpired;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.Disputed;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.Outcome;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.PaymentEvent;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.PaymentFailed;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.SubscriptionChanged;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.SubscriptionCheckoutCompleted;
import com.voiceappoint.domain.billing.SubscriptionStatus;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.payment.PaymentId;
import com.voiceappoint.domain.shared.Money;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Stripe's webhook: events signed as Stripe signs them, with stripe-java's own signing code. */
class StripeWebhookTest {
    private static final String PLATFORM_SECRET = "whsec_platformEndpointSecretForTestsOnly";
    private static final String CONNECT_SECRET = "whsec_connectEndpointSecretForTestsOnly";
    private static final Instant NOW = Instant.parse("2026-12-07T10:05:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final StripeSettings SETTINGS = StripeSettings.of("sk_test_51PlatformKeyForTestsOnly")
            .withWebhookSecrets(Optional.of(PLATFORM_SECRET), Optional.of(CONNECT_SECRET));

    private final List<PaymentEvent> applied = new ArrayList<>();
    private Outcome outcome = Outcome.APPLIED;
    private RuntimeException failure;

    private final PaymentEventsUseCase events = event -> {
        applied.add(event);
        if (failure != null) {
            throw failure;
        }
        return outcome;
    };

    private final StripeWebhook webhook = new StripeWebhook(events, SETTINGS, CLOCK);

    private static String sign(String payload, String secret, Instant at) {
        try {
            return Webhook.Signature.generateSignatureHeader(payload, secret, at.getEpochSecond());
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    private StripeWebhook.Answer post(StripeWebhook to, String payload, Map<String, String> headers) {
        return to.handle(payload.getBytes(StandardCharsets.UTF_8), name -> Optional.ofNullable(headers.get(name)));
    }

    private StripeWebhook.Answer post(String payload, String signature) {
        return post(webhook, payload, Map.of("stripe-signature", signature, "content-type", "application/json"));
    }

    private StripeWebhook.Answer postConnect(String payload) {
        return post(payload, sign(payload, CONNECT_SECRET, NOW));
    }

    private static String completed(String type, String paymentStatus, long amount, String currency, String version) {
        return event(
                "evt_1QSalonCheckoutDone01",
                type,
                ACCOUNT,
                version,
                session(paymentStatus, "complete", amount, currency, PAYMENT_ID));
    }

    @Test
    void a_completed_payment_page_on_a_business_s_account_reaches_the_use_case_with_its_money() {
        StripeWebhook.Answer answer =
                postConnect(completed("checkout.session.completed", "paid", 2550, "eur", CURRENT_VERSION));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.contentType()).isEqualTo("application/json");
        assertThat(answer.body()).isEqualTo("{\"received\":true,\"outcome\":\"applied\"}");
        assertThat(applied)
                .containsExactly(new CheckoutCompleted(
                        "evt_1QSalonCheckoutDone01",
                        Optional.of(ACCOUNT),
                        SESSION_ID,
                        Optional.of(new PaymentId(UUID.fromString(PAYMENT_ID))),
                        Optional.of(PAYMENT_INTENT),
                        Optional.of(Money.of("25.50", "EUR")),
                        true));
    }

    @Test
    void yen_come_back_as_yen_and_an_event_of_an_older_api_version_is_read_all_the_same() {
        postConnect(completed("checkout.session.completed", "paid", 3000, "jpy", OLD_VERSION));
        postConnect(completed("checkout.session.completed", "paid", 5120, "kwd", OLD_VERSION));

        assertThat(applied)
                .extracting(e -> ((CheckoutCompleted) e).amount())
                .containsExactly(Optional.of(Money.of("3000", "JPY")), Optional.of(Money.of("5.120", "KWD")));
    }

    @Test
    void a_delayed_method_completes_unpaid_and_pays_later() {
        postConnect(completed("checkout.session.completed", "unpaid", 2550, "eur", CURRENT_VERSION));
        postConnect(completed("checkout.session.async_payment_succeeded", "paid", 2550, "eur", CURRENT_VERSION));

        assertThat(applied).extracting(e -> ((CheckoutCompleted) e).paid()).containsExactly(false, true);
    }

    @Test
    void a_lapsed_page_a_failed_attempt_a_dispute_and_an_account_change_are_each_translated() {
        postConnect(event(
                "evt_expired",
                "checkout.session.expired",
                ACCOUNT,
                CURRENT_VERSION,
                session("unpaid", "expired", 2550, "eur", PAYMENT_ID)));
        postConnect(event(
                "evt_failed",
                "payment_intent.payment_failed",
                ACCOUNT,
                CURRENT_VERSION,
                StripeEvents.failedPaymentIntent()));
        postConnect(event("evt_dispute", "charge.dispute.created", ACCOUNT, OLD_VERSION, StripeEvents.dispute()));
        postConnect(
                event("evt_account", "account.updated", ACCOUNT, CURRENT_VERSION, StripeEvents.account(true, true)));

        PaymentId payment = new PaymentId(UUID.fromString(PAYMENT_ID));
        assertThat(applied)
                .containsExactly(
                        new CheckoutExpired("evt_expired", Optional.of(ACCOUNT), SESSION_ID, Optional.of(payment)),
                        new PaymentFailed(
                                "evt_failed",
                                Optional.of(ACCOUNT),
                                Optional.of(payment),
                                "card_declined (insufficient_funds): Your card has insufficient funds."),
                        new Disputed("evt_dispute", Optional.of(ACCOUNT), PAYMENT_INTENT, "fraudulent"),
                        new AccountUpdated("evt_account", Optional.of(ACCOUNT), true, true));
    }

    @Test
    void a_platform_event_is_proven_by_the_platform_secret_and_names_no_account() {
        String payload =
                event("evt_platform", "account.updated", null, CURRENT_VERSION, StripeEvents.account(false, false));

        StripeWebhook.Answer answer = post(payload, sign(payload, PLATFORM_SECRET, NOW));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(applied).containsExactly(new AccountUpdated("evt_platform", Optional.empty(), false, false));
    }

    @Test
    void a_forged_stale_or_missing_signature_is_refused_and_nothing_is_applied() {
        String payload = completed("checkout.session.completed", "paid", 2550, "eur", CURRENT_VERSION);

        assertThat(post(payload, sign(payload, "whsec_someoneElse", NOW)).status())
                .as("signed with another secret")
                .isEqualTo(400);
        assertThat(post(payload, sign(payload, CONNECT_SECRET, NOW.minusSeconds(301)))
                        .status())
                .as("older than five minutes: a replay")
                .isEqualTo(400);
        assertThat(post(payload.replace("2550", "1"), sign(payload, CONNECT_SECRET, NOW))
                        .status())
                .as("a body changed after signing")
                .isEqualTo(400);
        assertThat(post(webhook, payload, Map.of()).status()).as("no signature").isEqualTo(400);
        assertThat(post(payload, " ").status()).isEqualTo(400);
        assertThat(applied).isEmpty();

        StripeWebhook.Answer refused = post(payload, sign(payload, "whsec_someoneElse", NOW));
        assertThat(refused.contentType()).isEqualTo("application/json");
        assertThat(refused.body()).isEqualTo("{\"error\":\"signature\"}");

        assertThat(post(payload, sign(payload, CONNECT_SECRET, NOW.minusSeconds(300)))
                        .status())
                .as("five minutes exactly is still good")
                .isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"t=abc,v1=00", "t", "v1=", "t=1796637900", ",,,", "t=1796637900,v1", "=", "t=-1,v1=a"})
    void a_header_that_is_no_signature_at_all_is_a_400_not_a_500(String header) {
        String payload = completed("checkout.session.completed", "paid", 2550, "eur", CURRENT_VERSION);

        assertThat(post(payload, header).status()).isEqualTo(400);
        assertThat(applied).isEmpty();
    }

    @Test
    void a_secret_proves_only_its_own_endpoint_s_events() {
        String connectEvent = completed("checkout.session.completed", "paid", 2550, "eur", CURRENT_VERSION);
        String platformEvent =
                event("evt_platform", "account.updated", null, CURRENT_VERSION, StripeEvents.account(true, true));

        assertThat(post(connectEvent, sign(connectEvent, PLATFORM_SECRET, NOW)).status())
                .as("a business's event signed with the platform's secret")
                .isEqualTo(400);
        assertThat(post(platformEvent, sign(platformEvent, CONNECT_SECRET, NOW)).status())
                .as("the platform's event signed with the Connect secret")
                .isEqualTo(400);
        assertThat(applied).isEmpty();
    }

    @Test
    void without_a_secret_for_an_endpoint_its_events_are_all_refused() {
        StripeWebhook platformOnly = new StripeWebhook(
                events, SETTINGS.withWebhookSecrets(Optional.of(PLATFORM_SECRET), Optional.empty()), CLOCK);
        StripeWebhook none = new StripeWebhook(events, StripeSettings.of("sk_test_51PlatformKeyForTestsOnly"), CLOCK);
        String connectEvent = completed("checkout.session.completed", "paid", 2550, "eur", CURRENT_VERSION);
        String platformEvent =
                event("evt_platform", "account.updated", null, CURRENT_VERSION, StripeEvents.account(true, true));

        assertThat(post(platformOnly, connectEvent, Map.of("stripe-signature", sign(connectEvent, CONNECT_SECRET, NOW)))
                        .status())
                .isEqualTo(400);
        assertThat(post(none, platformEvent, Map.of("stripe-signature", sign(platformEvent, PLATFORM_SECRET, NOW)))
                        .status())
                .isEqualTo(400);
        assertThat(applied).isEmpty();
    }

    @Test
    void one_secret_for_both_endpoints_as_stripe_listen_forwards_them_proves_both() {
        String secret = "whsec_stripeListenSessionSecret";
        StripeWebhook listening =
                new StripeWebhook(events, SETTINGS.withWebhookSecrets(Optional.of(secret), Optional.of(secret)), CLOCK);
        String connectEvent = completed("checkout.session.completed", "paid", 2550, "eur", CURRENT_VERSION);
        String platformEvent =
                event("evt_platform", "account.updated", null, CURRENT_VERSION, StripeEvents.account(true, true));

        assertThat(post(listening, connectEvent, Map.of("stripe-signature", sign(connectEvent, secret, NOW)))
                        .status())
                .isEqualTo(200);
        assertThat(post(listening, platformEvent, Map.of("stripe-signature", sign(platformEvent, secret, NOW)))
                        .status())
                .isEqualTo(200);
        assertThat(applied).hasSize(2);
    }

    @Test
    void a_signed_body_that_is_no_event_we_can_read_is_a_400_with_nothing_applied() {
        List<String> bodies = List.of(
                "this is not JSON",
                "[1, 2, 3]",
                "{\"object\": \"event\", \"type\": \"checkout.session.completed\"}",
                "{\"id\": \"evt_1\", \"object\": \"event\"}",
                event("evt_wrong", "checkout.session.completed", ACCOUNT, CURRENT_VERSION, StripeEvents.dispute()),
                event(
                        "evt_noid",
                        "checkout.session.completed",
                        ACCOUNT,
                        CURRENT_VERSION,
                        "{\"object\": " + "\"checkout.session\", \"amount_total\": 100, \"currency\": \"eur\"}"),
                event(
                        "evt_bad",
                        "checkout.session.completed",
                        ACCOUNT,
                        CURRENT_VERSION,
                        "{\"object\": " + "\"checkout.session\", \"id\": \"cs_1\", \"amount_total\": \"lots\"}"),
                "{\"id\": \"evt_nodata\", \"object\": \"event\", \"type\": \"checkout.session.expired\","
                        + " \"account\": \"acct_1\"}",
                "{\"id\": \"evtv2\", \"object\": \"v2.core.event\", \"type\": \"v2.core.account.updated\"}");

        for (String body : bodies) {
            assertThat(postConnect(body).status()).as(body).isEqualTo(400);
        }
        assertThat(applied).isEmpty();
    }

    @Test
    void events_we_do_not_act_on_are_acknowledged_without_the_use_case() {
        StripeWebhook.Answer answer = postConnect(event(
                "evt_charge",
                "charge.succeeded",
                ACCOUNT,
                CURRENT_VERSION,
                "{\"id\": \"ch_3QSalonCharge0001\", \"object\": \"charge\", \"amount\": 2550}"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"received\":true,\"outcome\":\"ignored\"}");
        assertThat(applied).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1-2-3-4-5", "", "0B6F3C2E-7D4A-4F7E-9A51-3F0E2D1C4B5A-00"})
    void metadata_naming_no_payment_of_ours_is_passed_on_as_none_not_a_failure(String paymentId) {
        StripeWebhook.Answer answer = postConnect(event(
                "evt_odd",
                "checkout.session.completed",
                ACCOUNT,
                CURRENT_VERSION,
                session("paid", "complete", 2550, "eur", paymentId)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(applied)
                .singleElement()
                .satisfies(e -> assertThat(((CheckoutCompleted) e).payment()).isEmpty());
    }

    @Test
    void an_amount_we_cannot_hold_is_passed_on_as_none() {
        postConnect(completed("checkout.session.completed", "paid", 2550, "zzz", CURRENT_VERSION));

        assertThat(applied)
                .singleElement()
                .satisfies(e -> assertThat(((CheckoutCompleted) e).amount()).isEmpty());
    }

    @Test
    void what_the_use_case_says_is_acknowledged() {
        String payload = completed("checkout.session.completed", "paid", 2550, "eur", CURRENT_VERSION);
        outcome = Outcome.ALREADY_APPLIED;
        assertThat(postConnect(payload).body()).isEqualTo("{\"received\":true,\"outcome\":\"already_applied\"}");
        outcome = Outcome.IGNORED;
        assertThat(postConnect(payload).body()).isEqualTo("{\"received\":true,\"outcome\":\"ignored\"}");
    }

    @Test
    void the_database_away_is_a_503_so_that_stripe_delivers_the_event_again() {
        String payload = completed("checkout.session.completed", "paid", 2550, "eur", CURRENT_VERSION);

        failure = new StoreUnavailableException("database", new RuntimeException("connection refused"));
        StripeWebhook.Answer away = postConnect(payload);
        assertThat(away.status()).isEqualTo(503);
        assertThat(away.headers()).containsEntry("Retry-After", "30");

        failure = new OutcomeUnknownException(new RuntimeException("lost while committing"));
        assertThat(postConnect(payload).status()).isEqualTo(503);
    }

    @Test
    void a_body_over_the_limit_is_refused_unread() {
        byte[] huge = new byte[StripeWebhook.MAX_BODY_BYTES + 1];
        Map<String, String> headers = new HashMap<>();
        headers.put("stripe-signature", "t=1,v1=00");

        assertThat(webhook.handle(huge, name -> Optional.ofNullable(headers.get(name)))
                        .status())
                .isEqualTo(413);
        assertThat(applied).isEmpty();
    }

    @Test
    void a_header_made_by_stripe_java_on_the_current_time_is_good_on_the_system_clock() throws Exception {
        StripeWebhook live = new StripeWebhook(events, SETTINGS, Clock.systemUTC());
        String payload = completed("checkout.session.completed", "paid", 2550, "eur", CURRENT_VERSION);

        String header = Webhook.Signature.generateSignatureHeader(payload, CONNECT_SECRET);

        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
        assertThat(post(live, payload, Map.of("stripe-signature", header)).status())
                .isEqualTo(200);
    }

    private StripeWebhook.Answer postPlatform(String payload) {
        return post(payload, sign(payload, PLATFORM_SECRET, NOW));
    }

    /** The events' own time (StripeEvents.event): what older news is told apart by. */
    private static final Instant MADE = Instant.ofEpochSecond(1796637900L);

    @Test
    void a_subscription_s_checkout_page_done_on_the_platform_account_names_the_business_plan_and_subscription() {
        String payload = event(
                "evt_1QSubscribed",
                "checkout.session.completed",
                null,
                CURRENT_VERSION,
                StripeEvents.subscriptionSession("paid"));

        StripeWebhook.Answer answer = postPlatform(payload);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(applied)
                .containsExactly(new SubscriptionCheckoutCompleted(
                        "evt_1QSubscribed",
                        Optional.empty(),
                        MADE,
                        Optional.of(new BusinessId(UUID.fromString(StripeEvents.BUSINESS_ID))),
                        Optional.of("pro"),
                        StripeEvents.CUSTOMER,
                        StripeEvents.SUBSCRIPTION,
                        true));
    }

    @Test
    void a_subscription_page_with_nothing_to_pay_is_as_good_as_paid_and_one_left_unpaid_is_not() {
        postPlatform(event(
                "evt_free",
                "checkout.session.completed",
                null,
                CURRENT_VERSION,
                StripeEvents.subscriptionSession("no_payment_required")));
        postPlatform(event(
                "evt_unpaid",
                "checkout.session.completed",
                null,
                CURRENT_VERSION,
                StripeEvents.subscriptionSession("unpaid")));

        assertThat(applied)
                .extracting(e -> ((SubscriptionCheckoutCompleted) e).paid())
                .containsExactly(true, false);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "customer.subscription.created",
                "customer.subscription.updated",
                "customer.subscription.deleted",
                "customer.subscription.paused",
                "customer.subscription.resumed"
            })
    void a_subscription_s_news_reaches_the_use_case_with_its_price_status_and_period(String type) {
        String payload =
                event("evt_sub", type, null, CURRENT_VERSION, StripeEvents.subscription("active", "price_pro", false));

        assertThat(postPlatform(payload).status()).isEqualTo(200);

        assertThat(applied)
                .containsExactly(new SubscriptionChanged(
                        "evt_sub",
                        Optional.empty(),
                        MADE,
                        StripeEvents.SUBSCRIPTION,
                        StripeEvents.CUSTOMER,
                        Optional.of(new BusinessId(UUID.fromString(StripeEvents.BUSINESS_ID))),
                        Optional.of("price_pro"),
                        Optional.of("pro"),
                        SubscriptionStatus.ACTIVE,
                        Optional.of(Instant.ofEpochSecond(StripeEvents.PERIOD_END))));
    }

    @Test
    void an_endpoint_on_an_older_api_version_gives_the_period_on_the_subscription_and_it_is_read_there() {
        postPlatform(event(
                "evt_old",
                "customer.subscription.updated",
                null,
                OLD_VERSION,
                StripeEvents.subscription("past_due", "price_starter", true)));

        assertThat(applied).singleElement().isInstanceOfSatisfying(SubscriptionChanged.class, changed -> {
            assertThat(changed.status()).isEqualTo(SubscriptionStatus.PAST_DUE);
            assertThat(changed.price()).contains("price_starter");
            assertThat(changed.currentPeriodEnd()).contains(Instant.ofEpochSecond(StripeEvents.PERIOD_END));
        });
    }

    @Test
    void a_subscription_status_stripe_added_later_is_left_alone_and_answered_200() {
        StripeWebhook.Answer answer = postPlatform(event(
                "evt_new",
                "customer.subscription.updated",
                null,
                CURRENT_VERSION,
                StripeEvents.subscription("frozen", "price_pro", false)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"received\":true,\"outcome\":\"ignored\"}");
        assertThat(applied).isEmpty();
    }

    @Test
    void a_subscription_s_news_signed_with_the_connect_secret_is_refused() {
        String payload = event(
                "evt_sub",
                "customer.subscription.deleted",
                null,
                CURRENT_VERSION,
                StripeEvents.subscription("canceled", "price_pro", false));

        assertThat(post(payload, sign(payload, CONNECT_SECRET, NOW)).status()).isEqualTo(400);
        assertThat(applied).isEmpty();
    }

    @Test
    void a_deposit_s_page_done_is_still_a_deposit_s_news() {
        postConnect(completed("checkout.session.completed", "paid", 2550, "eur", CURRENT_VERSION));

        assertThat(applied).singleElement().isInstanceOf(CheckoutCompleted.class);
    }

    @Test
    void a_connected_account_s_own_subscriptions_are_no_news_of_ours() {
        String payload = event(
                "evt_theirs",
                "customer.subscription.updated",
                ACCOUNT,
                CURRENT_VERSION,
                StripeEvents.subscription("active", "price_theirs", false));

        StripeWebhook.Answer answer = postConnect(payload);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"received\":true,\"outcome\":\"ignored\"}");
        assertThat(applied).isEmpty();
    }
}
