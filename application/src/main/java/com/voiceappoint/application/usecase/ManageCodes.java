package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.ManageCode;
import java.security.SecureRandom;
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
        Optional<String> kept = appointments.manageCode(appointment.businessId(), appointment.id());
        return kept.map(ManageCode::new).filter(code -> code.matches(said)).isPresent();
    }
}
