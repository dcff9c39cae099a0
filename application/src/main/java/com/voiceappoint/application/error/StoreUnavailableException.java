package com.voiceappoint.application.error;

/**
 * A store the work needs (the database, the rate-limit store) could not be reached, or dropped the connection
 * before the work was committed: nothing was done. Worth trying again in a few seconds; adapters raise it for their
 * own connection failures so that no driver's exception crosses a port.
 */
public final class StoreUnavailableException extends RuntimeException {
    public StoreUnavailableException(String store, Throwable cause) {
        super(store + " unavailable: " + cause.getMessage(), cause);
    }
}
