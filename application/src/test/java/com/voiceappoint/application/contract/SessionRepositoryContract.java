package com.voiceappoint.application.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.domain.account.Session;
import com.voiceappoint.domain.account.User;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every implementation of the session port must do. */
public abstract class SessionRepositoryContract {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    protected OutboundPorts ports;
    private User user;

    protected abstract OutboundPorts newPorts();

    @BeforeEach
    void setUpPorts() {
        ports = newPorts();
        user = TestData.user(ports);
    }

    private Session session(UUID family) {
        Session session = Session.issue(user.id(), family, "hash-" + UUID.randomUUID(), NOW, Duration.ofDays(30));
        ports.sessions().add(session);
        return session;
    }

    @Test
    void a_session_round_trips_by_token_hash() {
        Session session = session(UUID.randomUUID());

        assertThat(ports.sessions().findByTokenHash(session.tokenHash())).contains(session);
        assertThat(ports.sessions().findByTokenHash("unknown")).isEmpty();
    }

    @Test
    void a_session_is_rotated_once_only() {
        Session session = session(UUID.randomUUID());

        assertThat(ports.sessions().markRotated(session.id(), NOW.plusSeconds(1)))
                .isTrue();
        assertThat(ports.sessions().markRotated(session.id(), NOW.plusSeconds(2)))
                .isFalse();
        assertThat(ports.sessions().findByTokenHash(session.tokenHash()))
                .hasValueSatisfying(s -> assertThat(s.rotatedAt()).contains(NOW.plusSeconds(1)));
    }

    @Test
    void revoking_a_family_revokes_all_its_tokens_and_no_other() {
        UUID family = UUID.randomUUID();
        Session first = session(family);
        Session second = session(family);
        Session other = session(UUID.randomUUID());

        ports.sessions().revokeFamily(family, NOW.plusSeconds(5));

        assertThat(ports.sessions().findByTokenHash(first.tokenHash()))
                .hasValueSatisfying(s -> assertThat(s.isRevoked()).isTrue());
        assertThat(ports.sessions().findByTokenHash(second.tokenHash()))
                .hasValueSatisfying(s -> assertThat(s.isRevoked()).isTrue());
        assertThat(ports.sessions().findByTokenHash(other.tokenHash()))
                .hasValueSatisfying(s -> assertThat(s.isRevoked()).isFalse());
    }

    @Test
    void a_family_is_active_until_revoked_or_expired_and_only_for_its_user() {
        UUID family = UUID.randomUUID();
        Session rotated = session(family);
        ports.sessions().markRotated(rotated.id(), NOW.plusSeconds(1));
        session(family);
        UUID other = UUID.randomUUID();
        session(other);

        assertThat(ports.sessions().isFamilyActive(family, user.id(), NOW.plusSeconds(2)))
                .isTrue();
        assertThat(ports.sessions().isFamilyActive(family, TestData.user(ports).id(), NOW.plusSeconds(2)))
                .isFalse();
        assertThat(ports.sessions().isFamilyActive(UUID.randomUUID(), user.id(), NOW.plusSeconds(2)))
                .isFalse();
        assertThat(ports.sessions().isFamilyActive(family, user.id(), NOW.plus(Duration.ofDays(30))))
                .isFalse();

        ports.sessions().revokeFamily(family, NOW.plusSeconds(5));

        assertThat(ports.sessions().isFamilyActive(family, user.id(), NOW.plusSeconds(6)))
                .isFalse();
        assertThat(ports.sessions().isFamilyActive(other, user.id(), NOW.plusSeconds(6)))
                .isTrue();
    }

    @Test
    void revoking_a_user_revokes_every_family() {
        Session first = session(UUID.randomUUID());
        Session second = session(UUID.randomUUID());
        User someoneElse = TestData.user(ports);
        Session theirs = Session.issue(
                someoneElse.id(), UUID.randomUUID(), "hash-theirs-" + UUID.randomUUID(), NOW, Duration.ofDays(1));
        ports.sessions().add(theirs);

        ports.sessions().revokeAllOf(user.id(), NOW.plusSeconds(5));

        assertThat(ports.sessions().findByTokenHash(first.tokenHash()))
                .hasValueSatisfying(s -> assertThat(s.isRevoked()).isTrue());
        assertThat(ports.sessions().findByTokenHash(second.tokenHash()))
                .hasValueSatisfying(s -> assertThat(s.isRevoked()).isTrue());
        assertThat(ports.sessions().findByTokenHash(theirs.tokenHash()))
                .hasValueSatisfying(s -> assertThat(s.isRevoked()).isFalse());
    }
}
