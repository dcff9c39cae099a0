package com.voiceappoint.domain.account;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One refresh token of a login. Each refresh replaces the token with a new one of the same {@code family}; a token
 * presented after it was replaced means it leaked, and the whole family is revoked. Only a hash of the token is
 * kept.
 */
public record Session(
        UUID id,
        UserId userId,
        UUID family,
        String tokenHash,
        Instant issuedAt,
        Instant expiresAt,
        Optional<Instant> rotatedAt,
        Optional<Instant> revokedAt) {
    public Session {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(rotatedAt, "rotatedAt");
        Objects.requireNonNull(revokedAt, "revokedAt");
    }

    public static Session issue(UserId user, UUID family, String tokenHash, Instant now, Duration lifetime) {
        return new Session(
                UUID.randomUUID(),
                user,
                family,
                tokenHash,
                now,
                now.plus(lifetime),
                Optional.empty(),
                Optional.empty());
    }

    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Already exchanged for a newer token: presenting it again is a replay. */
    public boolean wasRotated() {
        return rotatedAt.isPresent();
    }

    public boolean isRevoked() {
        return revokedAt.isPresent();
    }
}
