package com.voiceappoint.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.InvalidValueException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A reminder call rings only while the business is open, and never too close to the appointment. */
class CallingHoursTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final WeeklyHours WEEKDAYS = WeeklyHours.sameOn(
            List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY),
            List.of(OpeningWindow.of("09:00", "14:00"), OpeningWindow.of("16:00", "20:00")));
    private static final CallingHours HOURS = new CallingHours(WEEKDAYS, List.of(), MADRID);

    @Test
    void a_call_due_while_open_rings_then_and_one_due_at_lunch_or_at_night_waits_for_the_next_opening() {
        Instant mondayEleven = Instant.parse("2026-12-07T10:00:00Z");
        Instant wednesdayDeadline = Instant.parse("2026-12-09T09:00:00Z");

        assertThat(HOURS.firstFrom(mondayEleven, wednesdayDeadline)).contains(mondayEleven);
        assertThat(HOURS.firstFrom(Instant.parse("2026-12-07T14:00:00Z"), wednesdayDeadline)) // 15:00, lunch
                .contains(Instant.parse("2026-12-07T15:00:00Z"));
        assertThat(HOURS.firstFrom(Instant.parse("2026-12-07T21:00:00Z"), wednesdayDeadline)) // 22:00
                .contains(Instant.parse("2026-12-08T08:00:00Z"));
    }

    @Test
    void no_call_when_the_business_stays_closed_until_the_deadline_or_is_closed_that_day() {
        Instant fridayNight = Instant.parse("2026-12-11T21:00:00Z");
        assertThat(HOURS.firstFrom(fridayNight, Instant.parse("2026-12-14T07:30:00Z")))
                .isEmpty();

        CallingHours holiday = new CallingHours(
                WEEKDAYS, List.of(SpecialDay.closure(LocalDate.parse("2026-12-08"), "holiday")), MADRID);
        assertThat(holiday.firstFrom(Instant.parse("2026-12-07T21:00:00Z"), Instant.parse("2026-12-09T09:00:00Z")))
                .contains(Instant.parse("2026-12-09T08:00:00Z"));
    }

    @Test
    void only_reminders_are_made_by_phone_call() {
        assertThatThrownBy(() -> new NotificationSettings(
                        Map.of(MessageKind.CONFIRMED, Set.of(Channel.CALL)),
                        List.of(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty()))
                .isInstanceOf(InvalidValueException.class);
        assertThat(new NotificationSettings(
                                Map.of(MessageKind.REMINDER, Set.of(Channel.CALL, Channel.SMS)),
                                List.of(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty())
                        .channelsFor(MessageKind.REMINDER))
                .containsExactlyInAnyOrder(Channel.CALL, Channel.SMS);
    }
}
