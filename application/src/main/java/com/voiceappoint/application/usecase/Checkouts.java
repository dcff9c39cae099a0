package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.port.out.PaymentGateway;
import com.voiceappoint.application.port.out.PaymentPorts;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.payment.Payment;
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
        // normally the deadline itself, a little over the window away; a page opened late (Stripe was down at
        // booking) must still last Stripe's shortest, and a payment made after the time was released is then
        // booked again if the time is free, or refunded
        Instant earliest = clock.instant().plus(SHORTEST_PAGE).plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        Instant expiresAt =
                payment.payBy().filter(payBy -> !payBy.isBefore(earliest)).orElse(earliest);
        URI page = depositPage(business, payment);
        PaymentGateway.CheckoutRequest request = new PaymentGateway.CheckoutRequest(
                payment.account().orElseThrow(),
                payment.amount(),
                description(business, serviceName),
                email.map(EmailAddress::value),
                business.language(),
                URI.create(page + "?paid=1"),
                page,
                expiresAt,
                applicationFee(payment.amount()),
                Map.of(
                        "business_id", business.id().toString(),
                        "appointment_id", payment.appointmentId().toString(),
                        "payment_id", payment.id().toString()),
                // the same page asked twice is opened once; a page for another deadline is another request
                "checkout-" + payment.id() + "-" + expiresAt.getEpochSecond());
        try {
            PaymentGateway.Checkout checkout = ports.gateway().openCheckout(request);
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

    /** Our page for a deposit: what the client's link and Stripe's way back lead to. */
    URI depositPage(Business business, Payment payment) {
        return URI.create(depositPage(ports.publicUrl().orElseThrow(), business, payment));
    }

    /** The same page's address on a server whose public address is {@code publicUrl}. */
    static String depositPage(String publicUrl, Business business, Payment payment) {
        return publicUrl + "/" + business.slug().value() + "/pay/" + payment.id();
    }

    private Optional<Money> applicationFee(Money amount) {
        if (ports.applicationFeePercent() == 0) {
            return Optional.empty();
        }
        BigDecimal fee = amount.amount()
                .multiply(BigDecimal.valueOf(ports.applicationFeePercent()))
                .divide(BigDecimal.valueOf(100), amount.amount().scale(), RoundingMode.DOWN);
        return fee.signum() > 0 ? Optional.of(new Money(fee, amount.currency())) : Optional.empty();
    }

    private static String description(Business business, String serviceName) {
        return (business.language() == Language.ES ? "Depósito · " : "Deposit · ") + serviceName + " · "
                + business.name();
    }
}
