package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.CredentialsRefusedException;
import com.voiceappoint.application.port.in.AuthenticateUseCase;
import com.voiceappoint.application.port.in.SessionUseCase;
import com.voiceappoint.application.port.out.SessionRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.domain.account.Session;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.account.UserId;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Refresh tokens are 256 random bits from the JDK's SecureRandom; only their SHA-256 is stored, so a copy of the
 * database logs nobody in. Rotation and reuse detection need no transaction around them: marking a token rotated is
 * a single conditional write, and a revocation must stick even when the request that triggers it fails. Each write
 * still runs in a transaction of its own, so that a database lost before it commits has really changed nothing.
 */
public final class SessionInteractor implements SessionUseCase {
    static final Duration LIFETIME = Duration.ofDays(30);
    private static final int TOKEN_BYTES = 32;

    private final TransactionRunner transactions;
    private final SessionRepository sessions;
    private final UserRepository users;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    SessionInteractor(TransactionRunner transactions, SessionRepository sessions, UserRepository users, Clock clock) {
        this.transactions = transactions;
        this.sessions = sessions;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public RefreshToken start(UserId user) {
        return issue(user, UUID.randomUUID(), clock.instant());
    }

    @Override
    public Refreshed refresh(String refreshToken) {
        Instant now = clock.instant();
        Session session = find(refreshToken).orElseThrow(SessionInteractor::invalid);
        if (session.isRevoked() || session.isExpired(now)) {
            throw invalid();
        }
        if (session.wasRotated() || !transactions.inTransaction(() -> sessions.markRotated(session.id(), now))) {
            // the token was exchanged before: whoever holds it now may not be its owner
            revoke(session.family(), now);
            throw invalid();
        }
        User user = users.findById(session.userId()).orElseThrow(SessionInteractor::invalid);
        RefreshToken next = issue(user.id(), session.family(), now);
        if (sessions.findByTokenHash(session.tokenHash())
                .map(Session::isRevoked)
                .orElse(true)) {
            // a logout revoked the family between our rotation and our new token: the new token goes with it
            revoke(session.family(), now);
            throw invalid();
        }
        return new Refreshed(
                new AuthenticateUseCase.AuthenticatedUser(user.id(), user.email(), user.fullName(), user.language()),
                next);
    }

    @Override
    public Optional<Resumed> resume(String refreshToken) {
        Instant now = clock.instant();
        return find(refreshToken)
                .filter(session -> !session.isRevoked() && !session.isExpired(now) && !session.wasRotated())
                .flatMap(session -> users.findById(session.userId())
                        .map(user -> new Resumed(
                                new AuthenticateUseCase.AuthenticatedUser(
                                        user.id(), user.email(), user.fullName(), user.language()),
                                session.family())));
    }

    @Override
    public void end(String refreshToken) {
        find(refreshToken).ifPresent(session -> revoke(session.family(), clock.instant()));
    }

    @Override
    public boolean isActive(UserId user, UUID login) {
        return sessions.isFamilyActive(login, user, clock.instant());
    }

    private RefreshToken issue(UserId user, UUID family, Instant now) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Session session = Session.issue(user, family, Hashes.sha256(token), now, LIFETIME);
        transactions.inTransaction(() -> {
            sessions.add(session);
            return null;
        });
        return new RefreshToken(token, family, session.expiresAt());
    }

    private void revoke(UUID family, Instant at) {
        transactions.inTransaction(() -> {
            sessions.revokeFamily(family, at);
            return null;
        });
    }

    private Optional<Session> find(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 100) {
            return Optional.empty();
        }
        return sessions.findByTokenHash(Hashes.sha256(refreshToken));
    }

    private static CredentialsRefusedException invalid() {
        return new CredentialsRefusedException(
                CredentialsRefusedException.Credential.REFRESH_TOKEN, "the refresh token is not valid");
    }
}
