package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.FindAvailableSlotsQuery;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.ScheduleRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.availability.AvailabilityEngine;
import com.voiceappoint.domain.availability.AvailableSlot;
import com.voiceappoint.domain.availability.NoSlotsReason;
import com.voiceappoint.domain.availability.SlotSearch;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.catalog.Service;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

public final class FindAvailableSlotsInteractor implements FindAvailableSlotsQuery {
    /** How far past an empty range the next free time is looked for. */
    static final int DAYS_LOOKED_AHEAD = 14;

    private final BusinessAccess access;
    private final TransactionRunner transactions;
    private final ServiceRepository services;
    private final ProviderRepository providers;
    private final ScheduleRepository schedules;
    private final AppointmentRepository appointments;
    private final Clock clock;
    private final AvailabilityEngine engine = new AvailabilityEngine();

    FindAvailableSlotsInteractor(
            BusinessAccess access,
            TransactionRunner transactions,
            ServiceRepository services,
            ProviderRepository providers,
            ScheduleRepository schedules,
            AppointmentRepository appointments,
            Clock clock) {
        this.access = access;
        this.transactions = transactions;
        this.services = services;
        this.providers = providers;
        this.schedules = schedules;
        this.appointments = appointments;
        this.clock = clock;
    }

    /**
     * Its eight or so reads share one connection: the transaction is for that, not for atomicity (they change
     * nothing). A connection and a handle per read cost more than the reads.
     */
    @Override
    public Slots find(Query query) {
        return transactions.inTransaction(() -> search(query));
    }

    private Slots search(Query query) {
        Business business = access.require(query.actor(), query.businessId(), Permission.VIEW_BUSINESS)
                .business();
        Service service = Bookable.service(services, business, query.serviceId(), query.actor());
        query.provider()
                .ifPresent(
                        p -> providers.findById(business.id(), p).orElseThrow(() -> new NotFoundException("provider")));
        SlotSearch search = new SlotSearch(service, query.from(), query.to(), query.provider());
        Instant now = clock.instant();
        LoadedCalendar loaded = LoadedCalendar.load(
                business, query.from(), query.to(), now, Optional.empty(), providers, schedules, appointments);
        List<AvailableSlot> slots = engine.findSlots(loaded.calendar(), search, business.policy(), now);
        if (!slots.isEmpty()) {
            return new Slots(business, service, slots, loaded.providers(), Optional.empty(), Optional.empty());
        }
        NoSlotsReason why = engine.whyNone(loaded.calendar(), search, business.policy(), now);
        Optional<AvailableSlot> next = switch (why) {
            case NOBODY_PERFORMS, PROVIDER_DOES_NOT_PERFORM, TOO_FAR_IN_ADVANCE -> Optional.empty();
            default -> firstFreeAfter(business, service, query, now);
        };
        return new Slots(business, service, slots, loaded.providers(), Optional.of(why), next);
    }

    /** The first free time in the fortnight after the range (or from today, for a range in the past). */
    private Optional<AvailableSlot> firstFreeAfter(Business business, Service service, Query query, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, business.zone());
        LocalDate from = query.to().isBefore(today) ? today : query.to().plusDays(1);
        LocalDate to = from.plusDays(DAYS_LOOKED_AHEAD - 1);
        LoadedCalendar loaded =
                LoadedCalendar.load(business, from, to, now, Optional.empty(), providers, schedules, appointments);
        return engine
                .findSlots(
                        loaded.calendar(), new SlotSearch(service, from, to, query.provider()), business.policy(), now)
                .stream()
                .findFirst();
    }
}
