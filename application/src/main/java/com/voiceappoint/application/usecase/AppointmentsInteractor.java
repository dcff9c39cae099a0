package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.ForbiddenException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.CancelAppointmentUseCase;
import com.voiceappoint.application.port.in.ListAppointmentsQuery;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.CancelledBy;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The business's calendar of appointments, and calling them off. */
public final class AppointmentsInteractor implements ListAppointmentsQuery, CancelAppointmentUseCase {
    static final Duration MAX_LISTED_PERIOD = Duration.ofDays(93);

    private final BusinessAccess access;
    private final AppointmentRepository appointments;
    private final ProviderRepository providers;
    private final AppointmentDetailsAssembler assembler;
    private final Clock clock;

    AppointmentsInteractor(
            BusinessAccess access,
            AppointmentRepository appointments,
            ProviderRepository providers,
            AppointmentDetailsAssembler assembler,
            Clock clock) {
        this.access = access;
        this.appointments = appointments;
        this.providers = providers;
        this.assembler = assembler;
        this.clock = clock;
    }

    @Override
    public List<AppointmentDetails> list(Actor actor, BusinessId businessId, Instant from, Instant to) {
        access.require(actor, businessId, Permission.VIEW_BUSINESS);
        InvalidValueException.check(to.isAfter(from), "to", "the period ends before it starts");
        InvalidValueException.check(
                Duration.between(from, to).compareTo(MAX_LISTED_PERIOD) <= 0, "to", "a period covers at most 93 days");
        return assembler.details(businessId, appointments.findOverlapping(businessId, new TimeRange(from, to)));
    }

    @Override
    public AppointmentDetails cancel(CancelAppointmentUseCase.Command command) {
        Appointment appointment = appointments
                .findById(access.visibleTo(command.actor()), command.appointmentId())
                .orElseThrow(() -> new NotFoundException("appointment"));
        BusinessAccess.Granted granted =
                access.require(command.actor(), appointment.businessId(), Permission.MANAGE_OWN_APPOINTMENTS);
        if (!granted.allows(Permission.MANAGE_APPOINTMENTS) && !isOwn(granted, appointment)) {
            throw new ForbiddenException(Permission.MANAGE_APPOINTMENTS);
        }
        Business business = granted.business();
        Appointment cancelled = appointment.cancel(
                CancelledBy.BUSINESS, command.reason(), business.policy().cancellationCutoff(), clock.instant());
        Updates.apply(appointments, appointment, cancelled);
        return assembler.details(cancelled);
    }

    private boolean isOwn(BusinessAccess.Granted granted, Appointment appointment) {
        return providers
                .findById(appointment.businessId(), appointment.providerId())
                .map(p -> granted.isUser(p.userId()))
                .orElse(false);
    }
}
