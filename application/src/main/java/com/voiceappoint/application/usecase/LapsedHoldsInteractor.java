package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.ExpireLapsedHoldsUseCase;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.event.BusinessEvent;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import java.time.Clock;
import java.time.Instant;

/**
 * Expires lapsed holds one by one through {@link AppointmentWrites}, as a booking that needs the time would: the hold
 * is written expired only if it is still the hold that was read, so a server that expired it first, or a caller who
 * confirmed it at the last moment, wins, and the hold is told as expired once.
 */
final class LapsedHoldsInteractor implements ExpireLapsedHoldsUseCase {
    /** At most this many a run; the next run takes the rest. */
    static final int BATCH = 200;

    private final AppointmentRepository appointments;
    private final AppointmentWrites writes;
    private final Clock clock;

    LapsedHoldsInteractor(AppointmentRepository appointments, AppointmentWrites writes, Clock clock) {
        this.appointments = appointments;
        this.writes = writes;
        this.clock = clock;
    }

    @Override
    public int expireLapsedHolds() {
        Instant now = clock.instant();
        int expired = 0;
        for (Appointment held : appointments.lapsedHolds(now, BATCH)) {
            try {
                writes.update(held, held.expire(now), new BusinessEvent.Engine());
                expired++;
            } catch (DomainException changed) {
                if (changed.code() != ErrorCode.CONCURRENT_UPDATE) {
                    throw changed;
                }
                // confirmed, released or expired meanwhile: no longer ours to expire
            }
        }
        return expired;
    }
}
