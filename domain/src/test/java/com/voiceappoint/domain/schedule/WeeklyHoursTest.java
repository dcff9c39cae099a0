package com.voiceappoint.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.domain.shared.InvalidValueException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WeeklyHoursTest {
    @Test
    void windows_are_sorted_and_touching_ones_merged() {
        WeeklyHours hours = WeeklyHours.of(Map.of(
                DayOfWeek.MONDAY,
                List.of(
                        OpeningWindow.of("15:00", "19:00"),
                        OpeningWindow.of("09:00", "13:00"),
                        OpeningWindow.of("13:00", "14:00"))));

        assertThat(hours.on(DayOfWeek.MONDAY))
                .containsExactly(OpeningWindow.of("09:00", "14:00"), OpeningWindow.of("15:00", "19:00"));
        assertThat(hours.on(DayOfWeek.TUESDAY)).isEmpty();
    }

    @Test
    void overlapping_windows_are_refused() {
        assertThatThrownBy(() -> WeeklyHours.of(Map.of(
                        DayOfWeek.MONDAY,
                        List.of(OpeningWindow.of("09:00", "13:00"), OpeningWindow.of("12:00", "14:00")))))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void midnight_closes_the_day() {
        OpeningWindow lateShift = OpeningWindow.of("18:00", "24:00");

        assertThat(lateShift.closesAtEndOfDay()).isTrue();
        assertThat(lateShift.closingMinute()).isEqualTo(1440);
        assertThat(new OpeningWindow(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT)
                        .length()
                        .toHours())
                .isEqualTo(24);
        assertThat(lateShift.toString()).isEqualTo("18:00-24:00");
    }

    @Test
    void windows_must_close_after_they_open_and_be_whole_minutes() {
        assertThatThrownBy(() -> OpeningWindow.of("13:00", "09:00")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> OpeningWindow.of("25:00", "26:00")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> OpeningWindow.of("9:00", "10:00")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new OpeningWindow(LocalTime.of(9, 0, 30), LocalTime.of(10, 0)))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void intersection_keeps_what_both_allow() {
        List<OpeningWindow> business = List.of(OpeningWindow.of("09:00", "13:00"), OpeningWindow.of("15:00", "20:00"));
        List<OpeningWindow> provider = List.of(OpeningWindow.of("12:00", "16:00"));

        assertThat(OpeningWindow.intersect(business, provider))
                .containsExactly(OpeningWindow.of("12:00", "13:00"), OpeningWindow.of("15:00", "16:00"));
    }

    @Test
    void a_window_may_close_but_never_open_at_the_end_of_the_day() {
        assertThatThrownBy(() -> OpeningWindow.of("24:00", "24:00")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> OpeningWindow.of("24:00", "10:00")).isInstanceOf(InvalidValueException.class);
        assertThat(OpeningWindow.of("00:00", "24:00").length().toHours()).isEqualTo(24);
    }

    @Test
    void a_closed_week_reads_as_an_empty_map() {
        assertThat(WeeklyHours.CLOSED.asMap()).isEmpty();
        assertThat(WeeklyHours.of(Map.of()).isClosedAllWeek()).isTrue();
    }
}
