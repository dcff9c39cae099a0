package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.appointment.AppointmentId;
import java.util.Objects;

/** A member calls an appointment off for the business, keeping the reason; the slot is free again at once. */
public interface CancelAppointmentUseCase {

    AppointmentDetails cancel(Command command);

    record Command(Actor.Member actor, AppointmentId appointmentId, String reason) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(appointmentId, "appointmentId");
        }
    }
}
