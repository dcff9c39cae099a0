package com.voiceappoint.application.port.out;

import java.util.Objects;
import java.util.Optional;

/**
 * What taking clients' payments needs: the store, the provider, and where the provider sends a client back to.
 *
 * @param publicUrl the server's public address (the manage pages live under it); none on a server that does not
 *     take payments
 * @param applicationFeePercent the platform's share of each payment, taken by Stripe for it (0 for none)
 */
public record PaymentPorts(
        PaymentRepository store, PaymentGateway gateway, Optional<String> publicUrl, int applicationFeePercent) {
    public PaymentPorts {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(publicUrl, "publicUrl");
        if (applicationFeePercent < 0 || applicationFeePercent > 50) {
            throw new IllegalArgumentException("the platform's share is between 0 and 50 percent");
        }
    }

    /** Whether deposits can be asked at all: a provider is configured and clients can be sent back. */
    public boolean configured() {
        return gateway.configured() && publicUrl.isPresent();
    }
}
