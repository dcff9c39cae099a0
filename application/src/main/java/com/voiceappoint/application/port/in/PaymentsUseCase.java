package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentId;
import com.voiceappoint.domain.payment.PaymentSettings;
import com.voiceappoint.domain.payment.Refund;
import com.voiceappoint.domain.payment.SavedCard;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What a business does with its clients' payments: connect its own Stripe account, say how long a time is kept for a
 * deposit and how much of it a timely cancellation gives back, see its payments and refunds, and give money back by
 * hand. Connecting and changing how payments work is the owner's (settings rights); seeing payments is for whoever
 * sees appointments; refunding is for managers and above.
 */
public interface PaymentsUseCase {
    int PAGE_SIZE = 50;

    /** How the business takes payments, and whether this server can take any (Stripe configured). */
    Setup setup(Actor actor, BusinessId business);

    /** Changes the payment window and the share a timely cancellation gives back. */
    Setup change(Actor actor, BusinessId business, Optional<Duration> paymentWindow, Optional<Integer> refundPercent);

    /**
     * Where the owner goes to connect (or finish connecting) the business's Stripe account: its account is opened on
     * the first call, and every call gives a fresh link.
     *
     * @param returnUrl where Stripe sends them when done, and {@code refreshUrl} when the link lapsed
     * @throws com.voiceappoint.domain.shared.DomainException {@code PAYMENTS_NOT_CONNECTED} on a server without Stripe
     */
    URI connect(Actor actor, BusinessId business, URI refreshUrl, URI returnUrl);

    /** Asks Stripe again whether the business's account can take payments: what its owner sees coming back. */
    Setup refreshAccount(Actor actor, BusinessId business);

    /** The business's payments with their refunds, the newest first; one appointment's when given. */
    List<PaymentRecord> payments(Actor actor, BusinessId business, Optional<AppointmentId> appointment, int page);

    /**
     * Gives {@code amount} (all that is left, when empty) of a payment back through Stripe.
     *
     * @throws com.voiceappoint.domain.shared.DomainException {@code NOT_REFUNDABLE} for more than is left, a payment
     *     not paid, or money taken in person
     */
    PaymentRecord refund(Actor actor, BusinessId business, PaymentId payment, Optional<BigDecimal> amount);

    /**
     * Records the appointment's deposit as taken by hand: an appointment waiting for it is confirmed, and the Stripe
     * payment it waited for is no longer owed.
     *
     * @throws com.voiceappoint.domain.shared.DomainException {@code INVALID_VALUE} when the service asks no deposit
     */
    PaymentRecord takeInPerson(Actor actor, BusinessId business, AppointmentId appointment);

    /** @param configured whether this server takes payments at all */
    record Setup(PaymentSettings settings, boolean configured) {}

    record PaymentRecord(Payment payment, List<Refund> refunds) {}

    /**
     * Changes the payment window, the share a timely cancellation gives back and the no-show fee: a fee of zero
     * removes it. What is empty keeps its value.
     *
     * @throws com.voiceappoint.domain.shared.InvalidValueException {@code noShowFee} for an amount that is not money
     *     of the business's currency
     */
    Setup change(
            Actor actor,
            BusinessId business,
            Optional<Duration> paymentWindow,
            Optional<Integer> refundPercent,
            Optional<BigDecimal> noShowFee);

    /** The card the appointment's client left for its no-show fee, when one was asked. */
    Optional<SavedCard> card(Actor actor, BusinessId business, AppointmentId appointment);
}
