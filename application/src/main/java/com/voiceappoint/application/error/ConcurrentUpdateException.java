package com.voiceappoint.application.error;

/** The record changed between our read and our write; the write did not happen. */
public final class ConcurrentUpdateException extends RuntimeException {
    public ConcurrentUpdateException(String what) {
        super(what + " was changed by someone else meanwhile");
    }
}
