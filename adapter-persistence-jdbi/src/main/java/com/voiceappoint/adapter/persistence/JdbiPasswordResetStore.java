package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.port.out.PasswordResetStore;
import com.voiceappoint.domain.account.PasswordReset;
import com.voiceappoint.domain.account.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** Password reset requests, one per user at most: a newer request overwrites the row, and with it the old token. */
public final class JdbiPasswordResetStore implements PasswordResetStore {
    private final Jdbi jdbi;

    JdbiPasswordResetStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void replace(PasswordReset reset) {
        jdbi.useHandle(h -> h.createUpdate("insert into password_resets (id, user_id, token_hash, requested_at, "
                        + "expires_at) values (:id, :user, :hash, :requested, :expires) on conflict (user_id) do update "
                        + "set id = excluded.id, token_hash = excluded.token_hash, requested_at = excluded.requested_at, "
                        + "expires_at = excluded.expires_at, used_at = null")
                .bind("id", reset.id())
                .bind("user", reset.userId().value())
                .bind("hash", reset.tokenHash())
                .bind("requested", Rows.timestamp(reset.requestedAt()))
                .bind("expires", Rows.timestamp(reset.expiresAt()))
                .execute());
    }

    @Override
    public Optional<PasswordReset> findByTokenHash(String tokenHash) {
        return jdbi.withHandle(h -> h.createQuery("select id, user_id, token_hash, requested_at, expires_at, used_at "
                        + "from password_resets where token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new PasswordReset(
                        Rows.uuid(rs, "id"),
                        new UserId(Rows.uuid(rs, "user_id")),
                        rs.getString("token_hash"),
                        Rows.instant(rs, "requested_at"),
                        Rows.instant(rs, "expires_at"),
                        Rows.optionalInstant(rs, "used_at")))
                .findOne());
    }

    @Override
    public boolean markUsed(UUID resetId, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("update password_resets set used_at = :at "
                                + "where id = :id and used_at is null and expires_at > :at")
                        .bind("id", resetId)
                        .bind("at", Rows.timestamp(at))
                        .execute())
                == 1;
    }
}
