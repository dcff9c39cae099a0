package com.voiceappoint.domain.catalog;

import java.util.Objects;
import java.util.UUID;

public record ServiceCategoryId(UUID value) {
    public ServiceCategoryId {
        Objects.requireNonNull(value, "value");
    }

    public static ServiceCategoryId random() {
        return new ServiceCategoryId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
