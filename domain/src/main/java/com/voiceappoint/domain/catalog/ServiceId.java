package com.voiceappoint.domain.catalog;

import java.util.Objects;
import java.util.UUID;

public record ServiceId(UUID value) {
    public ServiceId {
        Objects.requireNonNull(value, "value");
    }

    public static ServiceId random() {
        return new ServiceId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
