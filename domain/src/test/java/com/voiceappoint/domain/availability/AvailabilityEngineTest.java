package com.voiceappoint.domain.availability;

import static com.voiceappoint.domain.availability.Fixtures.ANA;
import static com.voiceappoint.domain.availability.Fixtures.BEA;
import static com.voiceappoint.domain.availability.Fixtures.CARLOS;
import static com.voiceappoint.domain.availability.Fixtures.at;
import static com.voiceappoint.domain.availability.Fixtures.calendar;
import static com.voiceappoint.domain.availability.Fixtures.policy;
import static com.voiceappoint.domain.availability.Fixtures.service;
import static com.voiceappoint.domain.availability.Fixtures.stepOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.voiceappoint.domain.business.BookingPolicy;
import com.voiceappoint.domain.catalog.Service;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AvailabilityEngineTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId KATHMANDU = ZoneId.of("Asia/Kathmandu");
    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("HH:mmxxx");
    private static final String DAY = "2026-12-01";
    private static final Instant LONG_BEFORE = at(MADRID, "2026-11-21T10:00");

    private final AvailabilityEngine engine = new AvailabilityEngine();

    /** name, calendar, service, policy, now, day, expected local starts ("HH:mm", or "HH:mm+hh:mm" on DST days) */
    static Stream<Arguments> schedules() {
        return Stream.of(
                arguments(
                        "one window, 30-minute service on a 15-minute grid",
                        calendar(MADRID).open("09:00-11:00").provider(ANA).build(),
                        service(30),
                        stepOnly(15),
                        LONG_BEFORE,
                        DAY,
                        every(15, "09:00", "10:30")),
                arguments(
                        "a lunch break is two windows and no slot straddles it",
                        calendar(MADRID)
                                .open("09:00-10:00", "11:00-12:00")
                                .provider(ANA)
                                .build(),
                        service(60),
                        stepOnly(30),
                        LONG_BEFORE,
                        DAY,
                        List.of("09:00", "11:00")),
                arguments(
                        "back-to-back appointments touch without overlapping",
                        calendar(MADRID)
                                .open("09:00-12:00")
                                .provider(ANA)
                                .booked(DAY + "T10:00", DAY + "T11:00")
                                .build(),
                        service(60),
                        stepOnly(60),
                        LONG_BEFORE,
                        DAY,
                        List.of("09:00", "11:00")),
                arguments(
                        "buffers that touch are allowed, buffers that overlap are not",
                        calendar(MADRID)
                                .open("09:00-12:00")
                                .provider(ANA)
                                .booked(DAY + "T10:00", DAY + "T10:40")
                                .build(),
                        service(30, 5, 5),
                        stepOnly(5),
                        LONG_BEFORE,
                        DAY,
                        concat(every(5, "09:00", "09:25"), every(5, "10:45", "11:30"))),
                arguments(
                        "buffers may reach outside opening hours, the appointment may not",
                        calendar(MADRID).open("09:00-10:00").provider(ANA).build(),
                        service(30, 15, 15),
                        stepOnly(30),
                        LONG_BEFORE,
                        DAY,
                        List.of("09:00", "09:30")),
                arguments(
                        "a closure leaves the day empty",
                        calendar(MADRID)
                                .open("09:00-17:00")
                                .closedOn(DAY)
                                .provider(ANA)
                                .build(),
                        service(30),
                        stepOnly(15),
                        LONG_BEFORE,
                        DAY,
                        List.of()),
                arguments(
                        "special hours replace the weekly ones",
                        calendar(MADRID)
                                .open("09:00-17:00")
                                .specialHours(DAY, "10:00-11:00")
                                .provider(ANA)
                                .build(),
                        service(30),
                        stepOnly(30),
                        LONG_BEFORE,
                        DAY,
                        List.of("10:00", "10:30")),
                arguments(
                        "a provider's own hours narrow the business's",
                        calendar(MADRID)
                                .open("09:00-17:00")
                                .provider(ANA)
                                .works("12:00-14:00", "16:30-20:00")
                                .build(),
                        service(60),
                        stepOnly(30),
                        LONG_BEFORE,
                        DAY,
                        List.of("12:00", "12:30", "13:00")),
                arguments(
                        "a provider's day off",
                        calendar(MADRID)
                                .open("09:00-17:00")
                                .provider(ANA)
                                .dayOff(DAY)
                                .build(),
                        service(30),
                        stepOnly(30),
                        LONG_BEFORE,
                        DAY,
                        List.of()),
                arguments(
                        "time off blocks like an appointment",
                        calendar(MADRID)
                                .open("09:00-11:00")
                                .provider(ANA)
                                .away(DAY + "T08:00", DAY + "T10:00")
                                .build(),
                        service(30),
                        stepOnly(30),
                        LONG_BEFORE,
                        DAY,
                        List.of("10:00", "10:30")),
                arguments(
                        "minimum notice: nothing before now + 1h, then the grid resumes",
                        calendar(MADRID).open("09:00-12:00").provider(ANA).build(),
                        service(30),
                        policy(15, Duration.ofHours(1), Duration.ofDays(90)),
                        at(MADRID, DAY + "T09:10"),
                        DAY,
                        every(15, "10:15", "11:30")),
                arguments(
                        "maximum advance: nothing after now + 1 day",
                        calendar(MADRID).open("09:00-12:00").provider(ANA).build(),
                        service(30),
                        policy(30, Duration.ZERO, Duration.ofDays(1)),
                        at(MADRID, "2026-11-30T10:00"),
                        DAY,
                        List.of("09:00", "09:30", "10:00")),
                arguments(
                        "Madrid spring forward: no slot in the missing hour",
                        calendar(MADRID).open("00:00-24:00").provider(ANA).build(),
                        service(60),
                        stepOnly(60),
                        LONG_BEFORE.minus(Duration.ofDays(300)),
                        "2026-03-29",
                        concat(List.of("00:00+01:00", "01:00+01:00"), hourly("+02:00", 3, 23))),
                arguments(
                        "Madrid spring forward: a window closing inside the gap closes when the clocks jump",
                        calendar(MADRID).open("01:00-02:30").provider(ANA).build(),
                        service(30),
                        stepOnly(30),
                        LONG_BEFORE.minus(Duration.ofDays(300)),
                        "2026-03-29",
                        List.of("01:00+01:00", "01:30+01:00")),
                arguments(
                        "Madrid fall back: the repeated hour is offered once per real instant",
                        calendar(MADRID).open("00:00-04:00").provider(ANA).build(),
                        service(60),
                        stepOnly(60),
                        LONG_BEFORE.minus(Duration.ofDays(60)),
                        "2026-10-25",
                        List.of("00:00+02:00", "01:00+02:00", "02:00+02:00", "02:00+01:00", "03:00+01:00")),
                arguments(
                        "New York spring forward: 02:00-03:00 does not exist",
                        calendar(NEW_YORK).open("01:00-04:00").provider(ANA).build(),
                        service(30),
                        stepOnly(30),
                        LONG_BEFORE.minus(Duration.ofDays(300)),
                        "2026-03-08",
                        List.of("01:00-05:00", "01:30-05:00", "03:00-04:00", "03:30-04:00")),
                arguments(
                        "New York fall back: 01:00 happens twice, each once",
                        calendar(NEW_YORK).open("00:00-03:00").provider(ANA).build(),
                        service(60),
                        stepOnly(60),
                        LONG_BEFORE.minus(Duration.ofDays(30)),
                        "2026-11-01",
                        List.of("00:00-04:00", "01:00-04:00", "01:00-05:00", "02:00-05:00")),
                arguments(
                        "a business at +05:45 (Kathmandu) opens at its own 10:00",
                        calendar(KATHMANDU).open("10:00-11:00").provider(ANA).build(),
                        service(30),
                        stepOnly(30),
                        LONG_BEFORE,
                        DAY,
                        List.of("10:00+05:45", "10:30+05:45")),
                arguments(
                        "a service nobody performs has no slots",
                        calendar(MADRID).open("09:00-17:00").provider(ANA).build(),
                        service(30, 0, 0, BEA),
                        stepOnly(30),
                        LONG_BEFORE,
                        DAY,
                        List.of()),
                arguments(
                        "a window shorter than the service offers nothing",
                        calendar(MADRID).open("09:00-09:20").provider(ANA).build(),
                        service(30),
                        stepOnly(5),
                        LONG_BEFORE,
                        DAY,
                        List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("schedules")
    void offers_exactly_the_expected_starts(
            String name,
            BookingCalendar calendar,
            Service service,
            BookingPolicy policy,
            Instant now,
            String day,
            List<String> expected) {
        List<AvailableSlot> slots =
                engine.findSlots(calendar, SlotSearch.day(service, LocalDate.parse(day)), policy, now);

        boolean withOffsets = expected.stream().anyMatch(s -> s.length() > 5);
        assertThat(slots)
                .extracting(slot -> render(slot.start(), calendar.zone(), withOffsets))
                .containsExactlyElementsOf(expected);
        assertThat(slots)
                .allSatisfy(slot ->
                        assertThat(Duration.between(slot.start(), slot.end())).isEqualTo(service.duration()));
    }

    @Test
    void fall_back_day_offers_twenty_five_distinct_hours() {
        var calendar = calendar(MADRID).open("00:00-24:00").provider(ANA).build();
        List<AvailableSlot> slots = engine.findSlots(
                calendar,
                SlotSearch.day(service(60), LocalDate.parse("2026-10-25")),
                stepOnly(60),
                LONG_BEFORE.minus(Duration.ofDays(60)));

        assertThat(slots).hasSize(25);
        assertThat(new HashSet<>(slots.stream().map(AvailableSlot::start).toList()))
                .hasSize(25);
        assertThat(slots).isSortedAccordingTo((a, b) -> a.start().compareTo(b.start()));
    }

    @Test
    void spring_forward_day_offers_twenty_three_hours() {
        var calendar = calendar(NEW_YORK).open("00:00-24:00").provider(ANA).build();
        List<AvailableSlot> slots = engine.findSlots(
                calendar,
                SlotSearch.day(service(60), LocalDate.parse("2026-03-08")),
                stepOnly(60),
                LONG_BEFORE.minus(Duration.ofDays(300)));

        assertThat(slots).hasSize(23);
        assertThat(slots).noneMatch(s -> s.start().atZone(NEW_YORK).getHour() == 2);
    }

    @Test
    void every_free_provider_is_listed_and_equal_load_keeps_the_business_order() {
        var calendar = calendar(MADRID)
                .open("09:00-10:00")
                .provider(BEA)
                .provider(ANA)
                .provider(CARLOS)
                .booked(DAY + "T09:00", DAY + "T09:30")
                .build();

        List<AvailableSlot> slots = engine.findSlots(
                calendar, SlotSearch.day(service(30), LocalDate.parse(DAY)), stepOnly(30), LONG_BEFORE);

        assertThat(slots).hasSize(2);
        assertThat(slots.get(0).providers()).containsExactly(BEA, ANA);
        // Carlos has one appointment that day already, so he comes last at 09:30
        assertThat(slots.get(1).providers()).containsExactly(BEA, ANA, CARLOS);
    }

    @Test
    void any_provider_prefers_the_least_booked_that_day() {
        var calendar = calendar(MADRID)
                .open("09:00-18:00")
                .provider(ANA)
                .booked(DAY + "T09:00", DAY + "T10:00")
                .booked(DAY + "T11:00", DAY + "T12:00")
                .provider(BEA)
                .booked(DAY + "T13:00", DAY + "T14:00")
                .booked("2026-12-02T09:00", "2026-12-02T10:00")
                .booked("2026-12-02T10:00", "2026-12-02T11:00")
                .build();

        var search = new SlotSearch(service(60), LocalDate.parse(DAY), LocalDate.parse("2026-12-02"), Optional.empty());
        List<AvailableSlot> slots = engine.findSlots(calendar, search, stepOnly(60), LONG_BEFORE);

        AvailableSlot firstDayAt15 = slotAt(slots, at(MADRID, DAY + "T15:00"));
        AvailableSlot secondDayAt15 = slotAt(slots, at(MADRID, "2026-12-02T15:00"));
        assertThat(firstDayAt15.providers()).containsExactly(BEA, ANA);
        assertThat(secondDayAt15.providers()).containsExactly(ANA, BEA);
    }

    @Test
    void one_provider_only_when_asked() {
        var calendar =
                calendar(MADRID).open("09:00-10:00").provider(ANA).provider(BEA).build();
        var search = new SlotSearch(service(60), LocalDate.parse(DAY), LocalDate.parse(DAY), Optional.of(BEA));

        assertThat(engine.findSlots(calendar, search, stepOnly(60), LONG_BEFORE))
                .singleElement()
                .satisfies(slot -> assertThat(slot.providers()).containsExactly(BEA));
    }

    @Test
    void a_range_of_days_is_continuous_and_ordered() {
        var calendar = calendar(MADRID).open("09:00-10:00").provider(ANA).build();
        var search = new SlotSearch(service(60), LocalDate.parse(DAY), LocalDate.parse("2026-12-07"), Optional.empty());

        List<AvailableSlot> slots = engine.findSlots(calendar, search, stepOnly(60), LONG_BEFORE);

        assertThat(slots).hasSize(7);
        assertThat(slots).isSortedAccordingTo((a, b) -> a.start().compareTo(b.start()));
    }

    private static AvailableSlot slotAt(List<AvailableSlot> slots, Instant start) {
        return slots.stream().filter(s -> s.start().equals(start)).findFirst().orElseThrow();
    }

    private static String render(Instant instant, ZoneId zone, boolean withOffset) {
        var local = instant.atZone(zone);
        return withOffset ? local.format(WITH_OFFSET) : local.toLocalTime().toString();
    }

    private static List<String> every(int minutes, String first, String last) {
        List<String> result = new ArrayList<>();
        for (LocalTime t = LocalTime.parse(first); !t.isAfter(LocalTime.parse(last)); t = t.plusMinutes(minutes)) {
            result.add(t.toString());
        }
        return result;
    }

    private static List<String> hourly(String offset, int firstHour, int lastHour) {
        List<String> result = new ArrayList<>();
        for (int h = firstHour; h <= lastHour; h++) {
            result.add("%02d:00%s".formatted(h, offset));
        }
        return result;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> result = new ArrayList<>(a);
        result.addAll(b);
        return result;
    }

    @Test
    void an_appointment_counts_towards_its_own_day_even_when_its_buffer_starts_the_day_before() {
        // Bea's 00:10 appointment has 20 minutes of preparation from 23:50 the day before: it is hers that day
        var bea = new ProviderAgenda(
                BEA,
                Optional.empty(),
                Map.of(),
                List.of(new Booking(
                        at(MADRID, DAY + "T00:10"), Fixtures.range(MADRID, "2026-11-30T23:50", DAY + "T01:00"))),
                List.of());
        var calendar = new BookingCalendar(
                MADRID, Fixtures.everyDay("00:00-24:00"), Map.of(), List.of(bea, ProviderAgenda.free(ANA)));

        AvailableSlot noon = slotAt(
                engine.findSlots(
                        calendar, SlotSearch.day(service(60), LocalDate.parse(DAY)), stepOnly(60), LONG_BEFORE),
                at(MADRID, DAY + "T12:00"));

        assertThat(noon.providers()).containsExactly(ANA, BEA);
    }

    /** name, calendar, service, policy, now, the reason expected for the empty day */
    static Stream<Arguments> emptyDays() {
        return Stream.of(
                arguments(
                        "every time is taken",
                        calendar(MADRID)
                                .open("09:00-10:00")
                                .provider(ANA)
                                .booked(DAY + "T09:00", DAY + "T10:00")
                                .build(),
                        service(30),
                        stepOnly(15),
                        LONG_BEFORE,
                        NoSlotsReason.FULLY_BOOKED),
                arguments(
                        "a closure",
                        calendar(MADRID)
                                .open("09:00-17:00")
                                .closedOn(DAY)
                                .provider(ANA)
                                .build(),
                        service(30),
                        stepOnly(15),
                        LONG_BEFORE,
                        NoSlotsReason.CLOSED),
                arguments(
                        "a weekday the business does not open",
                        calendar(MADRID).provider(ANA).build(),
                        service(30),
                        stepOnly(15),
                        LONG_BEFORE,
                        NoSlotsReason.CLOSED),
                arguments(
                        "the business opens but its only performer has the day off",
                        calendar(MADRID)
                                .open("09:00-17:00")
                                .provider(ANA)
                                .dayOff(DAY)
                                .build(),
                        service(30),
                        stepOnly(15),
                        LONG_BEFORE,
                        NoSlotsReason.NOBODY_WORKING),
                arguments(
                        "the business opens but its performer works other hours",
                        calendar(MADRID)
                                .hours(Fixtures.everyDay("09:00-13:00"))
                                .provider(ANA)
                                .works("16:00-20:00")
                                .build(),
                        service(30),
                        stepOnly(15),
                        LONG_BEFORE,
                        NoSlotsReason.NOBODY_WORKING),
                arguments(
                        "a window too short for the service",
                        calendar(MADRID).open("09:00-09:20").provider(ANA).build(),
                        service(30),
                        stepOnly(15),
                        LONG_BEFORE,
                        NoSlotsReason.SERVICE_TOO_LONG),
                arguments(
                        "the day is over",
                        calendar(MADRID).open("09:00-17:00").provider(ANA).build(),
                        service(30),
                        stepOnly(15),
                        at(MADRID, DAY + "T20:00"),
                        NoSlotsReason.IN_THE_PAST),
                arguments(
                        "what is left of the day is within the minimum notice",
                        calendar(MADRID).open("09:00-17:00").provider(ANA).build(),
                        service(30),
                        policy(15, Duration.ofHours(2), Duration.ofDays(90)),
                        at(MADRID, DAY + "T16:00"),
                        NoSlotsReason.TOO_SOON),
                arguments(
                        "beyond the booking horizon",
                        calendar(MADRID).open("09:00-17:00").provider(ANA).build(),
                        service(30),
                        policy(15, Duration.ZERO, Duration.ofDays(5)),
                        LONG_BEFORE,
                        NoSlotsReason.TOO_FAR_IN_ADVANCE),
                arguments(
                        "nobody working performs the service",
                        calendar(MADRID).open("09:00-17:00").provider(ANA).build(),
                        service(30, 0, 0, BEA),
                        stepOnly(15),
                        LONG_BEFORE,
                        NoSlotsReason.NOBODY_PERFORMS));
    }

    @Test
    void the_provider_asked_for_being_off_or_not_performing_is_not_blamed_on_everyone() {
        var calendar = calendar(MADRID)
                .open("09:00-17:00")
                .provider(ANA)
                .dayOff(DAY)
                .provider(BEA)
                .build();
        LocalDate day = LocalDate.parse(DAY);
        Service byAnaOnly = service(30, 0, 0, ANA);

        assertThat(engine.whyNone(
                        calendar, new SlotSearch(service(30), day, day, Optional.of(ANA)), stepOnly(15), LONG_BEFORE))
                .isEqualTo(NoSlotsReason.PROVIDER_NOT_WORKING);
        assertThat(engine.whyNone(
                        calendar, new SlotSearch(byAnaOnly, day, day, Optional.of(BEA)), stepOnly(15), LONG_BEFORE))
                .isEqualTo(NoSlotsReason.PROVIDER_DOES_NOT_PERFORM);
        assertThat(engine.whyNone(calendar, SlotSearch.day(byAnaOnly, day), stepOnly(15), LONG_BEFORE))
                .isEqualTo(NoSlotsReason.NOBODY_WORKING);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyDays")
    void an_empty_day_says_why(
            String name,
            BookingCalendar calendar,
            Service service,
            BookingPolicy policy,
            Instant now,
            NoSlotsReason expected) {
        SlotSearch search = SlotSearch.day(service, LocalDate.parse(DAY));

        assertThat(engine.findSlots(calendar, search, policy, now)).isEmpty();
        assertThat(engine.whyNone(calendar, search, policy, now)).isEqualTo(expected);
    }
}
