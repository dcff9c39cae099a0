package com.voiceappoint.domain.availability;

import com.voiceappoint.domain.business.BookingPolicy;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Small builders so each test reads as the schedule it describes. */
final class Fixtures {
    static final BusinessId BUSINESS = new BusinessId(UUID.fromString("00000000-0000-0000-0000-0000000000b1"));
    static final ProviderId ANA = new ProviderId(UUID.fromString("00000000-0000-0000-0000-00000000000a"));
    static final ProviderId BEA = new ProviderId(UUID.fromString("00000000-0000-0000-0000-00000000000b"));
    static final ProviderId CARLOS = new ProviderId(UUID.fromString("00000000-0000-0000-0000-00000000000c"));

    private Fixtures() {}

    static Service service(int minutes) {
        return service(minutes, 0, 0);
    }

    static Service service(int minutes, int bufferBefore, int bufferAfter, ProviderId... performedBy) {
        return new Service(
                ServiceId.random(),
                BUSINESS,
                Optional.empty(),
                "Service " + minutes,
                "",
                Duration.ofMinutes(minutes),
                Money.of("30.00", "EUR"),
                Duration.ofMinutes(bufferBefore),
                Duration.ofMinutes(bufferAfter),
                true,
                true,
                Set.of(performedBy),
                Optional.empty());
    }

    static BookingPolicy policy(int stepMinutes, Duration notice, Duration advance) {
        return new BookingPolicy(
                Duration.ofMinutes(stepMinutes), notice, advance, Duration.ofHours(24), Duration.ofMinutes(5));
    }

    static BookingPolicy stepOnly(int stepMinutes) {
        return policy(stepMinutes, Duration.ZERO, Duration.ofDays(365));
    }

    static WeeklyHours everyDay(String... windows) {
        return WeeklyHours.sameOn(Arrays.asList(DayOfWeek.values()), windows(windows));
    }

    static List<OpeningWindow> windows(String... windows) {
        List<OpeningWindow> result = new ArrayList<>();
        for (String w : windows) {
            String[] parts = w.split("-");
            result.add(OpeningWindow.of(parts[0], parts[1]));
        }
        return result;
    }

    static Instant at(ZoneId zone, String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    static TimeRange range(ZoneId zone, String from, String to) {
        return new TimeRange(at(zone, from), at(zone, to));
    }

    /** A fluent calendar: {@code calendar(zone).open("09:00-17:00").provider(ANA).booked(...).build()}. */
    static CalendarBuilder calendar(ZoneId zone) {
        return new CalendarBuilder(zone);
    }

    static final class CalendarBuilder {
        private final ZoneId zone;
        private WeeklyHours hours = WeeklyHours.CLOSED;
        private final Map<LocalDate, SpecialDay> specialDays = new HashMap<>();
        private final List<ProviderBuilder> providers = new ArrayList<>();

        CalendarBuilder(ZoneId zone) {
            this.zone = zone;
        }

        CalendarBuilder open(String... windows) {
            hours = everyDay(windows);
            return this;
        }

        CalendarBuilder hours(WeeklyHours weekly) {
            hours = weekly;
            return this;
        }

        CalendarBuilder closedOn(String date) {
            specialDays.put(LocalDate.parse(date), SpecialDay.closure(LocalDate.parse(date), "holiday"));
            return this;
        }

        CalendarBuilder specialHours(String date, String... windows) {
            LocalDate day = LocalDate.parse(date);
            specialDays.put(day, new SpecialDay(Optional.empty(), day, windows(windows), ""));
            return this;
        }

        ProviderBuilder provider(ProviderId id) {
            ProviderBuilder builder = new ProviderBuilder(this, id);
            providers.add(builder);
            return builder;
        }

        BookingCalendar build() {
            List<ProviderAgenda> agendas = new ArrayList<>();
            for (ProviderBuilder p : providers) {
                agendas.add(new ProviderAgenda(p.id, p.hours, p.specialDays, p.bookings, p.timeOff));
            }
            return new BookingCalendar(zone, hours, specialDays, agendas);
        }
    }

    static final class ProviderBuilder {
        private final CalendarBuilder parent;
        private final ProviderId id;
        private Optional<WeeklyHours> hours = Optional.empty();
        private final Map<LocalDate, SpecialDay> specialDays = new HashMap<>();
        private final List<Booking> bookings = new ArrayList<>();
        private final List<TimeRange> timeOff = new ArrayList<>();

        ProviderBuilder(CalendarBuilder parent, ProviderId id) {
            this.parent = parent;
            this.id = id;
        }

        ProviderBuilder works(String... windows) {
            hours = Optional.of(everyDay(windows));
            return this;
        }

        ProviderBuilder dayOff(String date) {
            LocalDate day = LocalDate.parse(date);
            specialDays.put(day, new SpecialDay(Optional.of(id), day, List.of(), "day off"));
            return this;
        }

        /** A blocked range, buffers included, in local time of the business. */
        ProviderBuilder booked(String from, String to) {
            TimeRange blocked = range(parent.zone, from, to);
            bookings.add(new Booking(blocked.start(), blocked));
            return this;
        }

        ProviderBuilder away(String from, String to) {
            timeOff.add(range(parent.zone, from, to));
            return this;
        }

        ProviderBuilder provider(ProviderId next) {
            return parent.provider(next);
        }

        BookingCalendar build() {
            return parent.build();
        }
    }
}
