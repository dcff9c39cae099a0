package com.voiceappoint.application.usecase;

import com.voiceappoint.domain.availability.RefusalReason;

/**
 * The conflict policy's "no", escaping a transaction (rolling back what it wrote, a new client say) to be answered
 * outside it, where the alternatives are read.
 */
final class PolicyRefusal extends RuntimeException {
    private final RefusalReason reason;

    PolicyRefusal(RefusalReason reason) {
        super(reason.name(), null, false, false);
        this.reason = reason;
    }

    RefusalReason reason() {
        return reason;
    }
}
