package com.voiceappoint.adapter.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.port.in.PaymentEventsUseCase;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.AccountUpdated;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.CheckoutCompleted;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.CheckoutExpired;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.Outcome;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.PaymentEvent;
import com.voiceappoint.application.port.out.PaymentGateway;
import com.voiceappoint.application.port.out.PaymentGateway.Checkout;
import com.voiceappoint.domain.payment.PaymentId;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.Money;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link LocalStripe} is what the end-to-end tests stand on, so it is held to what Stripe does: the real gateway
 * talks to it through stripe-java, and its events go through the real {@link StripeWebhook} over a socket.
 */
class LocalStripeTest {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final PaymentId PAYMENT = new PaymentId(UUID.fromString("0b6f3c2e-7d4a-4f7e-9a51-3f0e2d1c4b5a"));
    private static final URI SUCCESS = URI.create("https://citas.example/lola/pay/" + PAYMENT.value() + "?paid=1");
    private static final URI CANCEL = URI.create("https://citas.example/lola/pay/" + PAYMENT.value());

    private final HttpClient browser = HttpClient.newHttpClient();
    private final List<PaymentEvent> applied = new CopyOnWriteArrayList<>();
    private final Set<String> seen = new HashSet<>();
    private LocalStripe stripe;
    private HttpServer server;
    private StripePaymentGateway gateway;

