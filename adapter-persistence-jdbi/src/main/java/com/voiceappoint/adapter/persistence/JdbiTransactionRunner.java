package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.port.out.TransactionRunner;
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
            try {
                return jdbi.inTransaction(handle -> work.get());
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS || !PostgresErrors.isTransient(e)) {
                    throw e;
                }
            }
        }
    }
}
