package com.voiceappoint.adapter.payments;

import com.stripe.exception.EventDataObjectDeserializationException;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Account;
import com.stripe.model.Dispute;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Price;
import com.stripe.model.StripeError;
import com.stripe.model.StripeObject;
import com.stripe.model.Subscription;
import com.stripe.model.SubscriptionItem;
import com.stripe.model.checkout.Session;
import com.stripe.net.Webhook;
import com.voiceappoint.application.error.OutcomeUnknownException;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.port.in.PaymentEventsUseCase;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.PaymentEvent;
import com.voiceappoint.domain.billing.SubscriptionStatus;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.payment.PaymentId;
import com.voiceappoint.domain.payment.SavedCardId;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Money;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe's webhook: what happened to the payment pages, payments and accounts, and to the businesses' subscriptions
 * on the platform's own account (Stripe Billing), applied through {@link PaymentEventsUseCase}.
 *
 * <p>Nothing is read before the request is proven Stripe's: {@code Stripe-Signature} must sign the raw body, as
 * received, with one of the two endpoints' secrets, and be at most five minutes old (an old request replayed is
 * refused). An event about a connected account (it carries {@code account}) must be signed with the Connect
 * endpoint's secret, one about the platform's own account with the platform endpoint's: a secret proves only the
 * endpoint it belongs to. A missing, forged or stale signature, a body that is not an event, or an event signed for
 * the other endpoint is a 400 with nothing applied. Where no secret is configured, its events are all refused.
 *
 * <p>Stripe then retries whatever was not answered 2xx, for days: an event applied, already applied, or about
 * nothing of ours is a 200; the database away is a 503 with {@code Retry-After}, so Stripe delivers it again. Event
 * objects are read whatever API version the endpoint sends them in: the fields read here (ids, amounts, metadata,
 * statuses) are the same in every recent version, where stripe-java's safe reading would drop any event of another
 * version than its own.
 */
public final class StripeWebhook {
    private static final Logger LOG = LoggerFactory.getLogger(StripeWebhook.class);

    public static final String PATH = "/api/v1/payments/stripe/webhook/";
    /** An event is one object with a few nested ones: an account with every requirement listed fits well inside. */
    public static final int MAX_BODY_BYTES = 256 * 1024;
    /** Seconds a signature stays good: Stripe's own default, and what its libraries use. */
    public static final long TOLERANCE_SECONDS = Webhook.DEFAULT_TOLERANCE;

    public static final String JSON = "application/json";
    /** Stripe retries on its own schedule; this only tells a proxy or a person when to expect us back. */
    static final String RETRY_AFTER_SECONDS = "30";
    /** What a failure's reason is cut to: it is kept on the payment and shown to the business. */
    static final int MAX_REASON = 500;

    /** What to answer Stripe: a status, a short JSON body, and any headers beside. */
    public record Answer(int status, String contentType, String body, Map<String, String> headers) {
        public Answer {
            headers = Map.copyOf(headers);
        }

        static Answer json(int status, String body) {
            return new Answer(status, JSON, body, Map.of());
        }
    }

    private enum Endpoint {
        PLATFORM,
        CONNECT
    }

    private final PaymentEventsUseCase events;
    private final Optional<String> platformSecret;
    private final Optional<String> connectSecret;
    private final Clock clock;

