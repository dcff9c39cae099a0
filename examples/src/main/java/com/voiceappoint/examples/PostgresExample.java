package com.voiceappoint.examples;

import com.voiceappoint.adapter.persistence.DatabaseUrl;
import com.voiceappoint.adapter.persistence.PostgresPersistence;
import com.voiceappoint.adapter.security.Argon2PasswordHasher;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.usecase.Interactors;
import java.time.Clock;

/**
 * The booking engine on PostgreSQL: {@code java ... PostgresExample postgresql://user:password@host:5432/database}.
 * The schema is created or brought up to date on connect; the exclusion constraint then keeps double bookings out.
 */
public final class PostgresExample {
    private PostgresExample() {}

    public static void main(String[] args) {
        try (PostgresPersistence stores = PostgresPersistence.connect(DatabaseUrl.parse(args[0]), 4)) {
            UseCases app = Interactors.create(stores.ports(Argon2PasswordHasher.OWASP), Clock.systemUTC());

            AppointmentDetails appointment = FirstAppointment.bookMoveAndCancel(app, Clock.systemUTC());
            System.out.println(Report.of(appointment));
        }
    }
}
