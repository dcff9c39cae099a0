package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.account.UserId;
import java.time.Instant;

/**
 * Long-lived logins through refresh tokens: start one after a successful login, exchange a refresh token for a new
 * one (rotation), end one (logout). A refresh token used twice revokes its whole family.
 */
public interface SessionUseCase {

    RefreshToken start(UserId user);

    Refreshed refresh(String refreshToken);

    /** Ends the login the token belongs to. Unknown or already ended tokens end nothing, silently. */
    void end(String refreshToken);

    record RefreshToken(String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "RefreshToken[expiresAt=" + expiresAt + "]";
        }
    }

    record Refreshed(AuthenticateUseCase.AuthenticatedUser user, RefreshToken refreshToken) {}
}
