package com.voiceappoint.domain.business;

import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A business asks the person with this e-mail to join it in a role. Nobody joins a business without saying yes:
 * the person, logged in with an account of this e-mail (an existing one, or one they sign up for), accepts or
 * declines it; until then it is only a question, and it lapses after {@link #LIFETIME}.
 */
public record Invitation(
        UUID id,
        BusinessId businessId,
        EmailAddress email,
        Role role,
        UserId invitedBy,
        Instant createdAt,
        Instant expiresAt) {
    /** Long enough to come back from a fortnight's holiday to it; sending it again restarts the clock. */
    public static final Duration LIFETIME = Duration.ofDays(14);

    public Invitation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(invitedBy, "invitedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static Invitation send(BusinessId businessId, EmailAddress email, Role role, UserId invitedBy, Instant now) {
        return new Invitation(UUID.randomUUID(), businessId, email, role, invitedBy, now, now.plus(LIFETIME));
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
