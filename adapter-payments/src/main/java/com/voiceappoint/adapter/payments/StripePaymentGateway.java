package com.voiceappoint.adapter.payments;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.Account;
import com.stripe.model.AccountLink;
import com.stripe.model.Customer;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.model.StripeError;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.AccountCreateParams;
import com.stripe.param.AccountLinkCreateParams;
import com.stripe.param.CustomerCreateParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.checkout.SessionCreateParams;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.port.out.PaymentGateway;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe as the payment provider, through one {@link StripeClient} (thread-safe, one connection pool): each business
 * has its own Stripe account connected to the platform, its clients pay it directly on a Checkout Session opened on
 * that account (a direct charge: the business is the merchant, owns refunds and disputes), and the platform takes
 * its share as an application fee. See docs/PAYMENTS.md for why the account is configured as it is.
 *
 * <p>Every call that makes something is sent under the caller's idempotency key, so Stripe answers a repeat with
 * what the first one made. That is what makes both Stripe's own network retry (one, {@link Network#DEFAULT}) and the
 * caller's later retry after a {@link StoreUnavailableException} safe: nothing is ever made twice.
 *
 * <p>Failures, so that no Stripe class crosses the port: Stripe refusing the request (a card declined, a parameter
 * it finds invalid, a key reused for another request) is {@code PAYMENT_REFUSED} with Stripe's code in the
 * arguments, nothing done; a business that took its account away from the platform is
 * {@code PAYMENTS_NOT_CONNECTED}; Stripe unreachable, slow, limiting our rate or failing on its side is a
 * {@link StoreUnavailableException}: the outcome is unknown and asking again under the same key is safe. A key Stripe
 * refuses is also a {@link StoreUnavailableException} (nothing a caller can do), logged as an error for operators.
 */
public final class StripePaymentGateway implements PaymentGateway {
    private static final Logger LOG = LoggerFactory.getLogger(StripePaymentGateway.class);

    /** Stripe refuses a Checkout Session lapsing sooner than this after it is made. */
    static final Duration SHORTEST_PAGE = Duration.ofMinutes(30);
    /** ... or later than this. */
    static final Duration LONGEST_PAGE = Duration.ofHours(24);

    /**
     * How long to wait for Stripe, and how often to ask again at once.
     *
     * @param maxNetworkRetries stripe-java's own retries, only after a connection failure, a timeout, a 409 or a
     *     5xx, under the same idempotency key. One: a stale pooled connection or a lone 500 then costs the client
     *     nothing, and the wait stays bounded (at worst twice {@code readTimeout} and half a second); a longer outage
     *     is the caller's to retry later
     */
    public record Network(Duration connectTimeout, Duration readTimeout, int maxNetworkRetries) {
        /**
         * Checkout Sessions and refunds answer within a second or two; a booking waits for the page, so Stripe's own
         * defaults (30 s to connect, 80 s to read) would hold a caller far too long.
         */
        public static final Network DEFAULT = new Network(Duration.ofSeconds(5), Duration.ofSeconds(10), 1);

        public Network {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(readTimeout, "readTimeout");
            if (connectTimeout.isNegative()
                    || connectTimeout.isZero()
                    || readTimeout.isNegative()
                    || readTimeout.isZero()
                    || maxNetworkRetries < 0) {
                throw new IllegalArgumentException("timeouts are positive and retries not negative");
            }
        }
    }

    private final StripeClient stripe;
    private final Clock clock;

    public StripePaymentGateway(StripeSettings settings, Clock clock) {
        this(settings, clock, Network.DEFAULT);
    }

    public StripePaymentGateway(StripeSettings settings, Clock clock, Network network) {
        Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(network, "network");
        StripeClient.StripeClientBuilder builder = StripeClient.builder()
                .setApiKey(settings.secretKey())
                .setConnectTimeout(Math.toIntExact(network.connectTimeout().toMillis()))
                .setReadTimeout(Math.toIntExact(network.readTimeout().toMillis()))
                .setMaxNetworkRetries(network.maxNetworkRetries());
        settings.apiBase().ifPresent(base -> {
            // every host stripe-java knows goes to the one stand-in: nothing slips out to the real Stripe in a test
            String address = base.toString().replaceAll("/+$", "");
            builder.setApiBase(address)
                    .setConnectBase(address)
                    .setFilesBase(address)
                    .setMeterEventsBase(address);
        });
        this.stripe = builder.build();
    }

