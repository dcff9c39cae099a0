package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.port.out.SessionRepository;
import com.voiceappoint.domain.account.Session;
import com.voiceappoint.domain.account.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

final class InMemorySessionRepository implements SessionRepository {
    private final Table<UUID, Session> sessions;

    InMemorySessionRepository(InMemoryTransactionRunner transactions) {
        sessions = new Table<>(transactions);
    }

    @Override
    public void add(Session session) {
        sessions.put(session.id(), session);
    }

    @Override
    public Optional<Session> findByTokenHash(String tokenHash) {
        return sessions.stream().filter(s -> s.tokenHash().equals(tokenHash)).findFirst();
    }

    @Override
    public boolean markRotated(UUID sessionId, Instant at) {
        Session s = sessions.find(sessionId).orElse(null);
        if (s == null || s.wasRotated() || s.isRevoked()) {
            return false;
        }
        sessions.put(sessionId, with(s, Optional.of(at), s.revokedAt()));
        return true;
    }

    @Override
    public void revokeFamily(UUID family, Instant at) {
        sessions.replaceAll(
                (id, s) -> s.family().equals(family) && !s.isRevoked() ? with(s, s.rotatedAt(), Optional.of(at)) : s);
    }

    @Override
    public boolean isFamilyActive(UUID family, UserId user, Instant now) {
        return sessions.stream()
                .anyMatch(s ->
                        s.family().equals(family) && s.userId().equals(user) && !s.isRevoked() && !s.isExpired(now));
    }

    @Override
    public void revokeAllOf(UserId user, Instant at) {
        sessions.replaceAll(
                (id, s) -> s.userId().equals(user) && !s.isRevoked() ? with(s, s.rotatedAt(), Optional.of(at)) : s);
    }

    private static Session with(Session s, Optional<Instant> rotatedAt, Optional<Instant> revokedAt) {
        return new Session(
                s.id(), s.userId(), s.family(), s.tokenHash(), s.issuedAt(), s.expiresAt(), rotatedAt, revokedAt);
    }
}