    public StripeWebhook(PaymentEventsUseCase events, StripeSettings settings, Clock clock) {
        this.events = Objects.requireNonNull(events, "events");
        Objects.requireNonNull(settings, "settings");
        this.platformSecret = settings.platformWebhookSecret();
        this.connectSecret = settings.connectWebhookSecret();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** @param header a request header by its lower-case name */
    public Answer handle(byte[] body, Function<String, Optional<String>> header) {
        if (body.length > MAX_BODY_BYTES) {
            return Answer.json(413, "{\"error\":\"too large\"}");
        }
        Optional<String> signature = header.apply("stripe-signature").filter(s -> !s.isBlank());
        if (signature.isEmpty()) {
            return refused("no signature");
        }
        // Stripe signs the bytes it sent; a body that is not UTF-8 decodes to other bytes and so fails the check
        String payload = new String(body, StandardCharsets.UTF_8);
        Set<Endpoint> signedFor = EnumSet.noneOf(Endpoint.class);
        platformSecret
                .filter(secret -> verifies(payload, signature.get(), secret))
                .ifPresent(secret -> signedFor.add(Endpoint.PLATFORM));
        connectSecret
                .filter(secret -> verifies(payload, signature.get(), secret))
                .ifPresent(secret -> signedFor.add(Endpoint.CONNECT));
        if (signedFor.isEmpty()) {
            return refused("signature");
        }
        String secret = signedFor.contains(Endpoint.PLATFORM) ? platformSecret.get() : connectSecret.get();
        Event event;
        try {
            event = Webhook.constructEvent(payload, signature.get(), secret, TOLERANCE_SECONDS, clock);
        } catch (SignatureVerificationException lapsedSinceChecked) {
            return refused("signature");
        } catch (RuntimeException notAnEvent) {
            // Gson's syntax errors, a JSON value that is not an object, a v2 "thin" notification
            return refused("not an event");
        }
        if (event == null || blank(event.getId()) || blank(event.getType())) {
            return refused("not an event");
        }
        Optional<String> account = Optional.ofNullable(event.getAccount()).filter(a -> !a.isBlank());
        Endpoint needed = account.isPresent() ? Endpoint.CONNECT : Endpoint.PLATFORM;
        if (!signedFor.contains(needed)) {
            // a platform secret proves nothing of a connected account's news, nor the other way round
            LOG.warn("Stripe event {} ({}) was signed for the wrong endpoint", event.getId(), event.getType());
            return refused("signature");
        }

        Optional<PaymentEvent> translated;
        try {
            translated = translate(event, account);
        } catch (EventDataObjectDeserializationException | RuntimeException unreadable) {
            LOG.warn(
                    "Stripe event {} ({}) could not be read: {}",
                    event.getId(),
                    event.getType(),
                    unreadable.toString());
            return refused("unreadable event");
        }
        if (translated.isEmpty()) {
            return Answer.json(200, outcome("ignored"));
        }
        PaymentEventsUseCase.Outcome outcome;
        try {
            outcome = events.apply(translated.get());
        } catch (StoreUnavailableException | OutcomeUnknownException away) {
            // nothing was kept, or it cannot be told yet: Stripe's next delivery is answered by what was kept
            LOG.warn("Stripe event {} not applied yet: {}", event.getId(), away.getMessage());
            return new Answer(503, JSON, "{\"error\":\"unavailable\"}", Map.of("Retry-After", RETRY_AFTER_SECONDS));
        }
        return Answer.json(200, outcome(outcome.name().toLowerCase(Locale.ROOT)));
    }

    private boolean verifies(String payload, String signature, String secret) {
        try {
            return Webhook.Signature.verifyHeader(payload, signature, secret, TOLERANCE_SECONDS, clock);
        } catch (SignatureVerificationException wrong) {
            return false;
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException malformed) {
            // stripe-java reads "t=abc" or a bare "t" in the header with parseLong and split: not a signature at all
            return false;
        } catch (RuntimeException fault) {
            // anything else is ours, not the sender's (a clock that cannot tell milliseconds refused every event as
            // unsigned once): said loudly, and still no event is taken unproven
            LOG.error("the Stripe signature could not be checked", fault);
            return false;
        }
    }

    /** The event in the application's terms, or empty for a type we do not act on. */
    private static Optional<PaymentEvent> translate(Event event, Optional<String> account)
            throws EventDataObjectDeserializationException {
        Optional<PaymentEvent> billing = billing(event, account);
        if (billing.isPresent()) {
            return billing;
        }
        String id = event.getId();
        switch (event.getType()) {
            case "checkout.session.completed", "checkout.session.async_payment_succeeded" -> {
                Session session = object(event, Session.class);
                return Optional.of(new PaymentEventsUseCase.CheckoutCompleted(
                        id,
                        account,
                        required(session.getId(), "session id"),
                        payment(session.getMetadata()),
                        Optional.ofNullable(session.getPaymentIntent()),
                        amount(session, id),
                        "paid".equals(session.getPaymentStatus()),
                        card(session.getMetadata()),
                        Optional.ofNullable(session.getCustomer()).filter(c -> !c.isBlank()),
                        Optional.ofNullable(session.getSetupIntent()).filter(s -> !s.isBlank())));
            }
            case "checkout.session.expired" -> {
                Session session = object(event, Session.class);
                return Optional.of(new PaymentEventsUseCase.CheckoutExpired(
                        id, account, required(session.getId(), "session id"), payment(session.getMetadata())));
            }
            case "payment_intent.payment_failed" -> {
                PaymentIntent intent = object(event, PaymentIntent.class);
                return Optional.of(new PaymentEventsUseCase.PaymentFailed(
                        id, account, payment(intent.getMetadata()), reason(intent.getLastPaymentError())));
            }
            case "charge.dispute.created" -> {
                Dispute dispute = object(event, Dispute.class);
                if (dispute.getPaymentIntent() == null) {
                    // a dispute of a charge made without a PaymentIntent is none of our payments
                    return Optional.empty();
                }
                return Optional.of(new PaymentEventsUseCase.Disputed(
                        id,
                        account,
                        dispute.getPaymentIntent(),
                        Optional.ofNullable(dispute.getReason()).orElse("unknown")));
            }
            case "account.updated" -> {
                Account updated = object(event, Account.class);
                return Optional.of(new PaymentEventsUseCase.AccountUpdated(
                        id,
                        account,
                        Boolean.TRUE.equals(updated.getChargesEnabled()),
                        Boolean.TRUE.equals(updated.getDetailsSubmitted())));
            }
            default -> {
                return Optional.empty();
            }
        }
    }

    /**
     * The event's object, read even when its API version is not stripe-java's ({@code getObject()} would be empty
     * then), and refused when it is not the kind of object the event's type promises.
     */
    private static <T extends StripeObject> T object(Event event, Class<T> type)
            throws EventDataObjectDeserializationException {
        if (event.getData() == null) {
            throw new IllegalArgumentException("an event without data");
        }
        StripeObject object = event.getDataObjectDeserializer().deserializeUnsafe();
        if (!type.isInstance(object)) {
            throw new IllegalArgumentException("data.object is not a " + type.getSimpleName());
        }
        return type.cast(object);
    }

    /** Our payment's id from the metadata we set; anything else there (a hand-made session, a typo) names none. */
    static Optional<PaymentId> payment(Map<String, String> metadata) {
        if (metadata == null) {
            return Optional.empty();
        }
        String value = metadata.get("payment_id");
        if (value == null) {
            return Optional.empty();
        }
        try {
            UUID uuid = UUID.fromString(value);
            // UUID.fromString also takes "1-2-3-4-5": only the canonical form is one we wrote
            return uuid.toString().equalsIgnoreCase(value) ? Optional.of(new PaymentId(uuid)) : Optional.empty();
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    private static Optional<Money> amount(Session session, String event) {
        if (session.getAmountTotal() == null || session.getCurrency() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(StripeAmounts.money(session.getAmountTotal(), session.getCurrency()));
        } catch (InvalidValueException notOurs) {
            LOG.warn("Stripe event {} has an amount we cannot hold: {}", event, notOurs.getMessage());
            return Optional.empty();
        }
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
        String text = reason.length() == 0 ? "payment failed" : reason.toString();
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON);
    }

    private static String required(String value, String what) {
        if (blank(value)) {
            throw new IllegalArgumentException("no " + what);
        }
        return value;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String outcome(String outcome) {
        return "{\"received\":true,\"outcome\":\"" + outcome + "\"}";
    }

    private static Answer refused(String why) {
        return Answer.json(400, "{\"error\":\"" + why + "\"}");
    }

    /**
     * Our card kept for a no-show fee, from the metadata we set on a page that keeps one (a page in setup mode, or a
     * deposit's); anything else there names none. The customer and the SetupIntent such a page made are read from
     * the session as ids: an event's objects are never expanded, whatever the endpoint's API version.
     */
    static Optional<SavedCardId> card(Map<String, String> metadata) {
        if (metadata == null) {
            return Optional.empty();
        }
        String value = metadata.get("saved_card_id");
        if (value == null) {
            return Optional.empty();
        }
        try {
            UUID uuid = UUID.fromString(value);
            return uuid.toString().equalsIgnoreCase(value) ? Optional.of(new SavedCardId(uuid)) : Optional.empty();
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    /** Stripe Billing's events, the platform's own: a subscription's Checkout page done, and the subscription's news. */
    private static final Set<String> SUBSCRIPTION_EVENTS = Set.of(
            "customer.subscription.created",
            "customer.subscription.updated",
            "customer.subscription.deleted",
            "customer.subscription.paused",
            "customer.subscription.resumed");

    /**
     * The event as news of a business's subscription to a plan, or empty when it is none (a connected account's own
     * news, a deposit's page, any other type, or a subscription Stripe gives a status this code does not know, which is
     * logged and left alone).
     */
    private static Optional<PaymentEvent> billing(Event event, Optional<String> account)
            throws EventDataObjectDeserializationException {
        if (account.isPresent()) {
            // a business's own subscriptions, with its own clients, are none of the platform's billing
            return Optional.empty();
        }
        Instant created = Instant.ofEpochSecond(event.getCreated() == null ? 0 : event.getCreated());
        if (event.getType().equals("checkout.session.completed")) {
            Session session = object(event, Session.class);
            if (!"subscription".equals(session.getMode())) {
                return Optional.empty();
            }
            return Optional.of(new PaymentEventsUseCase.SubscriptionCheckoutCompleted(
                    event.getId(),
                    account,
                    created,
                    business(session.getMetadata()),
                    plan(session.getMetadata()),
                    required(session.getCustomer(), "customer"),
                    required(session.getSubscription(), "subscription"),
                    "paid".equals(session.getPaymentStatus())
                            || "no_payment_required".equals(session.getPaymentStatus())));
        }
        if (!SUBSCRIPTION_EVENTS.contains(event.getType())) {
            return Optional.empty();
        }
        Subscription subscription = object(event, Subscription.class);
        Optional<SubscriptionStatus> status = SubscriptionStatus.of(subscription.getStatus());
        if (status.isEmpty()) {
            LOG.warn(
                    "Stripe event {} gives subscription {} a status we do not know: {}",
                    event.getId(),
                    subscription.getId(),
                    subscription.getStatus());
            return Optional.empty();
        }
        List<SubscriptionItem> items =
                subscription.getItems() == null || subscription.getItems().getData() == null
                        ? List.of()
                        : subscription.getItems().getData();
        return Optional.of(new PaymentEventsUseCase.SubscriptionChanged(
                event.getId(),
                account,
                created,
                required(subscription.getId(), "subscription id"),
                required(subscription.getCustomer(), "customer"),
                business(subscription.getMetadata()),
                items.stream()
                        .map(SubscriptionItem::getPrice)
                        .filter(Objects::nonNull)
                        .map(Price::getId)
                        .filter(Objects::nonNull)
                        .findFirst(),
                plan(subscription.getMetadata()),
                status.get(),
                periodEnd(event, items)));
    }

    /**
     * When the period paid for ends: on each item since Stripe's 2025-03-31 API version, on the subscription itself in
     * the versions before, which stripe-java's model no longer has. The event's raw object still carries it there, and
     * in those versions it is the only {@code current_period_end} in it (items had none); stripe-java keeps its JSON
     * library to itself, so the number is read with a pattern rather than a parser.
     */
    private static Optional<Instant> periodEnd(Event event, List<SubscriptionItem> items) {
        Optional<Long> onItems = items.stream()
                .map(SubscriptionItem::getCurrentPeriodEnd)
                .filter(Objects::nonNull)
                .max(Long::compare);
        return onItems.or(() -> Optional.ofNullable(
                                event.getDataObjectDeserializer().getRawJson())
                        .map(PERIOD_END::matcher)
                        .filter(Matcher::find)
                        .map(found -> Long.parseLong(found.group(1))))
                .map(Instant::ofEpochSecond);
    }

    private static final Pattern PERIOD_END = Pattern.compile("\"current_period_end\"\\s*:\\s*(\\d{1,12})\\b");

    /** Our business's id from the metadata we set; anything else there names none. */
    static Optional<BusinessId> business(Map<String, String> metadata) {
        return Optional.ofNullable(metadata)
                .map(m -> m.get("business_id"))
                .flatMap(StripeWebhook::canonicalUuid)
                .map(BusinessId::new);
    }

    private static Optional<String> plan(Map<String, String> metadata) {
        return Optional.ofNullable(metadata).map(m -> m.get("plan")).filter(code -> !code.isBlank());
    }

    private static Optional<UUID> canonicalUuid(String value) {
        try {
            UUID uuid = UUID.fromString(value);
            return uuid.toString().equalsIgnoreCase(value) ? Optional.of(uuid) : Optional.empty();
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
