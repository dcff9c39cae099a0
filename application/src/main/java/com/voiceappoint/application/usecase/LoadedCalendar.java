package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.ScheduleRepository;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.availability.Booking;
import com.voiceappoint.domain.availability.BookingCalendar;
import com.voiceappoint.domain.availability.ProviderAgenda;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.TimeOff;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A business's calendar read from the stores for a range of local dates, ready for the engine. */
record LoadedCalendar(
        BookingCalendar calendar, List<Provider> providers, Map<ProviderId, List<TimeRange>> lapsedHolds) {

    /** Reads what the engine needs about {@code from..to}, one day of margin each side for buffers and night shifts. */
    static LoadedCalendar load(
            Business business,
            LocalDate from,
            LocalDate to,
            Instant now,
            Optional<AppointmentId> ignoring,
            ProviderRepository providers,
            ScheduleRepository schedules,
            AppointmentRepository appointments) {
        List<Provider> active = providers.findByBusiness(business.id()).stream()
                .filter(Provider::active)
                .toList();
        TimeRange period = TimeRange.days(from.minusDays(1), to.plusDays(1), business.zone());

        Map<LocalDate, SpecialDay> businessDays = new HashMap<>();
        Map<ProviderId, Map<LocalDate, SpecialDay>> providerDays = new HashMap<>();
        for (SpecialDay day : schedules.specialDays(business.id(), from.minusDays(1), to.plusDays(1))) {
            if (day.provider().isPresent()) {
                providerDays
                        .computeIfAbsent(day.provider().get(), p -> new HashMap<>())
                        .put(day.date(), day);
            } else {
                businessDays.put(day.date(), day);
            }
        }
        Map<ProviderId, List<Booking>> bookings = new HashMap<>();
        Map<ProviderId, List<TimeRange>> lapsedHolds = new HashMap<>();
        for (AppointmentRepository.BusyTime busy : appointments.findBusy(business.id(), period)) {
            if (busy.lapsedAt(now)) {
                lapsedHolds
                        .computeIfAbsent(busy.provider(), p -> new ArrayList<>())
                        .add(busy.booking().blocked());
            } else if (!ignoring.map(busy.appointment()::equals).orElse(false)) {
                bookings.computeIfAbsent(busy.provider(), p -> new ArrayList<>())
                        .add(busy.booking());
            }
        }
        Map<ProviderId, List<TimeRange>> away = new HashMap<>();
        for (TimeOff off : schedules.timeOff(business.id(), period)) {
            away.computeIfAbsent(off.provider(), p -> new ArrayList<>()).add(off.period());
        }
        List<ProviderAgenda> agendas = new ArrayList<>(active.size());
        for (Provider provider : active) {
            agendas.add(new ProviderAgenda(
                    provider.id(),
                    provider.workingHours(),
                    providerDays.getOrDefault(provider.id(), Map.of()),
                    bookings.getOrDefault(provider.id(), List.of()),
                    away.getOrDefault(provider.id(), List.of())));
        }
        BookingCalendar calendar =
                new BookingCalendar(business.zone(), schedules.weeklyHours(business.id()), businessDays, agendas);
        return new LoadedCalendar(calendar, active, lapsedHolds);
    }

    /** Whether a hold that ran out still sits, unexpired, in this provider's diary over this time. */
    boolean lapsedHoldIn(ProviderId provider, TimeRange time) {
        return lapsedHolds.getOrDefault(provider, List.of()).stream().anyMatch(time::overlaps);
    }
}
