package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.OutcomeUnknownException;
import com.voiceappoint.application.error.StoreUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Finding out what a commit lost on the way kept: the database is asked again, on a fresh connection, once it
 * answers. Each question waits for a connection up to the pool's timeout (4 s), which is what gives a restarting
 * database time to come back; a question, or a second attempt at the work, is begun only within {@link #BUDGET} of
 * the first lost commit. With the wait for the first connection and one question in flight, whoever is waiting hears
 * an answer within about 13 s: well inside Vapi's 20-second tool timeout, for a voice caller.
 */
final class LostCommit {
    static final Duration BUDGET = Duration.ofSeconds(5);
    /** At most this many questions while the database is away. */
    private static final int QUESTIONS = 2;

    private final Clock clock;
    private final Instant deadline;

    /** From the first lost commit of the work at hand: a second one spends what is left of the same budget. */
    LostCommit(Clock clock) {
        this.clock = clock;
        this.deadline = clock.instant().plus(BUDGET);
    }

    /** Whether something more may be begun: a question, or the work again. */
    boolean timeLeft() {
        return clock.instant().isBefore(deadline);
    }

    /**
     * What the database says now about what {@code lost} may have kept.
     *
     * @throws OutcomeUnknownException {@code lost}, when the database cannot say in time: never a failure
     */
    <T> T ask(OutcomeUnknownException lost, Supplier<T> question) {
        for (int asked = 0; asked < QUESTIONS && timeLeft(); asked++) {
            try {
                return question.get();
            } catch (StoreUnavailableException stillAway) {
                lost.addSuppressed(stillAway);
            }
        }
        throw lost;
    }
}
