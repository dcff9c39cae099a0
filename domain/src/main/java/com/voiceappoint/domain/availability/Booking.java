package com.voiceappoint.domain.availability;

import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.Instant;
import java.util.Objects;

/**
 * What an appointment or hold takes from a provider's agenda: its blocked range, buffers included. Its own start
 * decides which day it counts towards when "any provider" looks for the least booked one.
 */
public record Booking(Instant start, TimeRange blocked) {
    public Booking {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(blocked, "blocked");
    }

    public static Booking of(Appointment appointment) {
        return new Booking(appointment.start(), appointment.blocked());
    }
}
