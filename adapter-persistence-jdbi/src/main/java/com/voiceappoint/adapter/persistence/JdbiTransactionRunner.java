package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.error.OutcomeUnknownException;
import com.voiceappoint.application.port.out.TransactionRunner;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * One database transaction around a unit of work. Repositories called inside run on the transaction's handle,
 * which JDBI binds to the current thread, so the work commits or rolls back as a whole.
 *
 * <p>PostgreSQL may abort a transaction that did nothing wrong: two bookings racing for one slot can each wait on
 * the other's row while checking the exclusion constraint, and the deadlock detector then cancels one. Such a
 * transaction is run again from the start, where the winner's row is now plain to see; the work is a function of
 * what it reads, so running it again is safe. Only the outermost transaction retries: an inner one joins it.
 *
 * <p>A connection lost while committing is different: the work may have been kept or not, and running it again could
 * do it twice. That is reported as {@link OutcomeUnknownException}, for whoever can find out to find out.
 */
public final class JdbiTransactionRunner implements TransactionRunner {
    static final int ATTEMPTS = 3;

    private final Jdbi jdbi;
    private final ConfigurationCache configuration;

    JdbiTransactionRunner(Jdbi jdbi, ConfigurationCache configuration) {
        this.jdbi = jdbi;
        this.configuration = configuration;
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
                if (committing.get() && PostgresErrors.isConnectionFailure(e)) {
                    // COMMIT went out and no answer came back: the server may have kept the work or not
                    throw new OutcomeUnknownException(e);
                }
                if (attempt == ATTEMPTS || !PostgresErrors.isTransient(e)) {
                    throw e;
                }
            }
        }
    }
}
