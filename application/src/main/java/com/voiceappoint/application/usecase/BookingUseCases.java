package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.AppointmentsQuery;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CallerAppointmentsUseCase;
import com.voiceappoint.application.port.in.ChangeAppointmentUseCase;
import com.voiceappoint.application.port.in.ClientsUseCase;
import com.voiceappoint.application.port.in.FindAvailableSlotsQuery;
import com.voiceappoint.application.port.in.FoundBusinessUseCase;
import com.voiceappoint.application.port.in.GetBusinessQuery;
import com.voiceappoint.application.port.out.BillingPorts;
import com.voiceappoint.application.port.out.BookingOutcomePublisher;
import com.voiceappoint.application.port.out.BookingPorts;
import com.voiceappoint.application.port.out.CallLogRepository;
import com.voiceappoint.application.port.out.NotificationStore;
import com.voiceappoint.application.port.out.PaymentPorts;
import com.voiceappoint.domain.business.Permission;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/**
 * Booking on its own: founding a business to book in, free times, booking, appointments and their changes, clients
 * and a caller's own appointments, on the ports booking needs and no others (no accounts, no password hasher, no
 * voice platform). A booking made during a phone call is logged with the call, so an application whose bookings name
 * calls gives the call log ({@link #loggingCallsIn}); without one, such a booking is refused as a wiring mistake.
 */
public final class BookingUseCases {
    private final BusinessAccess access;
    private final AppointmentDetailsAssembler assembler;
    private final Rescheduling rescheduling;
    private final StatusChanges statusChanges;
    private final BookAppointmentInteractor booking;
    private final FindAvailableSlotsInteractor slots;
    private final AppointmentsInteractor appointments;
    private final ClientsInteractor clients;
    private final CallerAppointmentsInteractor callerAppointments;
    private final FoundBusinessInteractor founding;
    private final BookingPorts ports;
    private final Clock clock;
    private final Optional<CallLogRepository> callLog;
    private final BookingOutcomePublisher outcomes;
    private final NotificationStore notifications;
    private final AppointmentWrites writes;
    private final EventJournal events;
    private final Deposits deposits;
    private final PaymentDues dues;
    private final Optional<NoShowCharges> noShows;
    private final VoiceCaps caps;

    public BookingUseCases(BookingPorts ports, Clock clock) {
        this(
                ports,
                Objects.requireNonNull(clock, "clock"),
                Optional.empty(),
                BookingOutcomePublisher.NONE,
                NotificationStore.NONE,
                EventJournal.none(ports.transactions()),
                Deposits.NONE,
                VoiceCaps.NONE);
    }

