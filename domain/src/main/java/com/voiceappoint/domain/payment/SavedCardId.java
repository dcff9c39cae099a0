package com.voiceappoint.domain.payment;

import java.util.Objects;
import java.util.UUID;

public record SavedCardId(UUID value) {
    public SavedCardId {
        Objects.requireNonNull(value, "value");
    }

    public static SavedCardId random() {
        return new SavedCardId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
