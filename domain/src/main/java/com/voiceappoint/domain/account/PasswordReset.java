package com.voiceappoint.domain.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A user's request to set a new password without the old one, proven by a link sent to their e-mail. Only a hash of
 * the link's token is kept; the link works once, for {@link #LIFETIME}, and a newer request replaces it.
 */
public record PasswordReset(
        UUID id, UserId userId, String tokenHash, Instant requestedAt, Instant expiresAt, Optional<Instant> usedAt) {
    /** Long enough to find the e-mail, short enough that an old inbox left open is no way in. */
    public static final Duration LIFETIME = Duration.ofHours(1);

    public PasswordReset {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(usedAt, "usedAt");
    }

    public static PasswordReset request(UserId user, String tokenHash, Instant now) {
        return new PasswordReset(UUID.randomUUID(), user, tokenHash, now, now.plus(LIFETIME), Optional.empty());
    }

    /** Whether the link still sets a password at {@code now}: not used, not expired. */
    public boolean isOpen(Instant now) {
        return usedAt.isEmpty() && now.isBefore(expiresAt);
    }
}