    private BookingUseCases(
            BookingPorts ports,
            Clock clock,
            Optional<CallLogRepository> callLog,
            BookingOutcomePublisher outcomes,
            NotificationStore notifications,
            EventJournal events,
            Deposits deposits,
            VoiceCaps caps) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.caps = caps;
        this.events = events;
        this.deposits = deposits;
        this.clock = clock;
        this.callLog = callLog;
        this.outcomes = Objects.requireNonNull(outcomes, "outcomes");
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.writes = new AppointmentWrites(
                ports.transactions(),
                ports.appointments(),
                ports.businesses(),
                ports.clients(),
                notifications,
                events,
                ports.services(),
                ports.providers(),
                deposits,
                clock);
        Optional<Checkouts> checkouts =
                deposits.ports().map(payments -> new Checkouts(payments, ports.transactions(), clock));
        this.dues = deposits.ports()
                .map(payments -> PaymentDues.through(payments, checkouts.orElseThrow()))
                .orElse(PaymentDues.NONE);
        this.noShows = deposits.ports()
                .map(payments -> new NoShowCharges(
                        payments,
                        ports.transactions(),
                        checkouts.orElseThrow(),
                        ports.businesses(),
                        ports.appointments(),
                        ports.services(),
                        writes,
                        clock));
        this.access = new BusinessAccess(ports.businesses(), ports.memberships());
        this.assembler = new AppointmentDetailsAssembler(
                ports.businesses(), ports.services(), ports.providers(), ports.clients());
        Alternatives alternatives = new Alternatives(ports.providers(), ports.schedules(), ports.appointments());
        this.rescheduling = new Rescheduling(
                ports.transactions(),
                ports.services(),
                ports.providers(),
                ports.schedules(),
                ports.appointments(),
                writes,
                alternatives,
                clock);
        this.statusChanges = new StatusChanges(ports.transactions(), ports.appointments(), writes, clock);
        this.booking = new BookAppointmentInteractor(
                access,
                ports.transactions(),
                ports.services(),
                ports.providers(),
                ports.schedules(),
                ports.clients(),
                ports.appointments(),
                writes,
                callLog,
                alternatives,
                assembler,
                outcomes,
                deposits,
                caps,
                clock);
        this.slots = new FindAvailableSlotsInteractor(
                access,
                ports.transactions(),
                ports.services(),
                ports.providers(),
                ports.schedules(),
                ports.appointments(),
                clock);
        this.appointments = new AppointmentsInteractor(
                access,
                ports.appointments(),
                ports.providers(),
                rescheduling,
                statusChanges,
                assembler,
                noShows,
                clock);
        this.clients =
                new ClientsInteractor(access, ports.transactions(), ports.clients(), ports.appointments(), assembler);
        this.founding = new FoundBusinessInteractor(
                new BusinessFounding(ports.transactions(), ports.businesses(), ports.memberships(), ports.providers()));
        this.callerAppointments = new CallerAppointmentsInteractor(
                access,
                ports.clients(),
                ports.appointments(),
                booking,
                rescheduling,
                statusChanges,
                assembler,
                dues,
                clock);
    }

    /** The same, logging each booking made during a phone call with the call, in the booking's own transaction. */
    public BookingUseCases loggingCallsIn(CallLogRepository callLog) {
        return new BookingUseCases(ports, clock, Optional.of(callLog), outcomes, notifications, events, deposits, caps);
    }

    /** The same, telling {@code outcomes} what became of each request to book or hold a time. */
    public BookingUseCases publishingOutcomesTo(BookingOutcomePublisher outcomes) {
        return new BookingUseCases(ports, clock, callLog, outcomes, notifications, events, deposits, caps);
    }

    /**
     * The same, planning the messages each change of an appointment calls for (confirmations, reminders, moves,
     * cancellations, staff alerts) in the change's own transaction, for a sender to deliver after it commits.
     */
    public BookingUseCases notifyingThrough(NotificationStore notifications) {
        return new BookingUseCases(ports, clock, callLog, outcomes, notifications, events, deposits, caps);
    }

    /**
     * The same, recording the events of each change in {@code events}, whose transactions these ports' must be: the
     * transactions of the whole application, which keep the events with the changes and hand them on after commits.
     */
    BookingUseCases recordingEventsIn(EventJournal events) {
        return new BookingUseCases(ports, clock, callLog, outcomes, notifications, events, deposits, caps);
    }

    /**
     * The same, asking clients for the deposits of services that have one, when their business takes payments: the
     * time is kept until paid, and a change of the appointment settles its payments.
     */
    public BookingUseCases takingPaymentsThrough(PaymentPorts payments) {
        return new BookingUseCases(
                ports, clock, callLog, outcomes, notifications, events, Deposits.through(payments), caps);
    }

    /**
     * The same, refusing a voice caller a new booking once the business's plan has no voice bookings left this month:
     * the caller is offered the business's public page instead. Web, dashboard and API bookings are never capped.
     */
    public BookingUseCases cappingVoiceBookingsBy(BillingPorts billing) {
        return new BookingUseCases(
                ports, clock, callLog, outcomes, notifications, events, deposits, VoiceCaps.of(billing));
    }

    /** A business to book in, with no account behind it. */
    public FoundBusinessUseCase foundBusiness() {
        return founding;
    }

    /** A business as the actor may see it. */
    public GetBusinessQuery business() {
        return (actor, businessId) ->
                access.require(actor, businessId, Permission.VIEW_BUSINESS).business();
    }

    public FindAvailableSlotsQuery findAvailableSlots() {
        return slots;
    }

    public BookAppointmentUseCase bookAppointment() {
        return booking;
    }

    public AppointmentsQuery appointments() {
        return appointments;
    }

    public ChangeAppointmentUseCase changeAppointment() {
        return appointments;
    }

    public ClientsUseCase clients() {
        return clients;
    }

    public CallerAppointmentsUseCase callerAppointments() {
        return callerAppointments;
    }

    BusinessAccess access() {
        return access;
    }

    AppointmentDetailsAssembler assembler() {
        return assembler;
    }

    Rescheduling rescheduling() {
        return rescheduling;
    }

    StatusChanges statusChanges() {
        return statusChanges;
    }

    PaymentDues dues() {
        return dues;
    }

    Deposits deposits() {
        return deposits;
    }

    AppointmentWrites writes() {
        return writes;
    }

    /** The desk that charges no-show fees, when payments are taken. */
    Optional<NoShowCharges> noShows() {
        return noShows;
    }

    BookAppointmentInteractor booking() {
        return booking;
    }
}
