package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.OutcomeUnknownException;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.event.BusinessEvent;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Writes a change of an appointment's status (cancelled, completed, no-show), whoever asks, in a transaction of its
 * own: a database lost before the commit changed nothing ("unavailable"), one lost while committing may have kept it
 * or not. Such a change does the same however often it is made, so what the appointment is now says which: if it
 * has the status asked for, that is the answer (whoever wrote it); otherwise the outcome stays unknown.
 */
final class StatusChanges {
    private final TransactionRunner transactions;
    private final AppointmentRepository appointments;
    private final AppointmentWrites writes;
    private final Clock clock;

    StatusChanges(
            TransactionRunner transactions, AppointmentRepository appointments, AppointmentWrites writes, Clock clock) {
        this.transactions = transactions;
        this.appointments = appointments;
        this.writes = writes;
        this.clock = clock;
    }

    /** @return the appointment as it now is */
    Appointment write(Appointment current, Appointment next, BusinessEvent.By by) {
        try {
            return transactions.inTransaction(() -> {
                writes.update(current, next, by);
                return next;
            });
        } catch (OutcomeUnknownException lost) {
            Optional<Appointment> now =
                    new LostCommit(clock).ask(lost, () -> appointments.findById(List.of(next.businessId()), next.id()));
            return now.filter(found -> found.status() == next.status()).orElseThrow(() -> lost);
        }
    }
}
