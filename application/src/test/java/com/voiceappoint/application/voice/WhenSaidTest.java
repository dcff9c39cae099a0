package com.voiceappoint.application.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Today is Monday 23 November 2026 unless a test says otherwise. */
class WhenSaidTest {
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-23");

    private static WhenSaid read(String said, LocalDate today) {
        return WhenSaid.read(said, today).orElseThrow(() -> new AssertionError("not understood: " + said));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "hoy, 2026-11-23",
        "Hoy mismo, 2026-11-23",
        "today, 2026-11-23",
        "mañana, 2026-11-24",
        "Mañana, 2026-11-24",
        "manana, 2026-11-24",
        "tomorrow, 2026-11-24",
        "pasado mañana, 2026-11-25",
        "the day after tomorrow, 2026-11-25",
        "day after tomorrow, 2026-11-25",
        "el martes, 2026-11-24",
        "Tuesday, 2026-11-24",
        "on tue, 2026-11-24",
        "el miércoles, 2026-11-25",
        "el miercoles, 2026-11-25",
        "el sábado, 2026-11-28",
        "el lunes, 2026-11-30",
        "Monday, 2026-11-30",
        "el próximo viernes, 2026-11-27",
        "el viernes que viene, 2026-11-27",
        "next Friday, 2026-11-27",
        "this Friday, 2026-11-27",
        "el martes de la semana que viene, 2026-12-01",
        "el martes de la próxima semana, 2026-12-01",
        "Tuesday next week, 2026-12-01",
        "next week on Monday, 2026-11-30",
        "el miércoles 16, 2026-12-16",
        "el 24, 2026-11-24",
        "el 23, 2026-11-23",
        "el día 1, 2026-12-01",
        "24 de diciembre, 2026-12-24",
        "December 24th, 2026-12-24",
        "the 3rd of January, 2027-01-03",
        "1 de enero de 2027, 2027-01-01",
        "2026-11-24, 2026-11-24",
    })
    void a_day_said_in_spanish_or_english_is_a_date(String said, LocalDate expected) {
        WhenSaid when = read(said, MONDAY);

        assertThat(when.date()).contains(expected);
        assertThat(when.time()).isEmpty();
    }

    @Test
    void a_weekday_said_on_that_weekday_is_next_week_s_and_today_is_hoy() {
        LocalDate tuesday = LocalDate.parse("2026-11-24");

        assertThat(read("el martes", tuesday).date()).contains(LocalDate.parse("2026-12-01"));
        assertThat(read("next Tuesday", tuesday).date()).contains(LocalDate.parse("2026-12-01"));
        assertThat(read("hoy", tuesday).date()).contains(tuesday);
        assertThat(read("el 24", tuesday).date())
                .as("a day of the month may be today")
                .contains(tuesday);
    }

    @ParameterizedTest(name = "{0} is {1} in the {2}")
    @CsvSource({
        "esta tarde, 2026-11-23, AFTERNOON",
        "this afternoon, 2026-11-23, AFTERNOON",
        "this morning, 2026-11-23, MORNING",
        "esta mañana, 2026-11-23, MORNING",
        "esta noche, 2026-11-23, EVENING",
        "tonight, 2026-11-23, EVENING",
        "tomorrow morning, 2026-11-24, MORNING",
        "mañana por la mañana, 2026-11-24, MORNING",
        "mañana por la tarde, 2026-11-24, AFTERNOON",
        "el viernes por la noche, 2026-11-27, EVENING",
        "next Friday afternoon, 2026-11-27, AFTERNOON",
    })
    void a_day_and_a_part_of_it_are_both_read(String said, LocalDate day, DayPart part) {
        WhenSaid when = read(said, MONDAY);

        assertThat(when.date()).contains(day);
        assertThat(when.part()).contains(part);
    }

    @Test
    void a_part_of_the_day_alone_names_no_day() {
        WhenSaid when = read("por la tarde", MONDAY);

        assertThat(when.date()).isEmpty();
        assertThat(when.part()).contains(DayPart.AFTERNOON);
    }

    @ParameterizedTest(name = "{0} is {1} at {2}")
    @CsvSource({
        "2026-11-24T16:00, 2026-11-24, 16:00",
        "2026-11-24 16:00:00, 2026-11-24, 16:00",
        "mañana a las 16:00, 2026-11-24, 16:00",
        "mañana 16h30, 2026-11-24, 16:30",
        "pasado mañana a las 10:30, 2026-11-25, 10:30",
        "el martes a las 5 de la tarde, 2026-11-24, 17:00",
        "mañana a las 9, 2026-11-24, 09:00",
        "tomorrow at 4pm, 2026-11-24, 16:00",
        "tomorrow at 4.30 p.m., 2026-11-24, 16:30",
        "next Friday at 4 in the afternoon, 2026-11-27, 16:00",
        "tomorrow at 12pm, 2026-11-24, 12:00",
        "el miércoles 16 a las 10:15, 2026-12-16, 10:15",
        "2026-11-24 a las 11:30, 2026-11-24, 11:30",
    })
    void a_day_and_a_time_are_a_moment(String said, LocalDate day, LocalTime time) {
        WhenSaid when = read(said, MONDAY);

        assertThat(when.date()).contains(day);
        assertThat(when.time()).contains(time);
    }

    @Test
    void a_time_alone_names_no_day() {
        assertThat(read("16:00", MONDAY).date()).isEmpty();
        assertThat(read("16:00", MONDAY).time()).contains(LocalTime.of(16, 0));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Tusday", "next month", "cuando pueda", "2026-02-30", "2026-13-01", "el 31 de febrero"})
    void what_names_no_day_is_not_understood(String said) {
        assertThat(WhenSaid.read(said, MONDAY)).isEmpty();
    }

    @Test
    void a_time_the_clocks_jump_over_is_a_gap_and_a_time_they_go_back_over_is_not() {
        ZoneId madrid = ZoneId.of("Europe/Madrid");

        Optional<ClockGap> spring = ClockGap.of(LocalDateTime.parse("2027-03-28T02:30"), madrid);
        assertThat(spring).hasValueSatisfying(gap -> {
            assertThat(gap.jumpsFrom()).isEqualTo(LocalDateTime.parse("2027-03-28T02:00"));
            assertThat(gap.jumpsTo()).isEqualTo(LocalDateTime.parse("2027-03-28T03:00"));
            assertThat(gap.at()).isEqualTo(java.time.Instant.parse("2027-03-28T01:00:00Z"));
        });
        assertThat(ClockGap.of(LocalDateTime.parse("2027-03-28T01:30"), ZoneId.of("Europe/London")))
                .as("London goes forward at 01:00")
                .isPresent();
        assertThat(ClockGap.of(LocalDateTime.parse("2027-03-28T03:00"), madrid)).isEmpty();
        assertThat(ClockGap.of(LocalDateTime.parse("2027-10-31T02:30"), madrid))
                .as("in autumn 02:30 happens twice, but it happens")
                .isEmpty();
        assertThat(ClockGap.of(LocalDateTime.parse("2027-03-14T02:30"), ZoneId.of("America/New_York")))
                .isPresent();
    }
}
