package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.payment.Payment;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * A deposit a client must pay to keep their time: how much, by when ({@code payment.payBy()}), and where.
 *
 * @param checkout the Stripe page to pay on; none when Stripe could not be reached just then (the manage page opens
 *     one later, and the time is kept all the same)
 */
public record PaymentDue(Payment payment, Optional<URI> checkout) {
    public PaymentDue {
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(checkout, "checkout");
    }
}
