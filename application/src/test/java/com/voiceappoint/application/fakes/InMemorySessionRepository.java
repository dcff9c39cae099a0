package com.voiceappoint.application.fakes;

import com.voiceappoint.application.port.out.SessionRepository;
import com.voiceappoint.domain.account.Session;
import com.voiceappoint.domain.account.UserId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemorySessionRepository implements SessionRepository {
    private final Map<UUID, Session> sessions = new ConcurrentHashMap<>();

    @Override
    public void add(Session session) {
        sessions.put(session.id(), session);
    }

    @Override
    public Optional<Session> findByTokenHash(String tokenHash) {
        return sessions.values().stream()
                .filter(s -> s.tokenHash().equals(tokenHash))
                .findFirst();
    }

    @Override
    public synchronized boolean markRotated(UUID sessionId, Instant at) {
        Session s = sessions.get(sessionId);
        if (s == null || s.wasRotated() || s.isRevoked()) {
            return false;
        }
        sessions.put(sessionId, with(s, Optional.of(at), s.revokedAt()));
        return true;
    }

    @Override
    public synchronized void revokeFamily(UUID family, Instant at) {
        sessions.replaceAll(
                (id, s) -> s.family().equals(family) && !s.isRevoked() ? with(s, s.rotatedAt(), Optional.of(at)) : s);
    }

    @Override
    public boolean isFamilyActive(UUID family, UserId user, Instant now) {
        return sessions.values().stream()
                .anyMatch(s ->
                        s.family().equals(family) && s.userId().equals(user) && !s.isRevoked() && !s.isExpired(now));
    }

    @Override
    public synchronized void revokeAllOf(UserId user, Instant at) {
        sessions.replaceAll(
                (id, s) -> s.userId().equals(user) && !s.isRevoked() ? with(s, s.rotatedAt(), Optional.of(at)) : s);
    }

    private static Session with(Session s, Optional<Instant> rotatedAt, Optional<Instant> revokedAt) {
        return new Session(
                s.id(), s.userId(), s.family(), s.tokenHash(), s.issuedAt(), s.expiresAt(), rotatedAt, revokedAt);
    }
}
