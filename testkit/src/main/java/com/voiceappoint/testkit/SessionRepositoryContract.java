package com.voiceappoint.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.out.SessionRepository;
import com.voiceappoint.domain.account.Session;
import com.voiceappoint.domain.account.User;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every implementation of the session port must do. */
public abstract class SessionRepositoryContract<S extends SessionRepository> {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    protected S sessions;
    protected TestData data;
    private User user;

    /**
     * The stores under test, made anew before each test, and the {@link TestData} that writes what they refer to
     * into the same database.
     */
    protected abstract S createSessionRepository();

    protected abstract TestData testData();

    @BeforeEach
    void setUpPorts() {
        sessions = createSessionRepository();
        data = testData();
        user = data.user();
    }

    private Session session(UUID family) {
        Session session = Session.issue(user.id(), family, "hash-" + UUID.randomUUID(), NOW, Duration.ofDays(30));
        sessions.add(session);
        return session;
    }

    @Test
    void a_session_round_trips_by_token_hash() {
        Session session = session(UUID.randomUUID());

        assertThat(sessions.findByTokenHash(session.tokenHash())).contains(session);
        assertThat(sessions.findByTokenHash("unknown")).isEmpty();
    }

    @Test
    void a_session_is_rotated_once_only() {
        Session session = session(UUID.randomUUID());

        assertThat(sessions.markRotated(session.id(), NOW.plusSeconds(1))).isTrue();
        assertThat(sessions.markRotated(session.id(), NOW.plusSeconds(2))).isFalse();
        assertThat(sessions.findByTokenHash(session.tokenHash()))
                .hasValueSatisfying(s -> assertThat(s.rotatedAt()).contains(NOW.plusSeconds(1)));
    }

    @Test
    void revoking_a_family_revokes_all_its_tokens_and_no_other() {
        UUID family = UUID.randomUUID();
        Session first = session(family);
        Session second = session(family);
        Session other = session(UUID.randomUUID());

        sessions.revokeFamily(family, NOW.plusSeconds(5));

        assertThat(sessions.findByTokenHash(first.tokenHash()))
                .hasValueSatisfying(s -> assertThat(s.isRevoked()).isTrue());
        assertThat(sessions.findByTokenHash(second.tokenHash()))
                .hasValueSatisfying(s -> assertThat(s.isRevoked()).isTrue());
        assertThat(sessions.findByTokenHash(other.tokenHash()))
                .hasValueSatisfying(s -> assertThat(s.isRevoked()).isFalse());
    }

    @Test
    void a_family_is_active_until_revoked_or_expired_and_only_for_its_user() {
        UUID family = UUID.randomUUID();
        Session rotated = session(family);
        sessions.markRotated(rotated.id(), NOW.plusSeconds(1));
        session(family);
        UUID other = UUID.randomUUID();
        session(other);

        assertThat(sessions.isFamilyActive(family, user.id(), NOW.plusSeconds(2)))
                .isTrue();
        assertThat(sessions.isFamilyActive(family, data.user().id(), NOW.plusSeconds(2)))
                .isFalse();
        assertThat(sessions.isFamilyActive(UUID.randomUUID(), user.id(), NOW.plusSeconds(2)))
                .isFalse();
        assertThat(sessions.isFamilyActive(family, user.id(), NOW.plus(Duration.ofDays(30))))
                .isFalse();

        sessions.revokeFamily(family, NOW.plusSeconds(5));

        assertThat(sessions.isFamilyActive(family, user.id(), NOW.plusSeconds(6)))
                .isFalse();
        assertThat(sessions.isFamilyActive(other, user.id(), NOW.plusSeconds(6)))
                .isTrue();
    }

    @Test
    void revoking_a_user_revokes_every_family() {
        Session first = session(UUID.randomUUID());
        Session second = session(UUID.randomUUID());
        User someoneElse = data.user();
        Session theirs = Session.issue(
                someoneElse.id(), UUID.randomUUID(), "hash-theirs-" + UUID.randomUUID(), NOW, Duration.ofDays(1));
        sessions.add(theirs);

        sessions.revokeAllOf(user.id(), NOW.plusSeconds(5));

        assertThat(sessions.findByTokenHash(first.tokenHash()))
                .hasValueSatisfying(s -> assertThat(s.isRevoked()).isTrue());
        assertThat(sessions.findByTokenHash(second.tokenHash()))
                .hasValueSatisfying(s -> assertThat(s.isRevoked()).isTrue());
        assertThat(sessions.findByTokenHash(theirs.tokenHash()))
                .hasValueSatisfying(s -> assertThat(s.isRevoked()).isFalse());
    }
}
