package com.voiceappoint.application.error;

/** The store refused a write because a value that must be unique is taken; {@link #key()} says which. */
public final class DuplicateKeyException extends RuntimeException {
    public enum Key {
        USER_EMAIL,
        BUSINESS_SLUG,
        IDEMPOTENCY_KEY,
        SERVICE_NAME,
        CATEGORY_NAME,
        CLIENT_CONTACT,
        /** A phone number or line another business already answers on. */
        VOICE_LINE,
    }

    private final Key key;

    public DuplicateKeyException(Key key, Throwable cause) {
        super(key + " already exists", cause);
        this.key = key;
    }

    public Key key() {
        return key;
    }
}
