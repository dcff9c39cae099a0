package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.schedule.ProviderId;
import java.time.Instant;
import java.util.Optional;

/**
 * What a member does to an appointment once it is booked. Managers and above change any; staff change those they
 * provide. Every change goes through the appointment's state machine and fails, changing nothing, when it was
 * changed meanwhile.
 */
public interface ChangeAppointmentUseCase {

    /** Calls it off for the business, keeping the reason; the time is free again at once. */
    AppointmentDetails cancel(Actor.Member actor, AppointmentId id, String reason);

    /**
     * Moves the same appointment to {@code start}, with {@code provider} or else its current provider. Atomic: either
     * the new time is booked or nothing changes; a taken time is refused with the nearest alternatives.
     */
    AppointmentDetails reschedule(Actor.Member actor, AppointmentId id, Instant start, Optional<ProviderId> provider);

    AppointmentDetails complete(Actor.Member actor, AppointmentId id);

    AppointmentDetails markNoShow(Actor.Member actor, AppointmentId id);
}
