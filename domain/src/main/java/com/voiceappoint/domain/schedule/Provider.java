package com.voiceappoint.domain.schedule;

import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.shared.InvalidValueException;
import java.util.Objects;
import java.util.Optional;

/**
 * A person who performs services: the stylist, the physiotherapist. Usually a member who logs in, but a
 * business may list a provider who never does. Without working hours of their own a provider works whenever
 * the business is open.
 */
public record Provider(
        ProviderId id,
        BusinessId businessId,
        Optional<UserId> userId,
        String displayName,
        Optional<WeeklyHours> workingHours,
        boolean active) {
    public Provider {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(workingHours, "workingHours");
        InvalidValueException.check(displayName != null && !displayName.isBlank(), "displayName", "a name is required");
        displayName = displayName.strip();
        InvalidValueException.check(displayName.length() <= 150, "displayName", "a name is at most 150 characters");
    }
}
