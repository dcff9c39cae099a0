package com.voiceappoint.application.fakes;

import com.voiceappoint.application.port.out.TransactionRunner;
import java.util.function.Supplier;

/** Runs the work as it is: the fakes keep no transaction log, so nothing is rolled back on failure. */
public final class InMemoryTransactionRunner implements TransactionRunner {
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
