package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.port.out.TransactionRunner;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * One database transaction around a unit of work. Repositories called inside run on the transaction's handle,
 * which JDBI binds to the current thread, so the work commits or rolls back as a whole.
 */
public final class JdbiTransactionRunner implements TransactionRunner {
    private final Jdbi jdbi;

    JdbiTransactionRunner(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return jdbi.inTransaction(handle -> work.get());
    }
}
