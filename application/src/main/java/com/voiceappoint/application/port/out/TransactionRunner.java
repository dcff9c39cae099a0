package com.voiceappoint.application.port.out;

import java.util.function.Supplier;

/** Runs a unit of work atomically: every port call inside sees and writes through the same transaction. */
public interface TransactionRunner {

    <T> T inTransaction(Supplier<T> work);
}
