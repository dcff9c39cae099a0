package com.voiceappoint.application.error;

/**
 * A store the work needs (the database, the rate-limit store) could not be reached, dropped the connection before
 * the work was committed, or was too busy to do it in time (a lock it waited for too long, a statement it cancelled,
 * a transaction cancelled as a deadlock's victim on every attempt): nothing was done. Worth trying again in a few
 * seconds; adapters raise it for their own such failures so that no driver's exception crosses a port.
 */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String store, Throwable cause) {
        super(store + " unavailable: " + cause.getMessage(), cause);
    }
}
