package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.client.Client;
import java.time.ZoneId;
import java.util.Objects;

/**
 * An appointment with what a calendar or a confirmation shows about it: service, provider and client, and the
 * business's zone, in which its times are told.
 */
public record AppointmentDetails(
        Appointment appointment, String serviceName, String providerName, Client client, ZoneId zone) {
    public AppointmentDetails {
        Objects.requireNonNull(appointment, "appointment");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(client, "client");
    }
}
