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
        ScheduleRights rights = new ScheduleRights(access, ports.providers());
        CatalogInteractor catalog = new CatalogInteractor(
                access,
                ports.transactions(),
                ports.businesses(),
                ports.services(),
                ports.categories(),
                ports.providers(),
                ports.appointments());
        AppointmentDetailsAssembler assembler = new AppointmentDetailsAssembler(
                ports.businesses(), ports.services(), ports.providers(), ports.clients());
        Alternatives alternatives = new Alternatives(ports.providers(), ports.schedules(), ports.appointments());
        Rescheduling rescheduling = new Rescheduling(
                ports.transactions(),
                ports.services(),
                ports.providers(),
                ports.schedules(),
                ports.appointments(),
                alternatives,
                clock);
        StatusChanges statusChanges = new StatusChanges(ports.transactions(), ports.appointments(), clock);
        AppointmentsInteractor appointments = new AppointmentsInteractor(
                access, ports.appointments(), ports.providers(), rescheduling, statusChanges, assembler, clock);
        BookAppointmentInteractor booking = new BookAppointmentInteractor(
                access,
                ports.transactions(),
                ports.services(),
                ports.providers(),
                ports.schedules(),
                ports.clients(),
                ports.appointments(),
                ports.callLog(),
                alternatives,
                assembler,
                ports.bookingOutcomes(),
                clock);
        VoiceSettingsInteractor voice = new VoiceSettingsInteractor(
                access,
                ports.transactions(),
                ports.businesses(),
                ports.voiceSettings(),
                ports.voicePlatform(),
                ports.callLog());
        CallLogInteractor callLog = new CallLogInteractor(
                access, ports.transactions(), ports.callLog(), ports.appointments(), assembler, clock);
        BusinessFounding founding =
                new BusinessFounding(ports.transactions(), ports.businesses(), ports.memberships(), ports.providers());
        GetProfileInteractor profiles =
                new GetProfileInteractor(ports.users(), ports.memberships(), ports.businesses());
        BusinessesInteractor businesses = new BusinessesInteractor(
                access,
                founding,
                ports.businesses(),
                ports.users(),
                ports.services(),
                ports.voiceSettings(),
                ports.transactions(),
                profiles,
                clock);
        return new UseCases(
                new RegisterAccountInteractor(ports.users(), ports.passwordHasher(), founding, clock),
                new AuthenticateInteractor(ports.users(), ports.passwordHasher()),
                new SessionInteractor(ports.transactions(), ports.sessions(), ports.users(), clock),
                new AccountInteractor(
                        ports.transactions(), ports.users(), ports.sessions(), ports.passwordHasher(), clock),
                profiles,
                (actor, businessId) -> access.require(actor, businessId, Permission.VIEW_BUSINESS)
                        .business(),
                businesses,
                businesses,
                new MembersInteractor(
                        access, ports.transactions(), ports.memberships(), ports.invitations(), ports.users(), clock),
                new InvitationsInteractor(
                        ports.transactions(),
                        ports.invitations(),
                        ports.memberships(),
                        ports.users(),
                        ports.businesses(),
                        clock),
                catalog,
                catalog,
                catalog,
                catalog,
                new BusinessHoursInteractor(
                        access, ports.transactions(), ports.businesses(), ports.schedules(), rights),
                new StaffInteractor(
                        access,
                        ports.transactions(),
                        rights,
                        ports.providers(),
                        ports.memberships(),
                        ports.schedules(),
                        ports.businesses()),
                new ClientsInteractor(access, ports.transactions(), ports.clients(), ports.appointments(), assembler),
                new FindAvailableSlotsInteractor(
                        access,
                        ports.transactions(),
                        ports.services(),
                        ports.providers(),
                        ports.schedules(),
                        ports.appointments(),
                        clock),
                booking,
                appointments,
                appointments,
                new PublicBookingInteractor(
                        ports.businesses(),
                        ports.services(),
                        ports.categories(),
                        ports.providers(),
                        ports.schedules(),
                        ports.appointments(),
                        booking,
                        rescheduling,
                        statusChanges,
                        assembler,
                        clock),
                voice,
                voice,
                new CallerAppointmentsInteractor(
                        access,
                        ports.clients(),
                        ports.appointments(),
                        booking,
                        rescheduling,
                        statusChanges,
                        assembler,
                        clock),
                callLog,
                new OutboundCallsInteractor(
                        access,
                        ports.voiceSettings(),
                        ports.services(),
                        ports.schedules(),
                        ports.voicePlatform(),
                        callLog,
                        clock),
                new AnalyticsInteractor(access, ports.analytics(), ports.services()));
    }
}
