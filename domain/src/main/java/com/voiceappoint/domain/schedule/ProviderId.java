package com.voiceappoint.domain.schedule;

import java.util.Objects;
import java.util.UUID;

public record ProviderId(UUID value) {
    public ProviderId {
        Objects.requireNonNull(value, "value");
    }

    public static ProviderId random() {
        return new ProviderId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
