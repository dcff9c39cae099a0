package com.voiceappoint.adapter.persistence.planted;

import com.voiceappoint.application.port.out.TransactionRunner;
import java.util.function.Supplier;

/** Planted violation: a port implementation whose name does not say which technology it adapts. */
public class AnonymousStore implements TransactionRunner {
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return work.get();
    }
}