    @Override
    public boolean configured() {
        return true;
    }

    /**
     * A connected account configured by its controller properties (no legacy {@code type}): the business pays
     * Stripe's fees itself, Stripe (not the platform) covers what the business cannot pay back, Stripe collects what
     * it needs to know, and the business gets the full Stripe Dashboard, where it sees its payments, refunds and
     * disputes. No capabilities are requested: an account with the full Dashboard is given card payments by Stripe
     * in onboarding.
     */
    @Override
    public String createAccount(NewAccount account) {
        Objects.requireNonNull(account, "account");
        AccountCreateParams.Builder params = AccountCreateParams.builder()
                .setBusinessProfile(AccountCreateParams.BusinessProfile.builder()
                        .setName(account.businessName())
                        .build())
                .setController(AccountCreateParams.Controller.builder()
                        .setFees(AccountCreateParams.Controller.Fees.builder()
                                .setPayer(AccountCreateParams.Controller.Fees.Payer.ACCOUNT)
                                .build())
                        .setLosses(AccountCreateParams.Controller.Losses.builder()
                                .setPayments(AccountCreateParams.Controller.Losses.Payments.STRIPE)
                                .build())
                        .setRequirementCollection(AccountCreateParams.Controller.RequirementCollection.STRIPE)
                        .setStripeDashboard(AccountCreateParams.Controller.StripeDashboard.builder()
                                .setType(AccountCreateParams.Controller.StripeDashboard.Type.FULL)
                                .build())
                        .build());
        account.email().ifPresent(params::setEmail);
        // without one, Stripe asks the owner where the business is in onboarding
        account.country().ifPresent(params::setCountry);
        RequestOptions options = RequestOptions.builder()
                .setIdempotencyKey(account.idempotencyKey())
                .build();
        try {
            return stripe.v1().accounts().create(params.build(), options).getId();
        } catch (StripeException e) {
            throw failure("open a Stripe account for " + account.businessName(), e, false);
        } catch (RuntimeException e) {
            throw garbled(e);
        }
    }

    /**
     * An Account Link for onboarding. Made without an idempotency key: a link works once and lapses within minutes,
     * and asking for two makes nothing that lasts.
     */
    @Override
    public URI onboardingLink(String account, URI refreshUrl, URI returnUrl) {
        AccountLinkCreateParams params = AccountLinkCreateParams.builder()
                .setAccount(Objects.requireNonNull(account, "account"))
                .setType(AccountLinkCreateParams.Type.ACCOUNT_ONBOARDING)
                .setRefreshUrl(refreshUrl.toString())
                .setReturnUrl(returnUrl.toString())
                .build();
        AccountLink link;
        try {
            link = stripe.v1().accountLinks().create(params);
        } catch (StripeException e) {
            throw failure("make an onboarding link for " + account, e, true);
        } catch (RuntimeException e) {
            throw garbled(e);
        }
        return uri(link.getUrl(), "an onboarding link");
    }

    @Override
    public AccountState accountState(String account) {
        Account found;
        try {
            found = stripe.v1().accounts().retrieve(Objects.requireNonNull(account, "account"));
        } catch (StripeException e) {
            throw failure("read Stripe account " + account, e, true);
        } catch (RuntimeException e) {
            throw garbled(e);
        }
        return new AccountState(
                found.getId() == null ? account : found.getId(),
                Boolean.TRUE.equals(found.getChargesEnabled()),
                Boolean.TRUE.equals(found.getDetailsSubmitted()));
    }

    /**
     * A Checkout Session in payment mode on the business's account, for one line: the deposit. Its metadata go on
     * the session and on the payment it makes, so that both kinds of event name our payment.
     *
     * <p>Stripe keeps a page open between 30 minutes and 24 hours. A deadline outside that is refused here, before
     * anything is sent, rather than moved: what is sent under a key must be the same every time the key is sent
     * (Stripe refuses a key reused with other parameters), and a deadline moved by this server's clock would differ
     * between a first attempt and its retry. The caller leaves a margin over the 30 minutes for the request's time in
     * flight.
     *
     * @throws InvalidValueException for an amount or fee Stripe cannot charge exactly, or a deadline outside Stripe's
     *     window
     */
    @Override
    public Checkout openCheckout(CheckoutRequest request) {
        return openPaymentPage(request, false);
    }

