package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CallerAppointmentsUseCase;
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
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

public final class CallerAppointmentsInteractor implements CallerAppointmentsUseCase {
    /** How many upcoming appointments a caller hears about at most. */
    static final int UPCOMING = 10;

    private static final int HISTORY_READ = 100;
    private static final Actor VOICE = new Actor.Caller(BookingSource.VOICE);

    private final BusinessAccess access;
    private final ClientRepository clients;
    private final AppointmentRepository appointments;
    private final BookAppointmentInteractor booking;
    private final Rescheduling rescheduling;
    private final AppointmentDetailsAssembler assembler;
    private final Clock clock;

    CallerAppointmentsInteractor(
            BusinessAccess access,
            ClientRepository clients,
            AppointmentRepository appointments,
            BookAppointmentInteractor booking,
            Rescheduling rescheduling,
            AppointmentDetailsAssembler assembler,
            Clock clock) {
        this.access = access;
        this.clients = clients;
        this.appointments = appointments;
        this.booking = booking;
        this.rescheduling = rescheduling;
        this.assembler = assembler;
        this.clock = clock;
    }

    @Override
    public List<AppointmentDetails> upcoming(BusinessId businessId, PhoneNumber caller) {
        access.require(VOICE, businessId, Permission.MANAGE_OWN_APPOINTMENTS);
        Instant now = clock.instant();
        List<Appointment> upcoming = clients
                .findByContact(businessId, Optional.of(caller), Optional.empty())
                .map(client -> appointments.findByClient(businessId, client.id(), HISTORY_READ))
                .orElse(List.of())
                .stream()
                // a time held while deciding is not an appointment yet
                .filter(a -> a.blocksTime(now)
                        && a.status() != AppointmentStatus.HELD
                        && a.end().isAfter(now))
                .sorted(Comparator.comparing(Appointment::start))
                .limit(UPCOMING)
                .toList();
        return assembler.details(businessId, upcoming);
    }

    @Override
    public AppointmentDetails cancel(BusinessId businessId, PhoneNumber caller, AppointmentId id, String reason) {
        Business business = access.require(VOICE, businessId, Permission.MANAGE_OWN_APPOINTMENTS)
                .business();
        Appointment current = own(businessId, caller, id);
        Appointment cancelled =
                current.cancel(CancelledBy.CLIENT, reason, business.policy().cancellationCutoff(), clock.instant());
        Updates.apply(appointments, current, cancelled);
        return assembler.details(cancelled);
    }

    @Override
    public AppointmentDetails reschedule(BusinessId businessId, PhoneNumber caller, AppointmentId id, Instant start) {
        Business business = access.require(VOICE, businessId, Permission.MANAGE_OWN_APPOINTMENTS)
                .business();
        Appointment current = own(businessId, caller, id);
        return assembler.details(rescheduling.move(business, current, start, current.providerId(), true));
    }

    @Override
    public AppointmentDetails hold(Hold hold) {
        return booking.hold(new BookAppointmentUseCase.Command(
                        new Actor.Caller(BookingSource.VOICE, hold.call()),
                        hold.businessId(),
                        hold.serviceId(),
                        hold.start(),
                        hold.provider(),
                        new BookAppointmentUseCase.ClientDetails(
                                hold.name(), Optional.of(hold.caller().value()), Optional.empty()),
                        "",
                        BookingSource.VOICE,
                        Optional.empty()))
                .details();
    }

    /** The appointment, if it is this caller's: anyone else's is as good as missing. */
    private Appointment own(BusinessId businessId, PhoneNumber caller, AppointmentId id) {
        Appointment appointment =
                appointments.findById(List.of(businessId), id).orElseThrow(() -> new NotFoundException("appointment"));
        boolean theirs = clients.findById(businessId, appointment.clientId())
                .flatMap(Client::phone)
                .map(caller::equals)
                .orElse(false);
        if (!theirs) {
            throw new NotFoundException("appointment");
        }
        return appointment;
    }
}
