package com.voiceappoint.domain.availability;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.domain.business.BookingPolicy;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Random schedules, checked three ways: against a brute-force oracle that tries every grid point, and against the
 * two invariants stated in the brief (no slot collides with busy time or leaves working hours; every free stretch
 * at least one slot step long yields a slot). Each failure names its seed, so it can be replayed.
 */
class AvailabilityEnginePropertyTest {
    private static final List<ZoneId> ZONES = List.of(
            ZoneId.of("Europe/Madrid"),
            ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Kathmandu"),
            ZoneId.of("Australia/Lord_Howe"), // a 30-minute DST shift
            ZoneId.of("UTC"));
    private static final int[] STEPS = {5, 10, 15, 20, 30, 60};
    private static final int SCHEDULES = 400;

    private final AvailabilityEngine engine = new AvailabilityEngine();

    @Test
    void engine_agrees_with_brute_force_on_random_schedules() {
        for (long seed = 1; seed <= SCHEDULES; seed++) {
            Scenario s = Scenario.random(new Random(seed));
            Set<String> expected = bruteForce(s);
            Set<String> actual = new TreeSet<>();
            List<AvailableSlot> slots = engine.findSlots(s.calendar, s.search, s.policy, s.now);
            for (AvailableSlot slot : slots) {
                assertThat(slot.providers())
                        .as("seed %d: providers listed once", seed)
                        .doesNotHaveDuplicates();
                slot.providers().forEach(p -> actual.add(key(slot.start(), p)));
            }
            assertThat(slots)
                    .as("seed %d: ascending, distinct starts", seed)
                    .isSortedAccordingTo((a, b) -> a.start().compareTo(b.start()))
                    .extracting(AvailableSlot::start)
                    .doesNotHaveDuplicates();
            assertThat(actual).as("seed %d: %s", seed, s).isEqualTo(expected);
        }
    }

    @Test
    void no_slot_overlaps_busy_time_or_leaves_working_hours() {
        for (long seed = 1; seed <= SCHEDULES; seed++) {
            Scenario s = Scenario.random(new Random(seed));
            for (AvailableSlot slot : engine.findSlots(s.calendar, s.search, s.policy, s.now)) {
                TimeRange time = new TimeRange(slot.start(), slot.end());
                TimeRange blocked = time.widen(s.service.bufferBefore(), s.service.bufferAfter());
                for (ProviderId provider : slot.providers()) {
                    assertThat(s.busy.get(provider))
                            .as("seed %d: %s busy around %s", seed, provider, slot)
                            .noneMatch(blocked::overlaps);
                    assertThat(workingRanges(s, provider))
                            .as("seed %d: %s works during %s", seed, provider, slot)
                            .anyMatch(range -> range.contains(time));
                }
            }
        }
    }

    @Test
    void every_free_stretch_of_at_least_one_step_yields_a_slot() {
        for (long seed = 1; seed <= SCHEDULES; seed++) {
            Scenario s = Scenario.random(new Random(seed));
            List<AvailableSlot> slots = engine.findSlots(s.calendar, s.search, s.policy, s.now);
            long step = s.policy.slotStep().toSeconds();
            for (ProviderAgenda agenda : AvailabilityEngine.eligibleAgendas(s.calendar, s.service, Optional.empty())) {
                for (long[] stretch : feasibleStarts(s, agenda.provider())) {
                    if (stretch[1] - stretch[0] < step) {
                        continue;
                    }
                    assertThat(slots)
                            .as(
                                    "seed %d: %s free from %s to %s",
                                    seed,
                                    agenda.provider(),
                                    Instant.ofEpochSecond(stretch[0]),
                                    Instant.ofEpochSecond(stretch[1]))
                            .anyMatch(slot -> slot.providers().contains(agenda.provider())
                                    && slot.start().getEpochSecond() >= stretch[0]
                                    && slot.start().getEpochSecond() <= stretch[1]);
                }
            }
        }
    }

