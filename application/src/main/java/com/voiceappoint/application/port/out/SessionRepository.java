package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.account.Session;
import com.voiceappoint.domain.account.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Refresh-token sessions, found by the hash of their token. */
public interface SessionRepository {

    void add(Session session);

    Optional<Session> findByTokenHash(String tokenHash);

    /**
     * Marks the session as exchanged, only if nobody did so first and it is not revoked. False means another request
     * already rotated it (two refreshes racing with one token are a replay too) or a logout ended it meanwhile.
     */
    boolean markRotated(UUID sessionId, Instant at);

    void revokeFamily(UUID family, Instant at);

    /** Whether the user's login {@code family} still has a token neither revoked nor expired at {@code now}. */
    boolean isFamilyActive(UUID family, UserId user, Instant now);

    void revokeAllOf(UserId user, Instant at);
}
