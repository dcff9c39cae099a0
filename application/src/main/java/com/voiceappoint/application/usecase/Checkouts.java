package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.port.out.PaymentGateway;
import com.voiceappoint.application.port.out.PaymentPorts;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentKind;
import com.voiceappoint.domain.payment.SavedCard;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Opens the Stripe page a client pays a deposit on, after the booking that asked for it has committed (Stripe is never
 * called inside a transaction), and keeps it with the payment so the same page is given every time. A Stripe that
 * cannot be reached loses nothing: the time stays kept, and the next look at the payment tries again.
 */
final class Checkouts {
    /** Stripe refuses a page lapsing sooner than this after it is opened. */
    static final Duration SHORTEST_PAGE = Duration.ofMinutes(30);
    /**
     * Kept above Stripe's shortest for the time the request takes to reach it; well under {@link
     * Deposits#OPENING_SLACK}, so that a page opened just after its booking lapses with the time it keeps.
     */
    static final Duration MARGIN = Duration.ofSeconds(10);

    private static final System.Logger LOG = System.getLogger(Checkouts.class.getName());

    private final PaymentPorts ports;
    private final TransactionRunner transactions;
    private final Clock clock;

    Checkouts(PaymentPorts ports, TransactionRunner transactions, Clock clock) {
        this.ports = ports;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Where the client pays the deposit: the page opened before, or one opened now; empty if none can be. */
    Optional<URI> open(Business business, Payment payment, String serviceName, Optional<EmailAddress> email) {
        if (payment.checkoutUrl().isPresent()) {
            return payment.checkoutUrl().map(URI::create);
        }
        if (!payment.isOpen() || !ports.configured()) {
            return Optional.empty();
        }
        if (payment.isFeeToCharge()) {
            // charged to the saved card first: a page beside that charge could take the fee twice
            return Optional.empty();
        }
        // normally the deadline itself, a little over the window away; a page opened late (Stripe was down at
        // booking) must still last Stripe's shortest, and a payment made after the time was released is then
        // booked again if the time is free, or refunded
        Instant earliest = earliestExpiry();
        Instant expiresAt =
                payment.payBy().filter(payBy -> !payBy.isBefore(earliest)).orElse(earliest);
        URI page = depositPage(business, payment);
        // a deposit asked with a card for the no-show fee keeps the card as it is paid
        Optional<SavedCard> keptCard = payment.kind() == PaymentKind.DEPOSIT
                ? ports.store()
                        .cardOf(business.id(), payment.appointmentId())
                        .filter(card -> card.isPending()
                                && card.deposit().filter(payment.id()::equals).isPresent())
                : Optional.empty();
        PaymentGateway.CheckoutRequest request = new PaymentGateway.CheckoutRequest(
                payment.account().orElseThrow(),
                payment.amount(),
                description(business, payment.kind(), serviceName),
                email.map(EmailAddress::value),
                business.language(),
                URI.create(page + "?paid=1"),
                page,
                expiresAt,
                applicationFee(payment.amount()),
                metadata(business, payment, keptCard),
                // the same page asked twice is opened once; a page for another deadline is another request
                "checkout-" + payment.id() + "-" + expiresAt.getEpochSecond());
        try {
            PaymentGateway.Checkout checkout = keptCard.isPresent()
                    ? ports.gateway().openCheckoutSavingCard(request)
                    : ports.gateway().openCheckout(request);
            transactions.inTransaction(() -> ports.store()
                    .openedCheckout(business.id(), payment.id(), checkout.session(), checkout.url(), clock.instant()));
            return Optional.of(checkout.url());
        } catch (StoreUnavailableException | DomainException notOpened) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "no payment page for payment {0} yet: {1}",
                    payment.id(),
                    notOpened.getMessage());
            return Optional.empty();
        }
    }

    /** The soonest a page opened now may lapse, as Stripe counts it, in whole seconds. */
    private Instant earliestExpiry() {
        return clock.instant()
                .plus(SHORTEST_PAGE)
                .plus(MARGIN)
                .truncatedTo(ChronoUnit.SECONDS)
                .plusSeconds(1);
    }

    /** Our page for a deposit: what the client's link and Stripe's way back lead to. */
    URI depositPage(Business business, Payment payment) {
        return URI.create(depositPage(ports.publicUrl().orElseThrow(), business, payment));
    }

    /** The same page's address on a server whose public address is {@code publicUrl}. */
    static String depositPage(String publicUrl, Business business, Payment payment) {
        return publicUrl + "/" + business.slug().value() + "/pay/" + payment.id();
    }

    /** The platform's share of a payment of {@code amount}, taken by Stripe for it. */
    Optional<Money> applicationFee(Money amount) {
        if (ports.applicationFeePercent() == 0) {
            return Optional.empty();
        }
        BigDecimal fee = amount.amount()
                .multiply(BigDecimal.valueOf(ports.applicationFeePercent()))
                .divide(BigDecimal.valueOf(100), amount.amount().scale(), RoundingMode.DOWN);
        return fee.signum() > 0 ? Optional.of(new Money(fee, amount.currency())) : Optional.empty();
    }

    private static String description(Business business, PaymentKind kind, String serviceName) {
        boolean es = business.language() == Language.ES;
        String what = kind == PaymentKind.NO_SHOW_FEE
                ? (es ? "Cargo por no presentarse · " : "No-show fee · ")
                : (es ? "Depósito · " : "Deposit · ");
        return what + serviceName + " · " + business.name();
    }

    private static Map<String, String> metadata(Business business, Payment payment, Optional<SavedCard> card) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("business_id", business.id().toString());
        metadata.put("appointment_id", payment.appointmentId().toString());
        metadata.put("payment_id", payment.id().toString());
        card.ifPresent(c -> metadata.put("saved_card_id", c.id().toString()));
        return metadata;
    }

    /**
     * Where the client leaves the card asked for the no-show fee: the page opened before, or one opened now; empty if
     * none can be (Stripe out of reach: the card's own page tries again, and the time stays kept).
     */
    Optional<URI> openCardPage(Business business, SavedCard card, String serviceName, Optional<EmailAddress> email) {
        if (card.checkoutUrl().isPresent()) {
            return card.checkoutUrl().map(URI::create);
        }
        if (!card.isPending() || card.keptByDeposit() || !ports.configured()) {
            return Optional.empty();
        }
        Instant earliest = earliestExpiry();
        Instant expiresAt = card.saveBy().isBefore(earliest) ? earliest : card.saveBy();
        URI page = cardPage(business, card);
        PaymentGateway.CardSetupRequest request = new PaymentGateway.CardSetupRequest(
                card.account(),
                cardNotice(business, card, serviceName),
                email.map(EmailAddress::value),
                business.language(),
                URI.create(page + "?saved=1"),
                page,
                expiresAt,
                Map.of(
                        "business_id", business.id().toString(),
                        "appointment_id", card.appointmentId().toString(),
                        "saved_card_id", card.id().toString()),
                "card-" + card.id() + "-" + expiresAt.getEpochSecond());
        try {
            PaymentGateway.Checkout checkout = ports.gateway().openCardSetup(request);
            transactions.inTransaction(() -> ports.store()
                    .openedCardPage(business.id(), card.id(), checkout.session(), checkout.url(), clock.instant()));
            return Optional.of(checkout.url());
        } catch (StoreUnavailableException | DomainException notOpened) {
            LOG.log(System.Logger.Level.WARNING, "no page for card {0} yet: {1}", card.id(), notOpened.getMessage());
            return Optional.empty();
        }
    }

    /** Our page for a card asked for the no-show fee: what the client's link and Stripe's way back lead to. */
    URI cardPage(Business business, SavedCard card) {
        return URI.create(cardPage(ports.publicUrl().orElseThrow(), business, card));
    }

    /** The same page's address on a server whose public address is {@code publicUrl}. */
    static String cardPage(String publicUrl, Business business, SavedCard card) {
        return publicUrl + "/" + business.slug().value() + "/card/" + card.id();
    }

    /** What Stripe's page tells the client their card is kept for, in the business's language. */
    private static String cardNotice(Business business, SavedCard card, String serviceName) {
        String fee = card.fee().amount().toPlainString() + " "
                + card.fee().currency().getCurrencyCode();
        return business.language() == Language.ES
                ? "%s guarda tu tarjeta para %s: no se cobra nada ahora; solo si no acudes a la cita se cobran %s."
                        .formatted(business.name(), serviceName, fee)
                : "%s keeps your card for %s: nothing is charged now; only if you miss the appointment are you charged %s."
                        .formatted(business.name(), serviceName, fee);
    }
}