    @BeforeEach
    void start() throws IOException {
        stripe = LocalStripe.start();
        StripeSettings settings = StripeSettings.of(LocalStripe.SECRET_KEY)
                .withApiBase(stripe.base())
                .withWebhookSecrets(Optional.of(stripe.webhookSecret()), Optional.of(stripe.webhookSecret()));
        PaymentEventsUseCase events = event -> {
            synchronized (seen) {
                if (!seen.add(event.id())) {
                    return Outcome.ALREADY_APPLIED;
                }
            }
            applied.add(event);
            return Outcome.APPLIED;
        };
        StripeWebhook webhook = new StripeWebhook(events, settings, CLOCK);
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext(StripeWebhook.PATH, exchange -> {
            try (exchange) {
                byte[] body = exchange.getRequestBody().readAllBytes();
                StripeWebhook.Answer answer = webhook.handle(
                        body,
                        name -> Optional.ofNullable(exchange.getRequestHeaders().getFirst(name)));
                byte[] bytes = answer.body().getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer.status(), bytes.length);
                exchange.getResponseBody().write(bytes);
            }
        });
        server.start();
        stripe.sendingEventsTo(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + StripeWebhook.PATH));
        gateway = new StripePaymentGateway(settings, CLOCK);
    }

    @AfterEach
    void stop() {
        stripe.close();
        server.stop(0);
    }

    private String connectedAccount() {
        return gateway.createAccount(new PaymentGateway.NewAccount(
                "Peluquería Lola", Optional.empty(), Optional.of("ES"), "account-" + UUID.randomUUID()));
    }

    private String onboarded() throws Exception {
        String account = connectedAccount();
        URI link = gateway.onboardingLink(
                account, URI.create("https://citas.example/again"), URI.create("https://citas.example/back"));
        var r = send("POST", link);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(303);
        applied.clear();
        return account;
    }

    private Checkout open(String account, String amount) {
        return gateway.openCheckout(new PaymentGateway.CheckoutRequest(
                account,
                Money.of(amount, "EUR"),
                "Señal: Color, lunes 14 de diciembre, 10:00",
                Optional.of("carmen@example.com"),
                Language.ES,
                SUCCESS,
                CANCEL,
                CLOCK.instant().plus(Duration.ofMinutes(31)),
                Optional.of(Money.of("0.50", "EUR")),
                Map.of(
                        "payment_id",
                        PAYMENT.toString(),
                        "business_id",
                        UUID.randomUUID().toString()),
                "checkout-" + UUID.randomUUID()));
    }

    private HttpResponse<String> send(String method, URI to) throws Exception {
        return browser.send(
                HttpRequest.newBuilder(to)
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_account_opened_under_one_key_is_one_account_that_takes_charges_once_onboarded() throws Exception {
        String key = "account-" + UUID.randomUUID();
        PaymentGateway.NewAccount lola =
                new PaymentGateway.NewAccount("Peluquería Lola", Optional.empty(), Optional.of("ES"), key);

        String account = gateway.createAccount(lola);

        assertThat(gateway.createAccount(lola))
                .as("the same key, the same account")
                .isEqualTo(account);
        assertThat(stripe.accounts()).hasSize(1);
        assertThat(gateway.accountState(account).chargesEnabled()).isFalse();
        URI link = gateway.onboardingLink(
                account, URI.create("https://citas.example/again"), URI.create("https://citas.example/back"));
        assertThat(link).hasToString(stripe.base() + link.getPath());
        HttpResponse<String> page = send("GET", link);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Peluquería Lola", "Finish onboarding");

        HttpResponse<String> finished = send("POST", link);

        assertThat(finished.statusCode()).isEqualTo(303);
        assertThat(finished.headers().firstValue("Location")).contains("https://citas.example/back");
        assertThat(gateway.accountState(account)).isEqualTo(new PaymentGateway.AccountState(account, true, true));
        assertThat(applied).singleElement().isInstanceOfSatisfying(AccountUpdated.class, updated -> {
            assertThat(updated.account()).contains(account);
            assertThat(updated.chargesEnabled()).isTrue();
        });
        assertThat(send("GET", link).headers().firstValue("Location"))
                .as("a link works once; Stripe sends a second visit to make a new one")
                .contains("https://citas.example/again");
    }

    @Test
    void paying_on_the_checkout_page_sends_the_signed_news_and_the_client_back() throws Exception {
        String account = onboarded();
        Checkout checkout = open(account, "25.50");

        assertThat(checkout.url()).hasToString(stripe.base() + "/c/pay/" + checkout.session());
        LocalStripe.Session session = stripe.session(checkout.session());
        assertThat(session.account()).contains(account);
        assertThat(session.amountTotal()).isEqualTo(2550);
        assertThat(session.applicationFee()).contains(50L);
        assertThat(session.metadata()).containsEntry("payment_id", PAYMENT.toString());
        assertThat(session.paymentMetadata()).containsEntry("payment_id", PAYMENT.toString());
        HttpResponse<String> page = send("GET", checkout.url());
        assertThat(page.body())
                .contains("<html lang=\"es\">", "Peluquería Lola", "Señal: Color")
                .containsPattern("Pagar 25,50\\h€");

        HttpResponse<String> paid = send("POST", checkout.url());

        assertThat(paid.statusCode()).isEqualTo(303);
        assertThat(paid.headers().firstValue("Location")).contains(SUCCESS.toString());
        LocalStripe.Session complete = stripe.session(checkout.session());
        assertThat(complete.status()).isEqualTo("complete");
        assertThat(applied).singleElement().isInstanceOfSatisfying(CheckoutCompleted.class, completed -> {
            assertThat(completed.account()).contains(account);
            assertThat(completed.session()).isEqualTo(checkout.session());
            assertThat(completed.payment()).contains(PAYMENT);
            assertThat(completed.paymentIntent()).isEqualTo(complete.paymentIntent());
            assertThat(completed.amount()).contains(Money.of("25.50", "EUR"));
            assertThat(completed.paid()).isTrue();
        });
        assertThat(send("POST", checkout.url()).statusCode()).as("paid once").isEqualTo(409);
        assertThat(stripe.deliveries()).hasSize(2).allMatch(LocalStripe.Delivery::accepted);
    }

    @Test
    void refunds_go_to_the_payment_on_the_business_s_account_and_never_beyond_it() throws Exception {
        String account = onboarded();
        Checkout checkout = open(account, "25.50");
        send("POST", checkout.url());
        String intent = stripe.session(checkout.session()).paymentIntent().orElseThrow();

        String first =
                gateway.refund(new PaymentGateway.RefundRequest(account, intent, Money.of("10.00", "EUR"), "refund-1"));

        assertThat(gateway.refund(
                        new PaymentGateway.RefundRequest(account, intent, Money.of("10.00", "EUR"), "refund-1")))
                .as("asked again under its key: the same refund")
                .isEqualTo(first);
        assertThatThrownBy(() -> gateway.refund(
                        new PaymentGateway.RefundRequest(account, intent, Money.of("15.51", "EUR"), "refund-2")))
                .isInstanceOfSatisfying(DomainException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(ErrorCode.PAYMENT_REFUSED);
                    assertThat(refused.arguments()).containsEntry("stripeCode", "amount_too_large");
                });
        gateway.refund(new PaymentGateway.RefundRequest(account, intent, Money.of("15.50", "EUR"), "refund-3"));
        assertThat(stripe.refunds()).extracting(LocalStripe.Refund::amount).containsExactly(1000L, 1550L);
        assertThat(stripe.refunds())
                .allSatisfy(refund -> assertThat(refund.account()).contains(account));
        assertThatThrownBy(() -> gateway.refund(
                        new PaymentGateway.RefundRequest(connectedAccount(), intent, Money.of("1", "EUR"), "r-4")))
                .as("a payment is only on the account it was made on")
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.arguments()).containsEntry("stripeCode", "resource_missing"));
        assertThatThrownBy(() -> gateway.refund(
                        new PaymentGateway.RefundRequest("acct_nobodys", intent, Money.of("1", "EUR"), "r-5")))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.PAYMENTS_NOT_CONNECTED));
    }

    @Test
    void a_session_expired_can_no_longer_be_paid_and_its_news_is_sent() throws Exception {
        String account = onboarded();
        Checkout checkout = open(account, "15.00");

        stripe.expire(checkout.session());

        assertThat(applied).singleElement().isInstanceOfSatisfying(CheckoutExpired.class, expired -> {
            assertThat(expired.session()).isEqualTo(checkout.session());
            assertThat(expired.payment()).contains(PAYMENT);
        });
        HttpResponse<String> tooLate = send("POST", checkout.url());
        assertThat(tooLate.statusCode()).isEqualTo(409);
        assertThat(tooLate.body()).contains("ha caducado");
        assertThat(stripe.session(checkout.session()).paymentIntent()).isEmpty();
    }

    @Test
    void events_held_back_wait_for_their_release_and_any_event_can_be_delivered_again() throws Exception {
        String account = onboarded();
        Checkout checkout = open(account, "15.00");
        stripe.holdEvents();

        assertThat(send("POST", checkout.url()).statusCode()).isEqualTo(303);

        assertThat(applied).isEmpty();
        List<LocalStripe.Delivery> released = stripe.releaseEvents();
        assertThat(released).singleElement().satisfies(delivery -> {
            assertThat(delivery.type()).isEqualTo("checkout.session.completed");
            assertThat(delivery.answer()).contains("\"applied\"");
        });
        LocalStripe.Delivery again = stripe.redeliver(released.get(0).event());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.answer()).contains("\"already_applied\"");
        assertThat(applied).hasSize(1);
    }

    @Test
    void only_test_keys_are_taken_and_a_key_is_never_reused_for_another_request() {
        StripePaymentGateway live = new StripePaymentGateway(
                StripeSettings.of("sk_live_51ARealKeyPastedByMistake").withApiBase(stripe.base()), CLOCK);
        assertThatThrownBy(() -> live.accountState("acct_1"))
                .as("a live key is refused as Stripe refuses a wrong one")
                .isInstanceOf(StoreUnavailableException.class);

        String key = "account-" + UUID.randomUUID();
        gateway.createAccount(new PaymentGateway.NewAccount("Lola", Optional.empty(), Optional.of("ES"), key));
        assertThatThrownBy(() -> gateway.createAccount(
                        new PaymentGateway.NewAccount("Another", Optional.empty(), Optional.of("ES"), key)))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.PAYMENT_REFUSED));
    }

    @Test
    void a_deadline_stripe_would_refuse_is_refused() {
        String account = connectedAccount();
        StripePaymentGateway later = new StripePaymentGateway(
                StripeSettings.of(LocalStripe.SECRET_KEY).withApiBase(stripe.base()),
                Clock.offset(CLOCK, Duration.ofHours(-1)));

        // by its own clock an hour late, the gateway asks for a page lapsing 31 minutes from its "now"
        assertThatThrownBy(() -> later.openCheckout(new PaymentGateway.CheckoutRequest(
                        account,
                        Money.of("15.00", "EUR"),
                        "Señal",
                        Optional.empty(),
                        Language.EN,
                        SUCCESS,
                        CANCEL,
                        CLOCK.instant().minus(Duration.ofMinutes(29)),
                        Optional.empty(),
                        Map.of("payment_id", PAYMENT.toString()),
                        "checkout-" + UUID.randomUUID())))
                .isInstanceOfSatisfying(
                        DomainException.class,
                        refused -> assertThat(refused.arguments()).containsEntry("param", "expires_at"));
    }
}
