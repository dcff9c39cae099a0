package com.voiceappoint.domain.business;

import java.util.Objects;
import java.util.UUID;

public record BusinessId(UUID value) {
    public BusinessId {
        Objects.requireNonNull(value, "value");
    }

    public static BusinessId random() {
        return new BusinessId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
