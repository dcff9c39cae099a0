package com.voiceappoint.domain.business;

import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.shared.InvalidValueException;
import java.time.Instant;
import java.util.Objects;

/**
 * A platform operator suspending a business or reactivating it: why, who and when, kept for good so that the next
 * operator (and the business, when it asks) learns what happened.
 *
 * @param suspended true for a suspension, false for a reactivation
 */
public record StatusChange(BusinessId businessId, boolean suspended, String reason, UserId by, Instant at) {
    public static final int MAX_REASON_LENGTH = 500;

    public StatusChange {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        InvalidValueException.check(reason != null && !reason.isBlank(), "reason", "a reason is required");
        reason = reason.strip();
        InvalidValueException.check(
                reason.length() <= MAX_REASON_LENGTH, "reason", "a reason is at most 500 characters");
    }
}
