package com.voiceappoint.domain.payment;

import java.util.Locale;

/** How the money came: through the business's Stripe account, or into a member of staff's hand. */
public enum PaymentMethod {
    STRIPE,
    IN_PERSON;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
