package com.voiceappoint.domain.shared;

import java.util.Map;

/** A value object refused to exist with the value it was given. */
public final class InvalidValueException extends DomainException {
    public InvalidValueException(String field, String message) {
        super(ErrorCode.INVALID_VALUE, field, message, Map.of());
    }

    public static void check(boolean condition, String field, String message) {
        if (!condition) {
            throw new InvalidValueException(field, message);
        }
    }
}
