package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CallerAppointmentsUseCase;
import com.voiceappoint.application.port.in.CardDue;
import com.voiceappoint.application.port.in.PaymentDue;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.ClientRepository;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.appointment.CancelledBy;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.event.BusinessEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

public final class CallerAppointmentsInteractor implements CallerAppointmentsUseCase {
    private static final System.Logger LOG = System.getLogger(CallerAppointmentsInteractor.class.getName());
    /** How many upcoming appointments a caller hears about at most. */
    static final int UPCOMING = 10;

    private static final int HISTORY_READ = 100;
    private static final Actor VOICE = new Actor.Caller(BookingSource.VOICE);

    private final BusinessAccess access;
    private final ClientRepository clients;
    private final AppointmentRepository appointments;
    private final BookAppointmentInteractor booking;
    private final Rescheduling rescheduling;
    private final StatusChanges statusChanges;
    private final AppointmentDetailsAssembler assembler;
    private final ManageCodes codes;
    private final PaymentDues dues;
    private final Clock clock;

    CallerAppointmentsInteractor(
            BusinessAccess access,
            ClientRepository clients,
            AppointmentRepository appointments,
            BookAppointmentInteractor booking,
            Rescheduling rescheduling,
            StatusChanges statusChanges,
            AppointmentDetailsAssembler assembler,
            PaymentDues dues,
            Clock clock) {
        this.access = access;
        this.clients = clients;
        this.appointments = appointments;
        this.booking = booking;
        this.rescheduling = rescheduling;
        this.statusChanges = statusChanges;
        this.assembler = assembler;
        this.codes = new ManageCodes(appointments);
        this.dues = dues;
        this.clock = clock;
    }

    @Override
    public List<AppointmentDetails> upcoming(BusinessId businessId, Proof proof) {
        access.require(VOICE, businessId, Permission.MANAGE_OWN_APPOINTMENTS);
        Optional<PhoneNumber> number = proof instanceof Proof.Code code
                ? code.claimedNumber()
                : Optional.of(((Proof.CallerNumber) proof).number());
        Instant now = clock.instant();
        List<Appointment> live = number
                .flatMap(n -> clients.findByContact(businessId, Optional.of(n), Optional.empty()))
                .map(client -> appointments.findByClient(businessId, client.id(), HISTORY_READ))
                .orElse(List.of())
                .stream()
                // a time held while deciding is not an appointment yet
                .filter(a -> a.blocksTime(now)
                        && a.status() != AppointmentStatus.HELD
                        && a.end().isAfter(now))
                .sorted(Comparator.comparing(Appointment::start))
                .toList();
        List<Appointment> upcoming =
                proof instanceof Proof.Code code ? codes.opened(businessId, live, code.code()) : live;
        return assembler.details(businessId, upcoming.stream().limit(UPCOMING).toList());
    }

    @Override
    public AppointmentDetails cancel(BusinessId businessId, Proof proof, AppointmentId id, String reason) {
        Business business = access.require(VOICE, businessId, Permission.MANAGE_OWN_APPOINTMENTS)
                .business();
        Appointment current = own(businessId, proof, id);
        Appointment cancelled =
                current.cancel(CancelledBy.CLIENT, reason, business.policy().cancellationCutoff(), clock.instant());
        return assembler.details(
                statusChanges.write(current, cancelled, new BusinessEvent.Client(BusinessEvent.Channel.VOICE)));
    }

    @Override
    public AppointmentDetails reschedule(BusinessId businessId, Proof proof, AppointmentId id, Instant start) {
        Business business = access.require(VOICE, businessId, Permission.MANAGE_OWN_APPOINTMENTS)
                .business();
        Appointment current = own(businessId, proof, id);
        return assembler.details(rescheduling.move(
                business,
                current,
                start,
                current.providerId(),
                true,
                new BusinessEvent.Client(BusinessEvent.Channel.VOICE)));
    }

    /** A deposit read lost to the database is not a lost booking: the caller is sent its link all the same. */
    private Optional<PaymentDue> owed(BookAppointmentUseCase.Result result) {
        try {
            return dues.owed(result.details());
        } catch (StoreUnavailableException notRead) {
            return Optional.empty();
        }
    }

    /** The card the caller must leave for the no-show fee, when the time waits for one (and no deposit). */
    private Optional<CardDue> cardOwed(BookAppointmentUseCase.Result result) {
        try {
            return dues.cardOwed(result.details());
        } catch (StoreUnavailableException notRead) {
            return Optional.empty();
        }
    }

    @Override
    public Booked book(BookAppointmentUseCase.Command command) {
        BookAppointmentUseCase.Result result = booking.bookForCaller(command);
        if (result.replay() == BookAppointmentUseCase.Replay.SAME_REQUEST) {
            return new Booked(result, Optional.empty(), owed(result), cardOwed(result));
        }
        try {
            return new Booked(result, Optional.of(codes.issue(result.appointment())), owed(result), cardOwed(result));
        } catch (RuntimeException e) {
            // the appointment is booked: the caller must hear so, code or no code
            LOG.log(
                    System.Logger.Level.WARNING,
                    () -> "no manage code for appointment "
                            + result.appointment().id() + " just now",
                    e);
            return new Booked(result, Optional.empty(), owed(result), cardOwed(result));
        }
    }

    @Override
    public AppointmentDetails hold(Hold hold) {
        return booking.hold(BookAppointmentUseCase.Command.builder(
                                new Actor.Caller(BookingSource.VOICE, hold.call(), hold.numberProven()),
                                hold.businessId(),
                                hold.serviceId(),
                                hold.start(),
                                new BookAppointmentUseCase.ClientDetails(
                                        hold.name(), Optional.of(hold.caller().value()), Optional.empty()),
                                BookingSource.VOICE)
                        .provider(hold.provider())
                        .build())
                .details();
    }

    /** The appointment, if it is this caller's: anyone else's is as good as missing. */
    private Appointment own(BusinessId businessId, Proof proof, AppointmentId id) {
        Appointment appointment =
                appointments.findById(List.of(businessId), id).orElseThrow(() -> new NotFoundException("appointment"));
        boolean theirs = proof instanceof Proof.Code code
                ? codes.opens(appointment, code.code())
                : clients.findById(businessId, appointment.clientId())
                        .flatMap(Client::phone)
                        .map(((Proof.CallerNumber) proof).number()::equals)
                        .orElse(false);
        if (!theirs) {
            throw new NotFoundException("appointment");
        }
        return appointment;
    }
}
