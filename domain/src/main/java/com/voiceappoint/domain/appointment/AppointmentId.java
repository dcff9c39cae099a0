package com.voiceappoint.domain.appointment;

import java.util.Objects;
import java.util.UUID;

/** Stable across reschedules: the appointment a client was told about keeps its id when it moves. */
public record AppointmentId(UUID value) {
    public AppointmentId {
        Objects.requireNonNull(value, "value");
    }

    public static AppointmentId random() {
        return new AppointmentId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
