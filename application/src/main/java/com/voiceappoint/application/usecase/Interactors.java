package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.domain.business.Permission;
import java.time.Clock;

/** Wires every interactor onto a set of outbound ports: the whole application, ready for adapters to drive. */
public final class Interactors {
    private Interactors() {}

    public static UseCases create(OutboundPorts ports, Clock clock) {
        BusinessAccess access = new BusinessAccess(ports.businesses(), ports.memberships());
        CatalogInteractor catalog = new CatalogInteractor(
                access, ports.transactions(), ports.businesses(), ports.services(), ports.providers());
        AppointmentDetailsAssembler assembler = new AppointmentDetailsAssembler(
                ports.businesses(), ports.services(), ports.providers(), ports.clients());
        AppointmentsInteractor appointments =
                new AppointmentsInteractor(access, ports.appointments(), ports.providers(), assembler, clock);
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
                new SessionInteractor(ports.sessions(), ports.users(), clock),
                new AccountInteractor(
                        ports.transactions(), ports.users(), ports.sessions(), ports.passwordHasher(), clock),
                new GetProfileInteractor(ports.users(), ports.memberships(), ports.businesses()),
                (actor, businessId) -> access.require(actor, businessId, Permission.VIEW_BUSINESS)
                        .business(),
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
                        assembler,
                        clock),
                appointments,
                appointments);
    }
}
