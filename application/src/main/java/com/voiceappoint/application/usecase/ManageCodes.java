package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.ManageCode;
import com.voiceappoint.domain.business.BusinessId;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Gives out appointments' manage codes, from the JDK's SecureRandom, the first time one is asked for (with a
 * booking's answer, on the manage page, in a confirmation): an appointment nobody was told about needs none.
 */
final class ManageCodes {
    private final AppointmentRepository appointments;
    private final SecureRandom random = new SecureRandom();

    ManageCodes(AppointmentRepository appointments) {
        this.appointments = appointments;
    }

    /** A new code, for an appointment made by a client who is told it at once: kept with the appointment's row. */
    ManageCode fresh() {
        return ManageCode.random(random);
    }

    String issue(Appointment appointment) {
        return appointments
                .issueManageCode(
                        appointment.businessId(),
                        appointment.id(),
                        ManageCode.random(random).value())
                .orElseThrow(() -> new IllegalStateException("appointment " + appointment.id() + " vanished"));
    }

    /** Whether {@code said} is the code given out with this appointment; one never given out opens nothing. */
    boolean opens(Appointment appointment, String said) {
        return !opened(appointment.businessId(), List.of(appointment), said).isEmpty();
    }

    /** Those of the business's appointments that {@code said} opens, in their order, read at once. */
    List<Appointment> opened(BusinessId businessId, List<Appointment> candidates, String said) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        Map<AppointmentId, String> kept = appointments.manageCodes(
                businessId, candidates.stream().map(Appointment::id).toList());
        return candidates.stream()
                .filter(a -> Optional.ofNullable(kept.get(a.id()))
                        .map(ManageCode::new)
                        .filter(code -> code.matches(said))
                        .isPresent())
                .toList();
    }
}
