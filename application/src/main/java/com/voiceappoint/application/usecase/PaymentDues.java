package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.CardDue;
import com.voiceappoint.application.port.in.PaymentDue;
import com.voiceappoint.application.port.out.PaymentPorts;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentId;
import com.voiceappoint.domain.payment.PaymentSettings;
import com.voiceappoint.domain.payment.SavedCard;
import com.voiceappoint.domain.payment.SavedCardId;
import com.voiceappoint.domain.shared.Money;
import java.util.Optional;

/**
 * What a client still owes for an appointment kept for its deposit, and the Stripe page to pay it on; or the card they
 * must leave for the business's no-show fee, and the Stripe page that keeps it.
 */
final class PaymentDues {
    static final PaymentDues NONE = new PaymentDues(Optional.empty(), Optional.empty());

    private final Optional<PaymentPorts> ports;
    private final Optional<Checkouts> checkouts;

    private PaymentDues(Optional<PaymentPorts> ports, Optional<Checkouts> checkouts) {
        this.ports = ports;
        this.checkouts = checkouts;
    }

    static PaymentDues through(PaymentPorts ports, Checkouts checkouts) {
        return new PaymentDues(Optional.of(ports), Optional.of(checkouts));
    }

    /** The appointment's open deposit, its page opened if it was not yet; empty when nothing is owed. */
    Optional<PaymentDue> of(Business business, AppointmentDetails details) {
        if (ports.isEmpty() || details.appointment().status() != AppointmentStatus.PENDING_PAYMENT) {
            return Optional.empty();
        }
        return ports
                .get()
                .store()
                .ofAppointment(business.id(), details.appointment().id())
                .stream()
                .filter(Payment::isOpen)
                .reduce((first, later) -> later)
                .map(payment -> due(business, payment, details));
    }

    /**
     * The appointment's open deposit as it stands, without asking Stripe for anything: what a voice answer says while
     * the caller waits (the text they are sent links to the page that opens it).
     */
    Optional<PaymentDue> owed(AppointmentDetails details) {
        if (ports.isEmpty() || details.appointment().status() != AppointmentStatus.PENDING_PAYMENT) {
            return Optional.empty();
        }
        return ports
                .get()
                .store()
                .ofAppointment(
                        details.appointment().businessId(),
                        details.appointment().id())
                .stream()
                .filter(Payment::isOpen)
                .reduce((first, later) -> later)
                .map(payment -> new PaymentDue(payment, payment.checkoutUrl().map(java.net.URI::create)));
    }

    /** Whether a client booking a service with a deposit at the business is asked for it now. */
    boolean asked(BusinessId business) {
        return ports.filter(PaymentPorts::configured)
                .map(p -> p.store().settings(business).takesPayments())
                .orElse(false);
    }

    /** A payment of the business by its id, as the link to pay it names it. */
    Optional<Payment> find(BusinessId business, PaymentId payment) {
        return ports.flatMap(p -> p.store().find(business, payment));
    }

    /** The payment with its page: opened now if it is open and has none yet. */
    PaymentDue due(Business business, Payment payment, AppointmentDetails details) {
        return new PaymentDue(
                payment,
                checkouts
                        .orElseThrow()
                        .open(
                                business,
                                payment,
                                details.serviceName(),
                                details.client().email()));
    }

    /** Our page for the payment: what a text or an e-mail links to. */
    Optional<java.net.URI> link(Business business, Payment payment) {
        return checkouts.map(c -> c.depositPage(business, payment));
    }

    /**
     * The card the appointment waits for, for the no-show fee, its page opened if it was not yet; empty when it waits
     * for no card of its own (none asked, or kept by the deposit's page).
     */
    Optional<CardDue> cardOf(Business business, AppointmentDetails details) {
        return pendingCard(details).filter(card -> !card.keptByDeposit()).map(card -> cardDue(business, card, details));
    }

    /**
     * The card the appointment waits for as it stands, without asking Stripe for anything: what a caller is told, and
     * the manage page shows. It may be the one the deposit's page keeps ({@link SavedCard#keptByDeposit()}).
     */
    Optional<CardDue> cardOwed(AppointmentDetails details) {
        return pendingCard(details)
                .map(card -> new CardDue(card, card.checkoutUrl().map(java.net.URI::create)));
    }

    private Optional<SavedCard> pendingCard(AppointmentDetails details) {
        if (ports.isEmpty() || details.appointment().status() != AppointmentStatus.PENDING_PAYMENT) {
            return Optional.empty();
        }
        return ports.get()
                .store()
                .cardOf(
                        details.appointment().businessId(),
                        details.appointment().id())
                .filter(SavedCard::isPending);
    }

    /** A card of the business by its id, as the link to leave it names it. */
    Optional<SavedCard> findCard(BusinessId business, SavedCardId card) {
        return ports.flatMap(p -> p.store().findCard(business, card));
    }

    /** The card with its page: opened now if it is pending and has none yet. */
    CardDue cardDue(Business business, SavedCard card, AppointmentDetails details) {
        return new CardDue(
                card,
                checkouts
                        .orElseThrow()
                        .openCardPage(
                                business,
                                card,
                                details.serviceName(),
                                details.client().email()));
    }

    /** The no-show fee a client booking at the business now leaves a card for; none when it asks no card now. */
    Optional<Money> noShowFee(Business business) {
        return ports.filter(PaymentPorts::configured)
                .map(p -> p.store().settings(business.id()))
                .filter(PaymentSettings::chargesNoShows)
                .flatMap(PaymentSettings::noShowFee)
                .filter(fee -> fee.currency().equals(business.currency()));
    }

    /** Our page for the card: what a text or an e-mail links to. */
    Optional<java.net.URI> cardLink(Business business, SavedCard card) {
        return checkouts.map(c -> c.cardPage(business, card));
    }

    /** The card for the no-show fee that paying this deposit also leaves, when one is asked with it. */
    Optional<SavedCard> keptCard(Payment deposit) {
        return ports.flatMap(p -> p.store().cardOf(deposit.businessId(), deposit.appointmentId()))
                .filter(card -> card.deposit().filter(deposit.id()::equals).isPresent());
    }
}
