package com.voiceappoint.domain.notification;

import java.util.Locale;

/** Where a message stands: each one is sent at most once, and a message not sent always says why. */
public enum DeliveryStatus {
    /** Waiting for its time, or for a retry after a passing failure. */
    QUEUED,
    /** Handed to a channel: if the sender dies now, the message is not sent again. */
    SENDING,
    SENT,
    /** Refused for good (a number that cannot take texts, a hard bounce), or interrupted mid-send. */
    FAILED,
    /** Not sent, on purpose: withdrawn (the appointment moved or was cancelled), no address, no channel configured. */
    SKIPPED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean done() {
        return this == SENT || this == FAILED || this == SKIPPED;
    }
}
