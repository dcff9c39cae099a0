package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.PaymentDue;
import com.voiceappoint.application.port.out.PaymentPorts;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentId;
import java.util.Optional;

/** What a client still owes for an appointment kept for its deposit, and the Stripe page to pay it on. */
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
}
