package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.ForbiddenException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.AppointmentsQuery;
import com.voiceappoint.application.port.in.ChangeAppointmentUseCase;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.CalendarFilter;
import com.voiceappoint.domain.appointment.CancelledBy;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.event.BusinessEvent;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The business's calendar of appointments, and what members do to them once booked. */
public final class AppointmentsInteractor implements AppointmentsQuery, ChangeAppointmentUseCase {
    /** Rows read at once for {@link #all}: a busy week of a large business in one or two reads. */
    private static final int ALL_BATCH = 5_000;

    private final BusinessAccess access;
    private final AppointmentRepository appointments;
    private final ProviderRepository providers;
    private final Rescheduling rescheduling;
    private final StatusChanges statusChanges;
    private final AppointmentDetailsAssembler assembler;
    private final Optional<NoShowCharges> noShows;
    private final Clock clock;

    AppointmentsInteractor(
            BusinessAccess access,
            AppointmentRepository appointments,
            ProviderRepository providers,
            Rescheduling rescheduling,
            StatusChanges statusChanges,
            AppointmentDetailsAssembler assembler,
            Optional<NoShowCharges> noShows,
            Clock clock) {
        this.access = access;
        this.appointments = appointments;
        this.providers = providers;
        this.rescheduling = rescheduling;
        this.statusChanges = statusChanges;
        this.assembler = assembler;
        this.noShows = noShows;
        this.clock = clock;
    }

    @Override
    public Page<AppointmentDetails> list(Actor actor, CalendarFilter filter, Page.Request page) {
        access.require(actor, filter.businessId(), Permission.VIEW_BUSINESS);
        Page<Appointment> found = Paging.page(
                appointments.search(filter, page.after().map(AppointmentsInteractor::decode), Paging.rowsToFetch(page)),
                page,
                a -> a.start() + "|" + a.id());
        return new Page<>(assembler.details(filter.businessId(), found.items()), found.next());
    }

    @Override
    public List<AppointmentDetails> all(Actor actor, CalendarFilter filter) {
        access.require(actor, filter.businessId(), Permission.VIEW_BUSINESS);
        List<Appointment> found = new ArrayList<>();
        List<Appointment> batch;
        do {
            Optional<AppointmentRepository.StartCursor> after =
                    found.isEmpty() ? Optional.empty() : Optional.of(last(found));
            batch = appointments.search(filter, after, ALL_BATCH);
            found.addAll(batch);
        } while (batch.size() == ALL_BATCH);
        return assembler.details(filter.businessId(), found);
    }

    private static AppointmentRepository.StartCursor last(List<Appointment> found) {
        Appointment last = found.get(found.size() - 1);
        return new AppointmentRepository.StartCursor(last.start(), last.id());
    }

    @Override
    public AppointmentDetails get(Actor actor, AppointmentId id) {
        Appointment appointment = find(actor, id);
        access.require(actor, appointment.businessId(), Permission.VIEW_BUSINESS);
        return assembler.details(appointment);
    }

    @Override
    public AppointmentDetails cancel(Actor.Member actor, AppointmentId id, String reason) {
        return change(
                actor,
                id,
                (current, granted) -> current.cancel(
                        CancelledBy.BUSINESS,
                        reason,
                        granted.business().policy().cancellationCutoff(),
                        clock.instant()));
    }

    @Override
    public AppointmentDetails complete(Actor.Member actor, AppointmentId id) {
        return change(actor, id, (current, granted) -> current.complete(clock.instant()));
    }

    @Override
    public AppointmentDetails markNoShow(Actor.Member actor, AppointmentId id) {
        AppointmentDetails missed = change(actor, id, (current, granted) -> current.markNoShow(clock.instant()));
        // the fee the no-show recorded is charged once it committed; whatever happens to the charge, the no-show stands
        noShows.ifPresent(desk -> desk.chargeFor(missed.appointment()));
        return missed;
    }

    @Override
    public AppointmentDetails reschedule(
            Actor.Member actor, AppointmentId id, Instant start, Optional<ProviderId> provider) {
        Appointment current = find(actor, id);
        BusinessAccess.Granted granted = requireMayChange(actor, current);
        ProviderId target = provider.orElse(current.providerId());
        if (!target.equals(current.providerId())) {
            if (!granted.allows(Permission.MANAGE_APPOINTMENTS)) {
                // staff move their own appointments within their own agenda
                throw new ForbiddenException(Permission.MANAGE_APPOINTMENTS);
            }
            providers
                    .findById(current.businessId(), target)
                    .filter(Provider::active)
                    .orElseThrow(() -> new NotFoundException("provider"));
        }
        return assembler.details(
                rescheduling.move(granted.business(), current, start, target, false, EventJournal.by(actor)));
    }

    private interface Transition {
        Appointment apply(Appointment current, BusinessAccess.Granted granted);
    }

    private AppointmentDetails change(Actor.Member actor, AppointmentId id, Transition transition) {
        Appointment current = find(actor, id);
        BusinessAccess.Granted granted = requireMayChange(actor, current);
        Appointment next = transition.apply(current, granted);
        return assembler.details(statusChanges.write(current, next, new BusinessEvent.Member(actor.userId())));
    }

    /** Looked up only among the actor's businesses: another tenant's id is "not found", like one that never was. */
    private Appointment find(Actor actor, AppointmentId id) {
        Collection<BusinessId> scope = actor instanceof Actor.Member member ? access.visibleTo(member) : List.of();
        return appointments.findById(scope, id).orElseThrow(() -> new NotFoundException("appointment"));
    }

    /** Managers and above change any appointment; staff only those they provide. */
    private BusinessAccess.Granted requireMayChange(Actor.Member actor, Appointment appointment) {
        BusinessAccess.Granted granted =
                access.require(actor, appointment.businessId(), Permission.MANAGE_OWN_APPOINTMENTS);
        boolean own = providers
                .findById(appointment.businessId(), appointment.providerId())
                .map(p -> granted.isUser(p.userId()))
                .orElse(false);
        if (!granted.allows(Permission.MANAGE_APPOINTMENTS) && !own) {
            throw new ForbiddenException(Permission.MANAGE_APPOINTMENTS);
        }
        return granted;
    }

    private static AppointmentRepository.StartCursor decode(String cursor) {
        return Paging.cursor(
                cursor,
                parts -> new AppointmentRepository.StartCursor(
                        Instant.parse(parts[0]), new AppointmentId(UUID.fromString(parts[1]))));
    }
}
