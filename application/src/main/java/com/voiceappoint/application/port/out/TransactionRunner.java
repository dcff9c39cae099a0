package com.voiceappoint.application.port.out;

import com.voiceappoint.application.error.OutcomeUnknownException;
import com.voiceappoint.application.error.StoreUnavailableException;
import java.util.function.Supplier;

/**
 * Runs a unit of work atomically: every port call inside sees and writes through the same transaction.
 *
 * <p>When the store cannot be reached, or is lost before the commit is asked for, nothing is kept: {@link
 * StoreUnavailableException}. When it is lost while committing, the work may or may not be kept: {@link
 * OutcomeUnknownException}.
 */
public interface TransactionRunner {

    <T> T inTransaction(Supplier<T> work);
}