    /** @param keepCard whether the page also keeps the client's card for a later charge without them */
    private Checkout openPaymentPage(CheckoutRequest request, boolean keepCard) {
        Objects.requireNonNull(request, "request");
        long unitAmount = StripeAmounts.minorUnits(request.amount(), "amount");
        SessionCreateParams.PaymentIntentData.Builder payment =
                SessionCreateParams.PaymentIntentData.builder().putAllMetadata(request.metadata());
        request.applicationFee().ifPresent(fee -> {
            if (!fee.currency().equals(request.amount().currency())) {
                throw new InvalidValueException("applicationFee", "the platform's fee is in the payment's currency");
            }
            if (fee.compareTo(request.amount()) > 0) {
                throw new InvalidValueException("applicationFee", "the platform's fee is at most the payment");
            }
            payment.setApplicationFeeAmount(StripeAmounts.minorUnits(fee, "applicationFee"));
        });
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(1L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency(StripeAmounts.currency(request.amount()))
                                .setUnitAmount(unitAmount)
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName(request.description())
                                        .build())
                                .build())
                        .build())
                .setLocale(
                        request.language() == Language.ES
                                ? SessionCreateParams.Locale.ES
                                : SessionCreateParams.Locale.EN)
                .setSuccessUrl(request.successUrl().toString())
                .setCancelUrl(request.cancelUrl().toString())
                .setExpiresAt(expiresAt(request.expiresAt()))
                .putAllMetadata(request.metadata());
        request.customerEmail().ifPresent(params::setCustomerEmail);
        if (keepCard) {
            keepsCard(params, payment);
        }
        params.setPaymentIntentData(payment.build());
        Session session;
        try {
            session = stripe.v1().checkout().sessions().create(params.build(), onAccount(request.account(), request));
        } catch (StripeException e) {
            throw failure("open a payment page on " + request.account(), e, true);
        } catch (RuntimeException e) {
            throw garbled(e);
        }
        if (session.getId() == null) {
            throw garbled(new IllegalStateException("Stripe made a Checkout Session without an id"));
        }
        return new Checkout(session.getId(), uri(session.getUrl(), "a Checkout Session"));
    }

    /** A refund of part or all of the payment, on the business's account, where the payment is. */
    @Override
    public String refund(RefundRequest request) {
        Objects.requireNonNull(request, "request");
        RefundCreateParams params = RefundCreateParams.builder()
                .setPaymentIntent(request.paymentIntent())
                .setAmount(StripeAmounts.minorUnits(request.amount(), "amount"))
                .build();
        Refund refund;
        try {
            refund = stripe.v1()
                    .refunds()
                    .create(
                            params,
                            RequestOptions.builder()
                                    .setStripeAccount(request.account())
                                    .setIdempotencyKey(request.idempotencyKey())
                                    .build());
        } catch (StripeException e) {
            throw failure("refund " + request.paymentIntent(), e, true);
        } catch (RuntimeException e) {
            throw garbled(e);
        }
        if (refund.getId() == null) {
            throw garbled(new IllegalStateException("Stripe made a refund without an id"));
        }
        return refund.getId();
    }

    private static RequestOptions onAccount(String account, CheckoutRequest request) {
        return RequestOptions.builder()
                .setStripeAccount(Objects.requireNonNull(account, "account"))
                .setIdempotencyKey(request.idempotencyKey())
                .build();
    }

    /** In epoch seconds, as Stripe takes it (a fraction of a second is dropped, never added). */
    private long expiresAt(Instant wanted) {
        Instant now = clock.instant();
        if (wanted.isBefore(now.plus(SHORTEST_PAGE)) || wanted.isAfter(now.plus(LONGEST_PAGE))) {
            throw new InvalidValueException(
                    "expiresAt",
                    "Stripe keeps a payment page open between 30 minutes and 24 hours, not until " + wanted);
        }
        return wanted.getEpochSecond();
    }

    private static URI uri(String url, String what) {
        if (url == null || url.isBlank()) {
            throw garbled(new IllegalStateException("Stripe made " + what + " without a URL"));
        }
        try {
            return URI.create(url);
        } catch (IllegalArgumentException e) {
            throw garbled(e);
        }
    }

    /** An answer stripe-java could not read (not JSON, not the object asked for): whether it was done is unknown. */
    private static StoreUnavailableException garbled(RuntimeException e) {
        LOG.warn("Stripe's answer could not be read: {}", e.toString());
        return new StoreUnavailableException("stripe", e);
    }

    /**
     * @param onConnectedAccount whether the request acts on a business's account: refused permission there means the
     *     business disconnected the platform; on the platform's own requests it means our key may not do this
     */
    private static RuntimeException failure(String what, StripeException e, boolean onConnectedAccount) {
        Map<String, Object> details = new LinkedHashMap<>();
        Optional.ofNullable(e.getCode()).ifPresent(code -> details.put("stripeCode", code));
        Optional.ofNullable(e.getRequestId()).ifPresent(id -> details.put("stripeRequest", id));
        String message = Optional.ofNullable(e.getStripeError())
                .map(error -> error.getMessage())
                .filter(text -> !text.isBlank())
                .orElse("HTTP " + e.getStatusCode());
        if (e instanceof PermissionException) {
            if (onConnectedAccount) {
                LOG.warn("Stripe refused to {}: the account is no longer the platform's ({})", what, message);
                return new DomainException(
                        ErrorCode.PAYMENTS_NOT_CONNECTED,
                        null,
                        "the business's Stripe account no longer lets the platform act on it: " + message,
                        details);
            }
            LOG.error("Stripe refused our key permission to {}: {}", what, message);
            return refused(what, message, details);
        }
        if (e instanceof AuthenticationException) {
            LOG.error("Stripe refused the platform's secret key; no payment works until it is replaced ({})", message);
            return new StoreUnavailableException("stripe", e);
        }
        if (e instanceof CardException card) {
            Optional.ofNullable(card.getDeclineCode()).ifPresent(code -> details.put("declineCode", code));
            return refused(what, message, details);
        }
        if (e instanceof InvalidRequestException invalid) {
            Optional.ofNullable(invalid.getParam()).ifPresent(param -> details.put("param", param));
            if (onConnectedAccount && "account_invalid".equals(e.getCode())) {
                return new DomainException(
                        ErrorCode.PAYMENTS_NOT_CONNECTED,
                        null,
                        "the business's Stripe account is not one the platform can act on: " + message,
                        details);
            }
            return refused(what, message, details);
        }
        if (e instanceof IdempotencyException) {
            // the same key for a different request: a bug of ours, which asking again cannot mend
            LOG.error("Stripe refused to {}: its idempotency key was used for another request ({})", what, message);
            return refused(what, message, details);
        }
        if (e instanceof RateLimitException || e instanceof ApiConnectionException || e instanceof ApiException) {
            LOG.warn("Stripe could not {} just now: {}", what, e.getMessage());
            return new StoreUnavailableException("stripe", e);
        }
        LOG.warn("Stripe failed to {}: {}", what, e.getMessage());
        return new StoreUnavailableException("stripe", e);
    }

    private static DomainException refused(String what, String message, Map<String, Object> details) {
        LOG.info("Stripe refused to {}: {} {}", what, message, details);
        return new DomainException(
                ErrorCode.PAYMENT_REFUSED, null, "Stripe refused to " + what + ": " + message, details);
    }

    /**
     * The deposit's page, which also keeps the card it is paid with for the appointment's no-show fee: see
     * {@link #keepsCard}.
     */
    @Override
    public Checkout openCheckoutSavingCard(CheckoutRequest request) {
        return openPaymentPage(request, true);
    }

    /**
     * A payment page that keeps the card: the PaymentIntent is set up for use off-session
     * ({@code payment_intent_data[setup_future_usage]=off_session}, so the bank is told the card will be charged
     * without its holder, which is what spares a later charge strong customer authentication in most cases), the
     * client becomes a customer of the business's account ({@code customer_creation=always}) that the card is
     * attached to, and only cards are offered: a no-show fee is charged at once, which a bank debit cannot be.
     */
    private static void keepsCard(
            SessionCreateParams.Builder params, SessionCreateParams.PaymentIntentData.Builder payment) {
        payment.setSetupFutureUsage(SessionCreateParams.PaymentIntentData.SetupFutureUsage.OFF_SESSION);
        params.setCustomerCreation(SessionCreateParams.CustomerCreation.ALWAYS)
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD);
    }

    /** What Stripe shows above the page's button at most. */
    static final int LONGEST_NOTICE = 1200;

    /**
     * A Checkout Session in setup mode on the business's account: it takes no money, makes the client a customer of
     * the account and keeps their card on it (cards only), with the page's notice saying what for. Its metadata go on
     * the session and on the SetupIntent it makes.
     *
     * @throws InvalidValueException for a deadline outside Stripe's window, or a notice longer than Stripe shows
     */
    @Override
    public Checkout openCardSetup(CardSetupRequest request) {
        Objects.requireNonNull(request, "request");
        if (request.notice().length() > LONGEST_NOTICE) {
            throw new InvalidValueException("notice", "Stripe shows at most 1200 characters above its button");
        }
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SETUP)
                .addPaymentMethodType(SessionCreateParams.PaymentMethodType.CARD)
                .setCustomerCreation(SessionCreateParams.CustomerCreation.ALWAYS)
                .setLocale(
                        request.language() == Language.ES
                                ? SessionCreateParams.Locale.ES
                                : SessionCreateParams.Locale.EN)
                .setSuccessUrl(request.successUrl().toString())
                .setCancelUrl(request.cancelUrl().toString())
                .setExpiresAt(expiresAt(request.expiresAt()))
                .setCustomText(SessionCreateParams.CustomText.builder()
                        .setSubmit(SessionCreateParams.CustomText.Submit.builder()
                                .setMessage(request.notice())
                                .build())
                        .build())
                .putAllMetadata(request.metadata())
                .setSetupIntentData(SessionCreateParams.SetupIntentData.builder()
                        .putAllMetadata(request.metadata())
                        .build());
        request.customerEmail().ifPresent(params::setCustomerEmail);
        Session session;
        try {
            session = stripe.v1()
                    .checkout()
                    .sessions()
                    .create(
                            params.build(),
                            RequestOptions.builder()
                                    .setStripeAccount(request.account())
                                    .setIdempotencyKey(request.idempotencyKey())
                                    .build());
        } catch (StripeException e) {
            throw failure("open a page keeping a card on " + request.account(), e, true);
        } catch (RuntimeException e) {
            throw garbled(e);
        }
        if (session.getId() == null) {
            throw garbled(new IllegalStateException("Stripe made a Checkout Session without an id"));
        }
        return new Checkout(session.getId(), uri(session.getUrl(), "a Checkout Session"));
    }

    /**
     * The card a SetupIntent or a PaymentIntent of the business's account saved: Stripe's news of a completed page
     * names the intent, not the card. A read, made without an idempotency key.
     */
    @Override
    public String savedPaymentMethod(String account, SavedBy savedBy) {
        Objects.requireNonNull(savedBy, "savedBy");
        RequestOptions options = RequestOptions.builder()
                .setStripeAccount(Objects.requireNonNull(account, "account"))
                .build();
        String method;
        try {
            method = savedBy.setupIntent()
                    ? stripe.v1()
                            .setupIntents()
                            .retrieve(savedBy.intent(), options)
                            .getPaymentMethod()
                    : stripe.v1()
                            .paymentIntents()
                            .retrieve(savedBy.intent(), options)
                            .getPaymentMethod();
        } catch (StripeException e) {
            throw failure("read the card " + savedBy.intent() + " saved", e, true);
        } catch (RuntimeException e) {
            throw garbled(e);
        }
        if (method == null || method.isBlank()) {
            // completed without a card: there is nothing to charge, and asking again will not change it
            throw refused("read the card " + savedBy.intent() + " saved", "it saved none", new LinkedHashMap<>());
        }
        return method;
    }

    /**
     * A PaymentIntent on the business's account, confirmed at once without the client ({@code off_session=true},
     * {@code confirm=true}) with their saved card, under the caller's idempotency key.
     *
     * <p>Charged when Stripe answers {@code succeeded} (or {@code processing}, which a card payment passes through
     * only rarely: if it then fails, Stripe's {@code payment_intent.payment_failed} names the payment). Stripe answers
     * an off-session payment the bank wants its holder to confirm with a 402 card error of code
     * {@code authentication_required} (older API versions answered a PaymentIntent in {@code requires_action}), and a
     * declined card with a 402 card error of another code (or a PaymentIntent in {@code requires_payment_method}):
     * both are answered, not thrown, with the PaymentIntent Stripe made and its reason.
     */
    @Override
    public OffSessionCharge chargeOffSession(OffSessionRequest request) {
        Objects.requireNonNull(request, "request");
        PaymentIntentCreateParams.Builder params = PaymentIntentCreateParams.builder()
                .setAmount(StripeAmounts.minorUnits(request.amount(), "amount"))
                .setCurrency(StripeAmounts.currency(request.amount()))
                .setCustomer(request.customer())
                .setPaymentMethod(request.paymentMethod())
                .setOffSession(true)
                .setConfirm(true)
                .setDescription(request.description())
                .putAllMetadata(request.metadata());
        request.applicationFee().ifPresent(fee -> {
            if (!fee.currency().equals(request.amount().currency()) || fee.compareTo(request.amount()) > 0) {
                throw new InvalidValueException(
                        "applicationFee", "the platform's fee is in the payment's currency and at most the payment");
            }
            params.setApplicationFeeAmount(StripeAmounts.minorUnits(fee, "applicationFee"));
        });
        PaymentIntent intent;
        try {
            intent = stripe.v1()
                    .paymentIntents()
                    .create(
                            params.build(),
                            RequestOptions.builder()
                                    .setStripeAccount(request.account())
                                    .setIdempotencyKey(request.idempotencyKey())
                                    .build());
        } catch (CardException card) {
            return notCharged(card);
        } catch (StripeException e) {
            throw failure("charge " + request.customer() + " without them", e, true);
        } catch (RuntimeException e) {
            throw garbled(e);
        }
        if (intent.getId() == null || intent.getStatus() == null) {
            throw garbled(new IllegalStateException("Stripe made a PaymentIntent without an id or a status"));
        }
        switch (intent.getStatus()) {
            case "succeeded", "processing" -> {
                return OffSessionCharge.charged(intent.getId());
            }
            case "requires_action" -> {
                return new OffSessionCharge(
                        ChargeOutcome.AUTHENTICATION_REQUIRED, Optional.of(intent.getId()), "authentication_required");
            }
            case "requires_payment_method" -> {
                return new OffSessionCharge(
                        ChargeOutcome.DECLINED, Optional.of(intent.getId()), reason(intent.getLastPaymentError()));
            }
            default ->
                throw garbled(new IllegalStateException("Stripe left an off-session payment " + intent.getStatus()));
        }
    }

    /** A card error answering an off-session charge: the bank wants its holder, or declines the card. */
    private static OffSessionCharge notCharged(CardException card) {
        Optional<String> intent = Optional.ofNullable(card.getStripeError())
                .map(StripeError::getPaymentIntent)
                .map(PaymentIntent::getId);
        String reason = reason(card.getStripeError());
        LOG.info("Stripe did not charge a saved card without its holder: {}", reason);
        return new OffSessionCharge(
                "authentication_required".equals(card.getCode())
                        ? ChargeOutcome.AUTHENTICATION_REQUIRED
                        : ChargeOutcome.DECLINED,
                intent,
                reason);
    }

    /** Stripe's code (and the bank's, for a declined card) and its message: what the business is shown. */
    private static String reason(StripeError error) {
        if (error == null) {
            return "payment failed";
        }
        StringBuilder reason = new StringBuilder();
        Optional.ofNullable(error.getCode()).ifPresent(reason::append);
        Optional.ofNullable(error.getDeclineCode())
                .ifPresent(decline -> reason.append(reason.length() > 0 ? " (" : "(")
                        .append(decline)
                        .append(')'));
        Optional.ofNullable(error.getMessage())
                .filter(message -> !message.isBlank())
                .ifPresent(message ->
                        reason.append(reason.length() > 0 ? ": " : "").append(message));
        return reason.length() == 0 ? "payment failed" : reason.toString();
    }

    /**
     * The business as a customer of the platform's own account (no {@code Stripe-Account}): whom its subscription and
     * invoices are for, in the business's name, with its id in the metadata.
     */
    @Override
    public String createCustomer(NewCustomer customer) {
        Objects.requireNonNull(customer, "customer");
        CustomerCreateParams.Builder params =
                CustomerCreateParams.builder().setName(customer.businessName()).putAllMetadata(customer.metadata());
        customer.email().ifPresent(params::setEmail);
        Customer made;
        try {
            made = stripe.v1()
                    .customers()
                    .create(
                            params.build(),
                            RequestOptions.builder()
                                    .setIdempotencyKey(customer.idempotencyKey())
                                    .build());
        } catch (StripeException e) {
            throw failure("make " + customer.businessName() + " a customer", e, false);
        } catch (RuntimeException e) {
            throw garbled(e);
        }
        if (made.getId() == null) {
            throw garbled(new IllegalStateException("Stripe made a customer without an id"));
        }
        return made.getId();
    }

    /**
     * A Checkout Session in subscription mode on the platform's own account, for one line: the plan's Price (its
     * amount and monthly interval are Stripe's, set up with the Price). The metadata go on the session and on the
     * subscription it makes, so both kinds of event name the business and plan; the business's id is also the
     * session's client reference, as Stripe's dashboard shows it.
     */
    @Override
    public Checkout openSubscriptionCheckout(SubscriptionCheckoutRequest request) {
        Objects.requireNonNull(request, "request");
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.SUBSCRIPTION)
                .setCustomer(request.customer())
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setPrice(request.price())
                        .setQuantity(1L)
                        .build())
                .setLocale(
                        request.language() == Language.ES
                                ? SessionCreateParams.Locale.ES
                                : SessionCreateParams.Locale.EN)
                .setSuccessUrl(request.successUrl().toString())
                .setCancelUrl(request.cancelUrl().toString())
                .putAllMetadata(request.metadata())
                .setSubscriptionData(SessionCreateParams.SubscriptionData.builder()
                        .putAllMetadata(request.metadata())
                        .build());
        Optional.ofNullable(request.metadata().get("business_id")).ifPresent(params::setClientReferenceId);
        Session session;
        try {
            session = stripe.v1()
                    .checkout()
                    .sessions()
                    .create(
                            params.build(),
                            RequestOptions.builder()
                                    .setIdempotencyKey(request.idempotencyKey())
                                    .build());
        } catch (StripeException e) {
            throw failure("open a subscription page for " + request.customer(), e, false);
        } catch (RuntimeException e) {
            throw garbled(e);
        }
        if (session.getId() == null) {
            throw garbled(new IllegalStateException("Stripe made a Checkout Session without an id"));
        }
        return new Checkout(session.getId(), uri(session.getUrl(), "a Checkout Session"));
    }

    /**
     * A Customer Portal session on the platform's account, with the portal's default configuration (set up in
     * Stripe's dashboard: which plans can be switched to, whether cancelling is allowed). Made without an idempotency
     * key: a session lasts minutes and makes nothing that lasts.
     */
    @Override
    public URI openBillingPortal(String customer, URI returnUrl, Language language) {
        com.stripe.param.billingportal.SessionCreateParams params =
                com.stripe.param.billingportal.SessionCreateParams.builder()
                        .setCustomer(Objects.requireNonNull(customer, "customer"))
                        .setReturnUrl(returnUrl.toString())
                        .setLocale(
                                language == Language.ES
                                        ? com.stripe.param.billingportal.SessionCreateParams.Locale.ES
                                        : com.stripe.param.billingportal.SessionCreateParams.Locale.EN)
                        .build();
        com.stripe.model.billingportal.Session portal;
        try {
            portal = stripe.v1().billingPortal().sessions().create(params);
        } catch (StripeException e) {
            throw failure("open the billing portal for " + customer, e, false);
        } catch (RuntimeException e) {
            throw garbled(e);
        }
        return uri(portal.getUrl(), "a billing portal session");
    }
}
