package com.voiceappoint.domain.business;

import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.UserId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** Someone asked to join a business before they have an account; signing up with this e-mail makes them a member. */
public record Invitation(
        UUID id, BusinessId businessId, EmailAddress email, Role role, UserId invitedBy, Instant createdAt) {
    public Invitation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(invitedBy, "invitedBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
