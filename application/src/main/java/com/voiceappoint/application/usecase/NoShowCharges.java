package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.PaymentGateway;
import com.voiceappoint.application.port.out.PaymentPorts;
import com.voiceappoint.application.port.out.PaymentRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.SavedCard;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Charges no-show fees to the cards their clients left, once the change that recorded the fee has committed (Stripe
 * is never called inside a transaction): right after staff mark the no-show, and again from the payments' sweep for
 * a fee whose answer never came. Each fee is charged under an idempotency key derived from it, so however often it
 * is asked, Stripe takes it once.
 *
 * <p>A card the client's bank will not let be charged without them (it asks for authentication, or declines) is
 * not tried again: the fee then waits for the client on its own page, {@code /{slug}/pay/{payment}}, until
 * {@link #PAGE_OPEN} has passed, the payment says why, and the client is sent the page's link.
 */
final class NoShowCharges {
    /** At most this many a sweep. */
    static final int BATCH = 50;
    /** A fee younger than this may be in the hands of the request that recorded it. */
    static final Duration SETTLING = Duration.ofSeconds(30);
    /** How long a fee waits for its client on its page: just under the longest Stripe keeps a page open. */
    static final Duration PAGE_OPEN = Duration.ofHours(23);
    /** What a reason is cut to: it is kept on the payment and shown to the business. */
    static final int MAX_ISSUE = 500;

    private static final System.Logger LOG = System.getLogger(NoShowCharges.class.getName());

    private final PaymentPorts ports;
    private final TransactionRunner transactions;
    private final Checkouts checkouts;
    private final BusinessRepository businesses;
    private final AppointmentRepository appointments;
    private final ServiceRepository services;
    private final AppointmentWrites writes;
    private final Clock clock;

    NoShowCharges(
            PaymentPorts ports,
            TransactionRunner transactions,
            Checkouts checkouts,
            BusinessRepository businesses,
            AppointmentRepository appointments,
            ServiceRepository services,
            AppointmentWrites writes,
            Clock clock) {
        this.ports = ports;
        this.transactions = transactions;
        this.checkouts = checkouts;
        this.businesses = businesses;
        this.appointments = appointments;
        this.services = services;
        this.writes = writes;
        this.clock = clock;
    }

    /**
     * The appointment's no-show fee charged now, if one is still to charge: what staff marking the no-show wait for.
     * Nothing that goes wrong here undoes the no-show, which is committed: the sweep asks again.
     */
    void chargeFor(Appointment appointment) {
        try {
            store().ofAppointment(appointment.businessId(), appointment.id()).stream()
                    .filter(Payment::isFeeToCharge)
                    .forEach(this::charge);
        } catch (RuntimeException notNow) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "the no-show fee of appointment {0} is left to the sweep: {1}",
                    appointment.id(),
                    notNow.toString());
        }
    }

    /** Every fee whose charge was never answered: how many were settled (charged, or sent to the client) now. */
    int chargeUnsent() {
        if (!ports.gateway().configured()) {
            return 0;
        }
        int settled = 0;
        for (Payment fee : store().feesToCharge(clock.instant().minus(SETTLING), BATCH)) {
            if (!charge(fee).isFeeToCharge()) {
                settled++;
            }
        }
        return settled;
    }

    /** The fee as it stands after asking: paid, waiting for its client, or still to charge (Stripe out of reach). */
    Payment charge(Payment fee) {
        if (!fee.isFeeToCharge() || !ports.gateway().configured()) {
            return fee;
        }
        Optional<SavedCard> card =
                store().cardOf(fee.businessId(), fee.appointmentId()).filter(SavedCard::isSaved);
        if (card.isEmpty()) {
            // recorded only for a saved card, which is never unsaved: nothing to charge it to
            awaitClient(fee, "no saved card to charge");
            return current(fee);
        }
        try {
            String method = card.get().paymentMethod().orElseGet(() -> readPaymentMethod(card.get()));
            PaymentGateway.OffSessionCharge charged = ports.gateway()
                    .chargeOffSession(new PaymentGateway.OffSessionRequest(
                            card.get().account(),
                            card.get().customer().orElseThrow(),
                            method,
                            fee.amount(),
                            description(fee),
                            checkouts.applicationFee(fee.amount()),
                            Map.of(
                                    "business_id", fee.businessId().toString(),
                                    "appointment_id", fee.appointmentId().toString(),
                                    "payment_id", fee.id().toString(),
                                    "saved_card_id", card.get().id().toString()),
                            // derived from the fee: a retry after a lost answer is answered with the first charge
                            "no-show-fee-" + fee.id()));
            switch (charged.outcome()) {
                case CHARGED ->
                    transactions.inTransaction(() -> store().markPaid(
                                    fee.businessId(),
                                    fee.id(),
                                    charged.paymentIntent().orElseThrow(),
                                    clock.instant()));
                case AUTHENTICATION_REQUIRED -> awaitClient(fee, "authentication required: " + charged.reason());
                case DECLINED -> awaitClient(fee, "declined: " + charged.reason());
            }
        } catch (DomainException refused) {
            if (refused.code() != ErrorCode.PAYMENT_REFUSED && refused.code() != ErrorCode.PAYMENTS_NOT_CONNECTED) {
                throw refused;
            }
            // the card can no longer be charged (removed from the customer, or the account disconnected)
            awaitClient(fee, "refused: " + refused.getMessage());
        } catch (StoreUnavailableException unknown) {
            // charged or not, only Stripe knows: the sweep asks again under the same key
            LOG.log(
                    System.Logger.Level.WARNING,
                    "no answer for no-show fee {0} yet: {1}",
                    fee.id(),
                    unknown.getMessage());
        }
        return current(fee);
    }

    /** The card the page saved, read once from Stripe and kept: the page's news does not name it. */
    private String readPaymentMethod(SavedCard card) {
        String method = ports.gateway()
                .savedPaymentMethod(
                        card.account(),
                        new PaymentGateway.SavedBy(card.savedBy().orElseThrow(), !card.keptByDeposit()));
        transactions.inTransaction(() -> {
            store().keepPaymentMethod(card.businessId(), card.id(), method, clock.instant());
            return null;
        });
        return method;
    }

    /** The fee waits for its client on its own page, says why, and the client is asked to pay it there. */
    private void awaitClient(Payment fee, String issue) {
        Instant now = clock.instant();
        String why = issue.length() <= MAX_ISSUE ? issue : issue.substring(0, MAX_ISSUE);
        transactions.inTransaction(() -> {
            if (store().awaitClient(fee.businessId(), fee.id(), why, now.plus(PAGE_OPEN), now)) {
                appointments
                        .findById(List.of(fee.businessId()), fee.appointmentId())
                        .ifPresent(appointment -> writes.noShowFeeRequested(appointment, fee));
            }
            return null;
        });
    }

    /** What the business's Stripe Dashboard shows for the charge. */
    private String description(Payment fee) {
        Optional<Business> business = businesses.findById(fee.businessId());
        boolean es = business.map(b -> b.language() == Language.ES).orElse(false);
        String service = appointments
                .findById(List.of(fee.businessId()), fee.appointmentId())
                .flatMap(a -> services.findById(fee.businessId(), a.serviceId()))
                .map(Service::name)
                .orElse("");
        return (es ? "Cargo por no presentarse · " : "No-show fee · ") + service + " · "
                + business.map(Business::name).orElse("");
    }

    private Payment current(Payment fee) {
        return store().find(fee.businessId(), fee.id()).orElse(fee);
    }

    private PaymentRepository store() {
        return ports.store();
    }
}
