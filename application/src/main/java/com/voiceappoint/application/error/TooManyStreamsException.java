package com.voiceappoint.application.error;

/** A member, or the whole server, has as many event streams open as it may: one must close before another opens. */
public final class TooManyStreamsException extends RuntimeException {
    /** @param perMember whether the member's own cap was reached, rather than the server's */
    public TooManyStreamsException(boolean perMember) {
        super(perMember ? "too many event streams open for this user" : "too many event streams open on this server");
    }
}
