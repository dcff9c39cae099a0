package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.error.OutcomeUnknownException;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.port.out.TransactionRunner;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * One database transaction around a unit of work. Repositories called inside run on the transaction's handle,
 * which JDBI binds to the current thread, so the work commits or rolls back as a whole.
 *
 * <p>PostgreSQL may abort a transaction that did nothing wrong: two transactions that lock the same rows in opposite
 * orders each wait for the other, and the deadlock detector cancels one (serialization failures are alike).
 * Bookings no longer meet that way on the exclusion constraint, since writes to a provider's diary take its advisory
 * lock first; any other pair of writers still can. The cancelled transaction is run again from the start: the work
 * is a function of what it reads, so running it again is safe. Not at once, though: the survivor has been woken but
 * may not have taken the rows yet, and a retry in the same lock order would take them first and deadlock again. So
 * the retry waits a short, random while after the rollback, holding no connection and no lock (JDBI has closed the
 * handle and the pool has the connection back), for the survivor to finish. If the last attempt is cancelled too,
 * the database is too busy for this work just now: nothing was kept, and that is {@link StoreUnavailableException}
 * (503 with Retry-After), not a driver's exception. Only the outermost transaction retries: an inner one joins it.
 *
 * <p>A connection lost while committing is different: the work may have been kept or not, and running it again could
 * do it twice. That is reported as {@link OutcomeUnknownException}, for whoever can find out to find out.
 */
public final class JdbiTransactionRunner implements TransactionRunner {
    static final int ATTEMPTS = 3;
    /**
     * The wait before the first retry is drawn from [1, 3) times this, doubling for each retry after: long enough for
     * the survivor of a deadlock to take its rows and commit (a few milliseconds), short against any caller's wait.
     */
    static final Duration FIRST_PAUSE = Duration.ofMillis(20);

    /** What the runner does between a cancelled attempt and the next: sleep, outside any transaction. */
    @FunctionalInterface
    interface Pause {
        /** @param retry 1 before the second attempt, 2 before the third */
        void before(int retry);

        Pause RANDOMISED = retry -> {
            long base = FIRST_PAUSE.toMillis() << (retry - 1);
            try {
                Thread.sleep(ThreadLocalRandom.current().nextLong(base, 3 * base));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    private static final String STORE = "database";

    private final Jdbi jdbi;
    private final ConfigurationCache configuration;
    private final Pause pause;

    JdbiTransactionRunner(Jdbi jdbi, ConfigurationCache configuration, Pause pause) {
        this.jdbi = jdbi;
        this.configuration = configuration;
        this.pause = pause;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        // the configuration cache already knows whether this thread is inside one of our transactions
        if (configuration.inTransaction()) {
            return jdbi.inTransaction(handle -> work.get());
        }
        return configuration.transaction(() -> retried(work));
    }

    private <T> T retried(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            AtomicBoolean committing = new AtomicBoolean();
            try {
                return jdbi.inTransaction(handle -> {
                    T result = work.get();
                    committing.set(true);
                    return result;
                });
            } catch (RuntimeException e) {
                if (committing.get() && PostgresErrors.isConnectionFailure(e) && !PostgresErrors.isTimedOut(e)) {
                    // COMMIT went out and no answer came back: the server may have kept the work or not
                    throw new OutcomeUnknownException(e);
                }
                if (!PostgresErrors.isTransient(e)) {
                    throw e;
                }
                if (attempt == ATTEMPTS || Thread.currentThread().isInterrupted()) {
                    // rolled back every time: nothing was kept
                    throw new StoreUnavailableException(STORE, e);
                }
            }
            // here the handle is closed and its connection back in the pool
            pause.before(attempt);
        }
    }
}
