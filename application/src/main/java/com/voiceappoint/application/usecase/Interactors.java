package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.OutboundPorts;
import java.time.Clock;

/** Wires every interactor onto a set of outbound ports: the whole application, ready for adapters to drive. */
public final class Interactors {
    private Interactors() {}

    public static UseCases create(OutboundPorts ports, Clock clock) {
        BusinessAccess access = new BusinessAccess(ports.businesses(), ports.memberships());
        CatalogInteractor catalog = new CatalogInteractor(
                access, ports.transactions(), ports.businesses(), ports.services(), ports.providers());
        AppointmentsInteractor appointments = new AppointmentsInteractor(
                access, ports.appointments(), ports.services(), ports.providers(), ports.clients(), clock);
        Alternatives alternatives = new Alternatives(ports.providers(), ports.schedules(), ports.appointments());
        return new UseCases(
                new RegisterAccountInteractor(
                        ports.transactions(),
                        ports.users(),
                        ports.businesses(),
                        ports.memberships(),
                        ports.providers(),
                        ports.passwordHasher(),
                        clock),
                new AuthenticateInteractor(ports.users(), ports.passwordHasher()),
                new GetProfileInteractor(ports.users(), ports.memberships(), ports.businesses()),
                catalog,
                catalog,
                new BusinessHoursInteractor(
                        access, ports.transactions(), ports.businesses(), ports.schedules(), ports.providers()),
                new FindAvailableSlotsInteractor(
                        access, ports.services(), ports.providers(), ports.schedules(), ports.appointments(), clock),
                new BookAppointmentInteractor(
                        access,
                        ports.transactions(),
                        ports.services(),
                        ports.providers(),
                        ports.schedules(),
                        ports.clients(),
                        ports.appointments(),
                        alternatives,
                        clock),
                appointments,
                appointments);
    }
}
