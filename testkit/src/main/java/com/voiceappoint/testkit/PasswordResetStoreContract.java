package com.voiceappoint.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.out.PasswordResetStore;
import com.voiceappoint.domain.account.PasswordReset;
import com.voiceappoint.domain.account.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every implementation of the password reset port must do. */
public abstract class PasswordResetStoreContract<S extends PasswordResetStore> {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");

    protected S resets;
    protected TestData data;
    private User user;

    /**
     * The store under test, made anew before each test, and the {@link TestData} that writes the users it refers to
     * into the same database.
     */
    protected abstract S createPasswordResetStore();

    protected abstract TestData testData();

    @BeforeEach
    void setUpPorts() {
        resets = createPasswordResetStore();
        data = testData();
        user = data.user();
    }

    private PasswordReset requested(User who, Instant at) {
        PasswordReset reset = PasswordReset.request(who.id(), "hash-" + UUID.randomUUID(), at);
        resets.replace(reset);
        return reset;
    }

    @Test
    void a_request_round_trips_by_token_hash() {
        PasswordReset reset = requested(user, NOW);

        assertThat(resets.findByTokenHash(reset.tokenHash())).contains(reset);
        assertThat(resets.findByTokenHash("unknown")).isEmpty();
    }

    @Test
    void a_request_is_used_once_only() {
        PasswordReset reset = requested(user, NOW);

        assertThat(resets.markUsed(reset.id(), NOW.plusSeconds(60))).isTrue();
        assertThat(resets.markUsed(reset.id(), NOW.plusSeconds(61))).isFalse();
        assertThat(resets.findByTokenHash(reset.tokenHash())).hasValueSatisfying(found -> {
            assertThat(found.usedAt()).contains(NOW.plusSeconds(60));
            assertThat(found.isOpen(NOW.plusSeconds(62))).isFalse();
        });
    }

    @Test
    void a_link_opened_twice_at_the_same_moment_sets_one_password() throws Exception {
        PasswordReset reset = requested(user, NOW);
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> uses = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                Instant at = NOW.plusSeconds(60 + i);
                uses.add(pool.submit(() -> {
                    go.await();
                    return resets.markUsed(reset.id(), at);
                }));
            }
            go.countDown();
            int won = 0;
            for (Future<Boolean> use : uses) {
                won += use.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).as("requests that used the link").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void an_expired_request_cannot_be_used() {
        PasswordReset reset = requested(user, NOW);

        assertThat(resets.markUsed(reset.id(), reset.expiresAt())).isFalse();
        assertThat(resets.findByTokenHash(reset.tokenHash()))
                .hasValueSatisfying(found -> assertThat(found.usedAt()).isEmpty());
    }

    @Test
    void a_newer_request_replaces_the_users_earlier_ones_and_no_one_elses() {
        PasswordReset first = requested(user, NOW);
        User someoneElse = data.user();
        PasswordReset theirs = requested(someoneElse, NOW);

        PasswordReset second = requested(user, NOW.plusSeconds(30));

        assertThat(resets.findByTokenHash(first.tokenHash())).isEmpty();
        assertThat(resets.markUsed(first.id(), NOW.plusSeconds(31))).isFalse();
        assertThat(resets.findByTokenHash(second.tokenHash())).contains(second);
        assertThat(resets.findByTokenHash(theirs.tokenHash())).contains(theirs);
        assertThat(resets.markUsed(second.id(), NOW.plusSeconds(32))).isTrue();
    }

    @Test
    void a_used_request_is_replaced_by_a_newer_one() {
        PasswordReset used = requested(user, NOW);
        resets.markUsed(used.id(), NOW.plusSeconds(1));

        PasswordReset again = requested(user, NOW.plusSeconds(60));

        assertThat(resets.findByTokenHash(again.tokenHash()))
                .hasValueSatisfying(
                        found -> assertThat(found.isOpen(NOW.plusSeconds(61))).isTrue());
        assertThat(resets.findByTokenHash(used.tokenHash())).isEmpty();
    }
}
