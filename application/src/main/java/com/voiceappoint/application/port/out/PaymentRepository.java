package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentId;
import com.voiceappoint.domain.payment.PaymentSettings;
import com.voiceappoint.domain.payment.Refund;
import com.voiceappoint.domain.payment.RefundStatus;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.shared.TimeRange;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Each business's payments, their refunds, how it takes payments, and the payment provider's events already applied.
 * Every change of a payment's status is conditional on the status it changes from, so two deliveries of news about
 * one payment, or news racing a deadline, change it once.
 */
public interface PaymentRepository {

    /** How the business takes payments; {@link PaymentSettings#none} until it set anything. */
    PaymentSettings settings(BusinessId business);

    void saveSettings(PaymentSettings settings);

    /** The business whose Stripe account this is. */
    Optional<BusinessId> businessOfAccount(String account);

    void add(Payment payment);

    Optional<Payment> find(BusinessId business, PaymentId payment);

    /** The payment Stripe knows by this payment intent. */
    Optional<Payment> findByIntent(BusinessId business, String paymentIntent);

    /** The appointment's payments, the oldest first. */
    List<Payment> ofAppointment(BusinessId business, AppointmentId appointment);

    /** The business's payments, the newest first, from the {@code offset}-th on, at most {@code limit}. */
    List<Payment> list(BusinessId business, int offset, int limit);

    /** Keeps the Checkout Session opened for an open payment; false when it is no longer open. */
    boolean openedCheckout(BusinessId business, PaymentId payment, String session, URI url, Instant at);

    /**
     * Records a payment not yet paid as paid, by {@code paymentIntent}: open, lapsed, or withdrawn (the client paid on
     * the page while the business took the deposit by hand, or called the appointment off); the money came all the
     * same, and the caller decides whether it is kept. Empty when it was paid already, so news of one payment is acted
     * on once.
     */
    Optional<Payment> markPaid(BusinessId business, PaymentId payment, String paymentIntent, Instant at);

    /** An open payment whose deadline passed: false when it was paid (or closed) meanwhile. */
    boolean markExpired(BusinessId business, PaymentId payment, Instant at);

    /** Every open payment whose deadline passed by {@code now}, at most {@code limit}: how many. */
    int expireLapsed(Instant now, int limit);

    /** An open payment of an appointment called off before it was paid: false when it was paid meanwhile. */
    boolean markCancelled(BusinessId business, PaymentId payment, Instant at);

    /** What last went wrong with the payment (a failed attempt, a dispute), as the provider put it. */
    void recordIssue(BusinessId business, PaymentId payment, String issue, Instant at);

    /**
     * Reserves the refund's amount on its payment and records it as requested, in one statement's worth of
     * atomicity: false, and nothing recorded, when the payment has less than that left to give back (another refund
     * took it meanwhile).
     */
    boolean requestRefund(Refund refund);

    /**
     * Records Stripe's answer to a requested refund. A failed one gives its amount back to what can be refunded. False
     * when it was settled already.
     */
    boolean settleRefund(
            BusinessId business, UUID refund, RefundStatus status, Optional<String> stripeRefund, Instant at);

    List<Refund> refunds(BusinessId business, PaymentId payment);

    /** Refunds asked of Stripe whose answer never came, requested before {@code before}, the oldest first. */
    List<Refund> unsettledRefunds(Instant before, int limit);

    /**
     * Records that the provider's event was applied: false when it was already, and then its effect must not be
     * applied again. Call in the transaction of the effect, so that one is kept only with the other.
     */
    boolean recordEvent(String eventId, String type, Instant at);

    /** What clients paid, what was given back and what is still awaited, by currency, for payments made in {@code range}. */
    List<Totals> totals(BusinessId business, TimeRange range);

    record Totals(Money paid, Money refunded, Money pending) {}
}
