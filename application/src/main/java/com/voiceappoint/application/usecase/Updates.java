package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.ConcurrentUpdateException;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import java.util.Map;

/** Writes a change to an appointment, answering a lost race as "changed meanwhile" rather than overwriting it. */
final class Updates {
    private Updates() {}

    static void apply(AppointmentRepository appointments, Appointment previous, Appointment next) {
        try {
            appointments.update(previous, next);
        } catch (ConcurrentUpdateException e) {
            throw new DomainException(
                    ErrorCode.CONCURRENT_UPDATE,
                    null,
                    "the appointment was changed meanwhile; read it again and retry",
                    Map.of());
        }
    }
}
