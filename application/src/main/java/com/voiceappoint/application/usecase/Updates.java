package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.ConcurrentUpdateException;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import java.util.Map;

/**
 * Writes a change to an appointment, answering a lost race as "changed meanwhile" rather than overwriting it; in a
 * transaction (the caller's, or one of its own), so that a database lost midway cannot keep a change it reports lost.
 */
final class Updates {
    private Updates() {}

    static void apply(
            TransactionRunner transactions,
            AppointmentRepository appointments,
            Appointment previous,
            Appointment next) {
        try {
            transactions.inTransaction(() -> {
                appointments.update(previous, next);
                return null;
            });
        } catch (ConcurrentUpdateException e) {
            throw new DomainException(
                    ErrorCode.CONCURRENT_UPDATE,
                    null,
                    "the appointment was changed meanwhile; read it again and retry",
                    Map.of());
        }
    }
}
