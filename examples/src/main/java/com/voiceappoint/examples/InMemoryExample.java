package com.voiceappoint.examples;

import com.voiceappoint.adapter.inmemory.InMemoryPersistence;
import com.voiceappoint.adapter.security.Argon2PasswordHasher;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.usecase.Interactors;
import java.time.Clock;

/** The booking engine in this process's memory: nothing to install, nothing kept after it ends. */
public final class InMemoryExample {
    private InMemoryExample() {}

    public static void main(String[] args) {
        InMemoryPersistence stores = InMemoryPersistence.create();
        UseCases app = Interactors.create(stores.ports(Argon2PasswordHasher.OWASP), Clock.systemUTC());

        AppointmentDetails appointment = FirstAppointment.bookMoveAndCancel(app, Clock.systemUTC());
        System.out.println(Report.of(appointment));
    }
}
