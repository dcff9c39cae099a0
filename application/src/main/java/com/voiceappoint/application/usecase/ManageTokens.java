package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.domain.appointment.Appointment;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The secret in a manage link: 256 random bits from the JDK's SecureRandom, of which only the SHA-256 is stored, so
 * a copy of the database opens no appointment. Each link given out (the booking page's, each e-mail's) is a token of
 * its own, and all keep working.
 */
final class ManageTokens {
    private static final int TOKEN_BYTES = 32;
    private static final int MAX_TOKEN_LENGTH = 100;

    private final AppointmentRepository appointments;
    private final SecureRandom random = new SecureRandom();

    ManageTokens(AppointmentRepository appointments) {
        this.appointments = appointments;
    }

    String issue(Appointment appointment) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        appointments.addManageToken(appointment.businessId(), appointment.id(), Hashes.sha256(token));
        return token;
    }

    Optional<Appointment> open(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return appointments.findByManageToken(Hashes.sha256(token));
    }
}
