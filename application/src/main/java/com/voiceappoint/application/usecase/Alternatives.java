package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.BookingRefusedException;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.ScheduleRepository;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.availability.Alternative;
import com.voiceappoint.domain.availability.BookingConflictPolicy;
import com.voiceappoint.domain.availability.RefusalReason;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import java.time.Instant;
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
    private final ProviderRepository providers;
    private final ScheduleRepository schedules;
    private final AppointmentRepository appointments;
    private final BookingConflictPolicy policy = new BookingConflictPolicy();

    Alternatives(ProviderRepository providers, ScheduleRepository schedules, AppointmentRepository appointments) {
        this.providers = providers;
        this.schedules = schedules;
        this.appointments = appointments;
    }

    /** {@code moving}, when a booking is being moved: its own current time counts as free. */
    BookingRefusedException refusal(
            RefusalReason reason,
            Business business,
            Service service,
            Instant requested,
            Optional<ProviderId> provider,
            Instant now,
            Optional<AppointmentId> moving) {
        ZoneId zone = business.zone();
        Optional<BookingConflictPolicy.DayRange> days = BookingConflictPolicy.alternativeDays(
                        zone, business.policy(), now, requested)
                .covering();
        if (days.isEmpty()) {
            return new BookingRefusedException(reason, List.of(), zone, Map.of());
        }
        LoadedCalendar loaded = LoadedCalendar.load(
                business, days.get().first(), days.get().last(), now, moving, providers, schedules, appointments);
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
}
