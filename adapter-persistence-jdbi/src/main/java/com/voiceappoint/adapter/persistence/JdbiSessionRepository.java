package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.port.out.SessionRepository;
import com.voiceappoint.domain.account.Session;
import com.voiceappoint.domain.account.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Logins and their refresh tokens. Whether a login is on is asked by every member request: that answer is kept in
 * memory ({@link ConfigurationCache}) until the login ends, here or on any instance.
 */
public final class JdbiSessionRepository implements SessionRepository {
    private final Jdbi jdbi;
    private final ConfigurationCache memory;

    JdbiSessionRepository(Jdbi jdbi, ConfigurationCache memory) {
        this.jdbi = jdbi;
        this.memory = memory;
    }

    @Override
    public void add(Session session) {
        jdbi.useHandle(h -> h.createUpdate("insert into sessions (id, user_id, family, token_hash, issued_at, "
                        + "expires_at) values (:id, :user, :family, :hash, :issued, :expires)")
                .bind("id", session.id())
                .bind("user", session.userId().value())
                .bind("family", session.family())
                .bind("hash", session.tokenHash())
                .bind("issued", Rows.timestamp(session.issuedAt()))
                .bind("expires", Rows.timestamp(session.expiresAt()))
                .execute());
    }

    @Override
    public Optional<Session> findByTokenHash(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("select id, user_id, family, token_hash, issued_at, expires_at, "
                        + "rotated_at, revoked_at from sessions where token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new Session(
                        Rows.uuid(rs, "id"),
                        new UserId(Rows.uuid(rs, "user_id")),
                        Rows.uuid(rs, "family"),
                        rs.getString("token_hash"),
                        Rows.instant(rs, "issued_at"),
                        Rows.instant(rs, "expires_at"),
                        Rows.optionalInstant(rs, "rotated_at"),
                        Rows.optionalInstant(rs, "revoked_at")))
                .findOne());
    }

    @Override
    public boolean markRotated(UUID sessionId, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate(
                                "update sessions set rotated_at = :at where id = :id and rotated_at is null and revoked_at is null")
                        .bind("id", sessionId)
                        .bind("at", Rows.timestamp(at))
                        .execute())
                == 1;
    }

    @Override
    public void revokeFamily(UUID family, Instant at) {
        jdbi.useHandle(h -> h.createUpdate(
                        "update sessions set revoked_at = :at where family = :family and revoked_at is null")
                .bind("family", family)
                .bind("at", Rows.timestamp(at))
                .execute());
        memory.loginEnded(family);
    }

    @Override
    public boolean isFamilyActive(UUID family, UserId user, Instant now) {
        return memory.loginOn(
                family,
                user.value(),
                now,
                () -> jdbi.withHandle(h -> h.createQuery(
                                "select max(expires_at) as until from sessions where family = :family and user_id = :user "
                                        + "and revoked_at is null")
                        .bind("family", family)
                        .bind("user", user.value())
                        .map((rs, ctx) -> Rows.optionalInstant(rs, "until"))
                        .one()));
    }

    @Override
    public void revokeAllOf(UserId user, Instant at) {
        jdbi.useHandle(
                h -> h.createUpdate("update sessions set revoked_at = :at where user_id = :user and revoked_at is null")
                        .bind("user", user.value())
                        .bind("at", Rows.timestamp(at))
                        .execute());
        memory.loginsEndedOf(user.value());
    }
}