    /** Every grid point of every window, checked one by one against every busy interval. */
    private static Set<String> bruteForce(Scenario s) {
        Set<String> result = new TreeSet<>();
        long earliest = s.now.getEpochSecond() + s.policy.minimumNotice().toSeconds();
        long latest = s.now.getEpochSecond() + s.policy.maximumAdvance().toSeconds();
        long step = s.policy.slotStep().toSeconds();
        long duration = s.service.duration().toSeconds();
        for (ProviderAgenda agenda : AvailabilityEngine.eligibleAgendas(s.calendar, s.service, Optional.empty())) {
            for (long[] window : windowsInSeconds(s, agenda.provider())) {
                for (long start = window[0]; start + duration <= window[1]; start += step) {
                    if (start < earliest || start > latest) {
                        continue;
                    }
                    TimeRange blocked = new TimeRange(
                                    Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + duration))
                            .widen(s.service.bufferBefore(), s.service.bufferAfter());
                    if (s.busy.get(agenda.provider()).stream().noneMatch(blocked::overlaps)) {
                        result.add(key(Instant.ofEpochSecond(start), agenda.provider()));
                    }
                }
            }
        }
        return result;
    }

    /** Maximal intervals [a, b] of starts that fit hours, notice, horizon and busy time, ignoring the grid. */
    private static List<long[]> feasibleStarts(Scenario s, ProviderId provider) {
        long earliest = s.now.getEpochSecond() + s.policy.minimumNotice().toSeconds();
        long latest = s.now.getEpochSecond() + s.policy.maximumAdvance().toSeconds();
        long duration = s.service.duration().toSeconds();
        long before = s.service.bufferBefore().toSeconds();
        long after = s.service.bufferAfter().toSeconds();
        List<long[]> result = new ArrayList<>();
        for (long[] window : windowsInSeconds(s, provider)) {
            List<long[]> pieces = new ArrayList<>();
            pieces.add(new long[] {Math.max(window[0], earliest), Math.min(window[1] - duration, latest)});
            for (TimeRange busy : s.busy.get(provider)) {
                // a start in (busyStart - duration - after, busyEnd + before) collides
                long from = busy.start().getEpochSecond() - duration - after;
                long to = busy.end().getEpochSecond() + before;
                List<long[]> next = new ArrayList<>();
                for (long[] p : pieces) {
                    if (to <= p[0] || from >= p[1]) {
                        next.add(p);
                        continue;
                    }
                    if (from >= p[0]) {
                        next.add(new long[] {p[0], from});
                    }
                    if (to <= p[1]) {
                        next.add(new long[] {to, p[1]});
                    }
                }
                pieces = next;
            }
            pieces.stream().filter(p -> p[0] <= p[1]).forEach(result::add);
        }
        return result;
    }

    private static List<TimeRange> workingRanges(Scenario s, ProviderId provider) {
        return windowsInSeconds(s, provider).stream()
                .map(w -> new TimeRange(Instant.ofEpochSecond(w[0]), Instant.ofEpochSecond(w[1])))
                .toList();
    }

    /** Working windows as instants, converted independently of the engine: ZonedDateTime plus the gap rule. */
    private static List<long[]> windowsInSeconds(Scenario s, ProviderId provider) {
        ProviderAgenda agenda = s.calendar.agendaOf(provider).orElseThrow();
        List<long[]> result = new ArrayList<>();
        for (LocalDate d = s.search.firstDay(); !d.isAfter(s.search.lastDay()); d = d.plusDays(1)) {
            for (OpeningWindow w : s.calendar.workingWindows(agenda, d)) {
                long open = instant(d.atTime(w.opens()), s.calendar.zone());
                long close = w.closesAtEndOfDay()
                        ? instant(d.plusDays(1).atStartOfDay(), s.calendar.zone())
                        : instant(d.atTime(w.closes()), s.calendar.zone());
                result.add(new long[] {open, close});
            }
        }
        return result;
    }

    private static long instant(LocalDateTime local, ZoneId zone) {
        ZonedDateTime zoned = ZonedDateTime.of(local, zone);
        if (!zoned.toLocalDateTime().equals(local)) {
            return zone.getRules().getTransition(local).getInstant().getEpochSecond();
        }
        return zoned.toEpochSecond();
    }

    private static String key(Instant start, ProviderId provider) {
        return start + " " + provider;
    }

    /** One random business: zone, hours, special days, 1-4 providers with bookings and time off. */
    private record Scenario(
            BookingCalendar calendar,
            SlotSearch search,
            Service service,
            BookingPolicy policy,
            Instant now,
            Map<ProviderId, List<TimeRange>> busy) {

        static Scenario random(Random r) {
            ZoneId zone = ZONES.get(r.nextInt(ZONES.size()));
            // around the year's DST changes as often as not
            LocalDate first = r.nextBoolean()
                    ? LocalDate.of(2026, 1, 1).plusDays(r.nextInt(365))
                    : pick(r, "2026-03-07", "2026-03-28", "2026-04-04", "2026-10-24", "2026-10-31");
            LocalDate last = first.plusDays(r.nextInt(5));
            Map<LocalDate, SpecialDay> specialDays = new HashMap<>();
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                if (r.nextInt(6) == 0) {
                    specialDays.put(d, new SpecialDay(Optional.empty(), d, randomWindows(r), ""));
                }
            }
            int providerCount = 1 + r.nextInt(4);
            List<ProviderAgenda> agendas = new ArrayList<>();
            Map<ProviderId, List<TimeRange>> busy = new HashMap<>();
            Set<ProviderId> performers = new java.util.HashSet<>();
            for (int i = 0; i < providerCount; i++) {
                ProviderId id = new ProviderId(new UUID(0, i + 1));
                if (r.nextInt(4) == 0) {
                    performers.add(id);
                }
                List<TimeRange> booked = randomRanges(r, zone, first, last, r.nextInt(12));
                List<Booking> bookings =
                        booked.stream().map(b -> new Booking(b.start(), b)).toList();
                List<TimeRange> timeOff = randomRanges(r, zone, first, last, r.nextInt(3));
                Map<LocalDate, SpecialDay> own = new HashMap<>();
                if (r.nextInt(5) == 0) {
                    own.put(first, new SpecialDay(Optional.of(id), first, randomWindows(r), ""));
                }
                Optional<WeeklyHours> hours = r.nextInt(3) == 0 ? Optional.of(randomWeek(r)) : Optional.empty();
                agendas.add(new ProviderAgenda(id, hours, own, bookings, timeOff));
                List<TimeRange> all = new ArrayList<>(booked);
                all.addAll(timeOff);
                busy.put(id, all);
            }
            Service service = Fixtures.service(
                    5 * (3 + r.nextInt(22)), 5 * r.nextInt(4), 5 * r.nextInt(4), performers.toArray(ProviderId[]::new));
            BookingPolicy policy = new BookingPolicy(
                    Duration.ofMinutes(STEPS[r.nextInt(STEPS.length)]),
                    Duration.ofMinutes(r.nextInt(4) * 45L),
                    Duration.ofDays(1 + r.nextInt(10)),
                    Duration.ZERO,
                    Duration.ofMinutes(5));
            Instant now = first.atStartOfDay(zone).toInstant().plusSeconds(r.nextInt(3 * 86_400) - 86_400L);
            BookingCalendar calendar = new BookingCalendar(zone, randomWeek(r), specialDays, agendas);
            return new Scenario(
                    calendar, new SlotSearch(service, first, last, Optional.empty()), service, policy, now, busy);
        }

        private static LocalDate pick(Random r, String... dates) {
            return LocalDate.parse(dates[r.nextInt(dates.length)]);
        }

        private static WeeklyHours randomWeek(Random r) {
            Map<DayOfWeek, List<OpeningWindow>> days = new EnumMap<>(DayOfWeek.class);
            for (DayOfWeek day : DayOfWeek.values()) {
                days.put(day, randomWindows(r));
            }
            return WeeklyHours.of(days);
        }

        /** 0-3 disjoint windows on a 15-minute grid, sometimes the whole day, sometimes ending at 24:00. */
        private static List<OpeningWindow> randomWindows(Random r) {
            if (r.nextInt(10) == 0) {
                return List.of(new OpeningWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT));
            }
            List<OpeningWindow> windows = new ArrayList<>();
            int minute = r.nextInt(12) * 15;
            for (int i = r.nextInt(4); i > 0 && minute < 1440 - 15; i--) {
                int opens = minute + r.nextInt(8) * 15;
                int closes = Math.min(1440, opens + 15 * (1 + r.nextInt(40)));
                if (opens >= 1440) {
                    break;
                }
                windows.add(new OpeningWindow(time(opens), closes == 1440 ? LocalTime.MIDNIGHT : time(closes)));
                minute = closes + 15;
            }
            return windows;
        }

        private static LocalTime time(int minute) {
            return LocalTime.of(minute / 60, minute % 60);
        }

        private static List<TimeRange> randomRanges(Random r, ZoneId zone, LocalDate first, LocalDate last, int count) {
            List<TimeRange> ranges = new ArrayList<>();
            long from = first.atStartOfDay(zone).toEpochSecond();
            long span = last.plusDays(1).atStartOfDay(zone).toEpochSecond() - from;
            for (int i = 0; i < count; i++) {
                long start = from + 300L * r.nextInt((int) (span / 300));
                ranges.add(new TimeRange(
                        Instant.ofEpochSecond(start), Instant.ofEpochSecond(start + 300L * (1 + r.nextInt(36)))));
            }
            return ranges;
        }
    }
}
