package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.FindAvailableSlotsQuery;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.ScheduleRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.domain.availability.AvailabilityEngine;
import com.voiceappoint.domain.availability.AvailableSlot;
import com.voiceappoint.domain.availability.SlotSearch;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.catalog.Service;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public final class FindAvailableSlotsInteractor implements FindAvailableSlotsQuery {
    private final BusinessAccess access;
    private final ServiceRepository services;
    private final ProviderRepository providers;
    private final ScheduleRepository schedules;
    private final AppointmentRepository appointments;
    private final Clock clock;
    private final AvailabilityEngine engine = new AvailabilityEngine();

    FindAvailableSlotsInteractor(
            BusinessAccess access,
            ServiceRepository services,
            ProviderRepository providers,
            ScheduleRepository schedules,
            AppointmentRepository appointments,
            Clock clock) {
        this.access = access;
        this.services = services;
        this.providers = providers;
        this.schedules = schedules;
        this.appointments = appointments;
        this.clock = clock;
    }

    @Override
    public Slots find(Query query) {
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
        return new Slots(business.zone(), service, slots, loaded.providers());
    }
}
