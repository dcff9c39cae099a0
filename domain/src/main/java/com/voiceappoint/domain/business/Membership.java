package com.voiceappoint.domain.business;

import com.voiceappoint.domain.account.UserId;
import java.util.Objects;

/** A user's place in one business. */
public record Membership(BusinessId businessId, UserId userId, Role role) {
    public Membership {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(role, "role");
    }

    public boolean allows(Permission permission) {
        return role.allows(permission);
    }
}
