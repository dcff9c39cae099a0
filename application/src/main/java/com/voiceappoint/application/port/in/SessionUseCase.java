package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.account.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Long-lived logins through refresh tokens: start one after a successful login, exchange a refresh token for a new
 * one (rotation), end one (logout). A refresh token used twice revokes its whole family. Access tokens name their
 * login, and die with it.
 */
public interface SessionUseCase {

    RefreshToken start(UserId user);

    Refreshed refresh(String refreshToken);

    /**
     * The login a browser's session cookie names, without exchanging its token: the web app keeps one token for the
     * whole login instead of rotating it. Empty for a token unknown, ended, expired, or already exchanged by a refresh.
     */
    Optional<Resumed> resume(String refreshToken);

    /** Ends the login the token belongs to. Unknown or already ended tokens end nothing, silently. */
    void end(String refreshToken);

    /**
     * Whether this login of the user is still on: not logged out, not ended by a replayed refresh token or a password
     * change, not expired.
     */
    boolean isActive(UserId user, UUID login);

    /** {@code login} names the login (every token a refresh gives keeps it), for access tokens to carry. */
    record RefreshToken(String token, UUID login, Instant expiresAt) {
        @Override
        public String toString() {
            return "RefreshToken[login=" + login + ", expiresAt=" + expiresAt + "]";
        }
    }

    /** A login still on: who, and which login (to end it, or to check it again). */
    record Resumed(AuthenticateUseCase.AuthenticatedUser user, UUID login) {}

    record Refreshed(AuthenticateUseCase.AuthenticatedUser user, RefreshToken refreshToken) {}
}
