package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.BookingRefusedException;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.ScheduleRepository;
import com.voiceappoint.domain.availability.Alternative;
import com.voiceappoint.domain.availability.BookingConflictPolicy;
import com.voiceappoint.domain.availability.RefusalReason;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Builds a refusal with the nearest free times. Runs only once a booking is refused, on a fresh read: the
 * accepted path never pays for the wider calendar it needs.
 */
final class Alternatives {
    private static final int DAYS_AROUND = 14;

    private final ProviderRepository providers;
    private final ScheduleRepository schedules;
    private final AppointmentRepository appointments;
    private final BookingConflictPolicy policy = new BookingConflictPolicy();

    Alternatives(ProviderRepository providers, ScheduleRepository schedules, AppointmentRepository appointments) {
        this.providers = providers;
        this.schedules = schedules;
        this.appointments = appointments;
    }

    BookingRefusedException refusal(
            RefusalReason reason,
            Business business,
            Service service,
            Instant requested,
            Optional<ProviderId> provider,
            Instant now) {
        ZoneId zone = business.zone();
        LocalDate day = requested.atZone(zone).toLocalDate();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate lastBookable =
                now.plus(business.policy().maximumAdvance()).atZone(zone).toLocalDate();
        LocalDate anchor = day.isBefore(today) ? today : day.isAfter(lastBookable) ? lastBookable : day;
        LocalDate from = later(today, anchor.minusDays(DAYS_AROUND));
        LocalDate to = earlier(lastBookable, anchor.plusDays(DAYS_AROUND));
        LoadedCalendar loaded =
                LoadedCalendar.load(business, from, to, now, Optional.empty(), providers, schedules, appointments);
        List<Alternative> nearest = policy.alternatives(
                loaded.calendar(),
                service,
                business.policy(),
                now,
                requested,
                provider,
                BookingConflictPolicy.DEFAULT_ALTERNATIVES);
        Map<ProviderId, String> names =
                loaded.providers().stream().collect(Collectors.toMap(Provider::id, Provider::displayName));
        return new BookingRefusedException(reason, nearest, zone, names);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
