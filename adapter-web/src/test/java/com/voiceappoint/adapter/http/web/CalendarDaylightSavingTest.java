package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.domain.appointment.BookingSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The calendar on the two days Madrid changes its clocks in 2026: on 29 March 02:00 becomes 03:00 (a 23-hour day), on
 * 25 October 03:00 becomes 02:00 again (a 25-hour day). Each appointment is drawn at the row of its local time.
 */
class CalendarDaylightSavingTest {
    @RegisterExtension
    static final WebServer SPRING = new WebServer(Clock.fixed(Instant.parse("2026-03-27T08:00:00Z"), ZoneOffset.UTC));

    @RegisterExtension
    static final WebServer AUTUMN = new WebServer(Clock.fixed(Instant.parse("2026-10-23T08:00:00Z"), ZoneOffset.UTC));

    @Test
    void the_day_summer_time_begins_has_no_two_oclock_and_draws_the_rest_at_their_local_times() {
        OpenSalon salon = OpenSalon.open(SPRING);
        // 01:30 in winter time, 03:00 and 10:00 in summer time
        String night =
                id(salon.book(Instant.parse("2026-03-29T00:30:00Z"), "Noche", "+34600000001", BookingSource.DASHBOARD));
        String early = id(
                salon.book(Instant.parse("2026-03-29T01:00:00Z"), "Temprano", "+34600000002", BookingSource.DASHBOARD));
        String morning = id(
                salon.book(Instant.parse("2026-03-29T08:00:00Z"), "Mañana", "+34600000003", BookingSource.DASHBOARD));

        Browser.Page page = salon.ownersBrowser().get(salon.at("calendar") + "?view=day&date=2026-03-29");

        assertThat(page.status()).isEqualTo(200);
        String body = page.body();
        assertThat(CalendarRows.rowOf(body, night)).isEqualTo("1:30");
        assertThat(CalendarRows.rowOf(body, early)).isEqualTo("3:00");
        assertThat(CalendarRows.rowOf(body, morning)).isEqualTo("10:00");
        assertThat(CalendarRows.spanOf(body, morning))
                .as("30 minutes are two quarters")
                .isEqualTo(2);
        List<CalendarRows.Row> rows = CalendarRows.of(body);
        assertThat(rows.stream().filter(r -> r.time().startsWith("2:")))
                .as("the skipped hour is shown as not existing")
                .hasSize(4)
                .allSatisfy(r -> assertThat(r.markup()).contains("class=\"missing\""));
        assertThat(rows.stream()
                        .filter(r -> r.time().equals("1:45"))
                        .findFirst()
                        .orElseThrow()
                        .markup())
                .doesNotContain("class=\"missing\"");
    }

    @Test
    void the_day_summer_time_ends_shows_the_repeated_hour_twice_and_each_booking_in_its_own() {
        OpenSalon salon = OpenSalon.open(AUTUMN);
        // 02:30 in summer time, then 02:30 again in winter time, and 10:00
        String first = id(
                salon.book(Instant.parse("2026-10-25T00:30:00Z"), "Primera", "+34600000011", BookingSource.DASHBOARD));
        String second = id(
                salon.book(Instant.parse("2026-10-25T01:30:00Z"), "Segunda", "+34600000012", BookingSource.DASHBOARD));
        String morning = id(
                salon.book(Instant.parse("2026-10-25T09:00:00Z"), "Mañana", "+34600000013", BookingSource.DASHBOARD));
        Browser browser = salon.ownersBrowser();

        String day =
                browser.get(salon.at("calendar") + "?view=day&date=2026-10-25").body();

        assertThat(CalendarRows.rowOf(day, first)).isEqualTo("2:30 (UTC+02:00)");
        assertThat(CalendarRows.rowOf(day, second)).isEqualTo("2:30 (UTC+01:00)");
        assertThat(CalendarRows.rowOf(day, morning)).isEqualTo("10:00");
        List<String> times =
                CalendarRows.of(day).stream().map(CalendarRows.Row::time).toList();
        assertThat(times)
                .containsSubsequence(
                        "2:00 (UTC+02:00)", "2:45 (UTC+02:00)", "2:00 (UTC+01:00)", "2:45 (UTC+01:00)", "3:00");

        // the week from Monday 19 to Sunday 25 October: Sunday's booking in Sunday's column, at 10:00
        String week =
                browser.get(salon.at("calendar") + "?view=week&date=2026-10-22").body();
        assertThat(CalendarRows.rowOf(week, morning)).isEqualTo("10:00");
        CalendarRows.Row ten = CalendarRows.of(week).stream()
                .filter(r -> r.time().equals("10:00"))
                .findFirst()
                .orElseThrow();
        assertThat(ten.markup().split("<td").length - 1)
                .as("six days before Sunday's cell")
                .isEqualTo(7);
        assertThat(ten.markup().lastIndexOf("<td")).isEqualTo(ten.markup().indexOf("<td class=\"booked\""));
        // on the other days the repeated hour does not exist
        CalendarRows.Row again = CalendarRows.of(week).stream()
                .filter(r -> r.time().equals("2:30 (UTC+01:00)"))
                .findFirst()
                .orElseThrow();
        assertThat(again.markup().split("class=\"missing\"").length - 1).isEqualTo(6);
    }

    private static String id(com.voiceappoint.application.port.in.AppointmentDetails details) {
        return details.appointment().id().value().toString();
    }
}
