package com.voiceappoint.application.error;

/**
 * The database was lost between being asked to commit and answering: the work may have been kept or not, and which
 * is unknown. Never to be reported as a failure; whoever has a way to find out (a booking's idempotency key) asks
 * again once the database is back.
 */
public final class OutcomeUnknownException extends RuntimeException {
    public OutcomeUnknownException(Throwable cause) {
        super("the database was lost while committing: the outcome is unknown", cause);
    }
}
