package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.OutboundPorts;
import java.time.Clock;

/**
 * The whole application on one set of outbound ports, ready for adapters to drive: booking, the catalogue and
 * accounts as {@link BookingUseCases}, {@link CatalogUseCases} and {@link AccountUseCases} build them (each of which an
 * embedder can build alone, on just the ports it takes), and the rest of what the server offers around them.
 */
public final class Interactors {
    private Interactors() {}

    public static UseCases create(OutboundPorts ports, Clock clock) {
        return create(ports, LiveEventsInteractor.Limits.DEFAULT, clock);
    }

    /** @param streams how many live event streams this server keeps open, and how long their events are kept */
    public static UseCases create(OutboundPorts given, LiveEventsInteractor.Limits streams, Clock clock) {
        LiveEventsInteractor live = new LiveEventsInteractor(
                new BusinessAccess(given.businesses(), given.memberships()),
                given.providers(),
                given.events(),
                given.liveEvents(),
                streams,
                clock);
        EventJournal journal = new EventJournal(given.transactions(), given.events(), live::committed, clock);
        OutboundPorts ports = given.runningTransactionsThrough(journal);
        BookingUseCases booking = new BookingUseCases(ports.booking(), clock)
                .takingPaymentsThrough(ports.payments())
                .cappingVoiceBookingsBy(ports.billing())
                .loggingCallsIn(ports.callLog())
                .publishingOutcomesTo(ports.bookingOutcomes())
                .notifyingThrough(ports.notifications().store())
                .recordingEventsIn(journal);
        CatalogUseCases catalog = new CatalogUseCases(
                ports.transactions(),
                ports.businesses(),
                ports.memberships(),
                ports.services(),
                ports.categories(),
                ports.providers(),
                ports.appointments());
        AccountUseCases accounts = new AccountUseCases(
                ports.transactions(),
                ports.users(),
                ports.sessions(),
                ports.businesses(),
                ports.memberships(),
                ports.providers(),
                ports.passwordHasher(),
                clock);
        BusinessAccess access = booking.access();
        ScheduleRights rights = new ScheduleRights(access, ports.providers());
        VoiceSettingsInteractor voice = new VoiceSettingsInteractor(
                access,
                ports.transactions(),
                ports.businesses(),
                ports.voiceSettings(),
                ports.voicePlatform(),
                ports.callLog());
        CallLogInteractor callLog = new CallLogInteractor(
                access,
                ports.transactions(),
                ports.callLog(),
                ports.appointments(),
                booking.writes(),
                booking.assembler(),
                clock);
        OutboundCallsInteractor outboundCalls = new OutboundCallsInteractor(
                access,
                ports.voiceSettings(),
                ports.services(),
                ports.schedules(),
                ports.voicePlatform(),
                callLog,
                clock);
        BusinessFounding founding =
                new BusinessFounding(ports.transactions(), ports.businesses(), ports.memberships(), ports.providers());
        BusinessesInteractor businesses = new BusinessesInteractor(
                access,
                founding,
                ports.businesses(),
                ports.users(),
                ports.services(),
                ports.voiceSettings(),
                ports.transactions(),
                accounts.profile(),
                clock);
        RefundDesk refunds = new RefundDesk(ports.payments(), ports.transactions(), clock);
        return new UseCases(
                accounts.registerAccount(),
                accounts.authenticate(),
                accounts.sessions(),
                accounts.account(),
                new PasswordResetInteractor(
                        ports.transactions(),
                        ports.users(),
                        ports.sessions(),
                        ports.passwordResets(),
                        ports.passwordHasher(),
                        ports.notifications(),
                        clock),
                accounts.profile(),
                booking.business(),
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
                catalog.createService(),
                catalog.listServices(),
                catalog.services(),
                catalog.categories(),
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
                booking.clients(),
                booking.findAvailableSlots(),
                booking.bookAppointment(),
                booking.appointments(),
                booking.changeAppointment(),
                new PublicBookingInteractor(
                        ports.businesses(),
                        ports.services(),
                        ports.categories(),
                        ports.providers(),
                        ports.schedules(),
                        ports.voiceSettings(),
                        ports.notifications().store(),
                        ports.appointments(),
                        booking.booking(),
                        booking.rescheduling(),
                        booking.statusChanges(),
                        booking.assembler(),
                        booking.dues(),
                        clock),
                voice,
                voice,
                booking.callerAppointments(),
                callLog,
                outboundCalls,
                new AnalyticsInteractor(
                        access,
                        ports.analytics(),
                        ports.services(),
                        ports.payments().store()),
                new NotificationsInteractor(
                        access,
                        ports.transactions(),
                        ports.businesses(),
                        ports.notifications().store()),
                new NotificationDeliveryInteractor(
                        ports.notifications(),
                        ports.payments(),
                        ports.appointments(),
                        ports.businesses(),
                        ports.memberships(),
                        ports.users(),
                        ports.voiceSettings(),
                        ports.schedules(),
                        outboundCalls,
                        booking.assembler(),
                        journal,
                        clock),
                new SmsReplyInteractor(
                        ports.transactions(),
                        ports.notifications().store(),
                        ports.businesses(),
                        ports.clients(),
                        ports.appointments(),
                        ports.voiceSettings(),
                        booking.writes(),
                        clock),
                live,
                new LapsedHoldsInteractor(ports.appointments(), booking.writes(), clock),
                new BusinessLogoInteractor(access, ports.transactions(), ports.businesses(), ports.logos()),
                new OperatorsInteractor(
                        ports.transactions(), ports.platform(), ports.users(), ports.businesses(), clock),
                new PaymentsInteractor(
                        access,
                        ports.transactions(),
                        ports.payments(),
                        ports.appointments(),
                        ports.services(),
                        booking.writes(),
                        refunds,
                        clock),
                new PaymentEventsInteractor(
                        ports.transactions(),
                        ports.payments(),
                        ports.appointments(),
                        booking.writes(),
                        refunds,
                        clock,
                        new SubscriptionEvents(
                                ports.transactions(),
                                ports.billing(),
                                ports.payments().store(),
                                ports.businesses(),
                                clock)),
                new PaymentUpkeepInteractor(ports.payments(), ports.transactions(), refunds, clock, booking.noShows()),
                new BillingInteractor(
                        access, ports.transactions(), ports.billing(), ports.users(), ports.platform(), clock));
    }
}
