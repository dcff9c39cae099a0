package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.billing.Plans;
import java.util.Objects;
import java.util.Optional;

/**
 * What billing the businesses needs: the store, the plans the platform offers, Stripe (on the platform's own account,
 * where each business is a customer), and where Stripe sends an owner back to.
 *
 * @param publicUrl the server's public address: the billing page and the businesses' public pages live under it
 */
public record BillingPorts(BillingRepository store, PaymentGateway gateway, Plans plans, Optional<String> publicUrl) {
    public BillingPorts {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(gateway, "gateway");
        Objects.requireNonNull(plans, "plans");
        Objects.requireNonNull(publicUrl, "publicUrl");
    }

    /** Whether a business can subscribe here: Stripe is configured, a plan has its Price, and owners can come back. */
    public boolean subscriptions() {
        return gateway.configured() && plans.subscribable() && publicUrl.isPresent();
    }
}
