package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.error.OutcomeUnknownException;
import com.voiceappoint.application.error.SlotAlreadyTakenException;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.ScheduleRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.availability.BookingConflictPolicy;
import com.voiceappoint.domain.availability.BookingDecision;
import com.voiceappoint.domain.availability.RefusalReason;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.event.BusinessEvent;
import com.voiceappoint.domain.schedule.ProviderId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Moves an appointment, whoever asks (a member, a client by their link, a caller). The new time is checked by the
 * conflict policy with the appointment's own time counted free, and written by one conditional update that the
 * database's exclusion constraint guards: either the appointment is at the new time or it is where it was. A commit
 * lost on the way is resolved by reading where the appointment is now: moved as asked, or the outcome unknown.
 */
final class Rescheduling {
    private final TransactionRunner transactions;
    private final ServiceRepository services;
    private final ProviderRepository providers;
    private final ScheduleRepository schedules;
    private final AppointmentRepository appointments;
    private final AppointmentWrites writes;
    private final Alternatives alternatives;
    private final Clock clock;
    private final BookingConflictPolicy policy = new BookingConflictPolicy();

    Rescheduling(
            TransactionRunner transactions,
            ServiceRepository services,
            ProviderRepository providers,
            ScheduleRepository schedules,
            AppointmentRepository appointments,
            AppointmentWrites writes,
            Alternatives alternatives,
            Clock clock) {
        this.transactions = transactions;
        this.services = services;
        this.providers = providers;
        this.schedules = schedules;
        this.appointments = appointments;
        this.writes = writes;
        this.alternatives = alternatives;
        this.clock = clock;
    }

    Appointment move(
            Business business,
            Appointment current,
            Instant start,
            ProviderId provider,
            boolean askedByClient,
            BusinessEvent.By by) {
        business.requireTakingBookings();
        Service service = services.findById(business.id(), current.serviceId())
                .orElseThrow(() -> new NotFoundException("service"));
        Instant now = clock.instant();
        // the appointment's own state and the client's cutoff first: a cancelled one is not "taken elsewhere"
        Appointment moved = current.reschedule(
                start,
                provider,
                service.bufferBefore(),
                service.bufferAfter(),
                askedByClient,
                business.policy().cancellationCutoff(),
                now);
        try {
            transactions.inTransaction(() -> {
                LocalDate day = start.atZone(business.zone()).toLocalDate();
                LoadedCalendar loaded = LoadedCalendar.load(
                        business, day, day, now, Optional.of(current.id()), providers, schedules, appointments);
                BookingDecision decision = policy.evaluate(
                        loaded.calendar(), service, business.policy(), now, start, Optional.of(provider), 0);
                if (decision instanceof BookingDecision.Refused refused) {
                    throw new PolicyRefusal(refused.reason());
                }
                writes.expireLapsedHolds(business, provider, moved.blocked(), now);
                writes.update(current, moved, by);
                return moved;
            });
        } catch (PolicyRefusal refusal) {
            throw alternatives.refusal(
                    refusal.reason(), business, service, start, Optional.of(provider), now, Optional.of(current.id()));
        } catch (SlotAlreadyTakenException e) {
            throw alternatives.refusal(
                    RefusalReason.SLOT_TAKEN,
                    business,
                    service,
                    start,
                    Optional.of(provider),
                    clock.instant(),
                    Optional.of(current.id()));
        } catch (OutcomeUnknownException lost) {
            // moving to one time is the same however often it is done: where the appointment is now says whether it
            // moved
            return new LostCommit(clock)
                    .ask(lost, () -> appointments.findById(List.of(business.id()), current.id()))
                    .filter(found -> found.status() == moved.status()
                            && found.start().equals(moved.start())
                            && found.providerId().equals(moved.providerId()))
                    .orElseThrow(() -> lost);
        }
        return moved;
    }
}
