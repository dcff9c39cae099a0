package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.client.Client;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** A business's appointments overlapping a period, in start order, with what a calendar shows about each. */
public interface ListAppointmentsQuery {

    List<AppointmentDetails> list(Actor actor, BusinessId businessId, Instant from, Instant to);

    record AppointmentDetails(Appointment appointment, String serviceName, String providerName, Client client) {
        public AppointmentDetails {
            Objects.requireNonNull(appointment, "appointment");
            Objects.requireNonNull(client, "client");
        }
    }
}
