package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.domain.appointment.BookingSource;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Whatever a client puts in an address or a form is answered with a page that says what was wrong, never a 500:
 * text no store can keep, dates no calendar has, values no page wrote.
 */
class UntrustedInputTest {
    @RegisterExtension
    static final WebServer SERVER = new WebServer();

    /** Friday 23 October 2026 in Madrid: the clocks go back on Sunday night. */
    @RegisterExtension
    static final WebServer AUTUMN = new WebServer(Clock.fixed(Instant.parse("2026-10-23T08:00:00Z"), ZoneOffset.UTC));

    private static final Instant TUESDAY_TEN = Instant.parse("2026-11-24T09:00:00Z");

    private static Map<String, String> booking(OpenSalon salon, String name) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("service", salon.cut.value().toString());
        fields.put("start", "2026-11-24T09:00:00Z");
        fields.put("key", "c0ffee00-0000-4000-8000-000000000001");
        fields.put("name", name);
        fields.put("phone", "+34600000700");
        fields.put("email", "");
        return fields;
    }

    @Test
    void text_with_a_nul_is_refused_by_every_form_before_it_is_read() {
        OpenSalon salon = OpenSalon.open(SERVER);
        Browser visitor = SERVER.browser();
        visitor.get("/" + salon.slug + "/book?service=" + salon.cut.value() + "&start=2026-11-24T09:00:00Z");

        Browser.Page booked = visitor.post("/" + salon.slug + "/book", booking(salon, "a\0b"));
        assertThat(booked.status()).isEqualTo(400);
        assertThat(booked.body()).contains("<html");

        Browser owner = salon.ownersBrowser();
        assertThat(owner.post("/account", Map.of("fullName", "Lola\0")).status())
                .isEqualTo(400);
        AppointmentDetails appointment = salon.book(TUESDAY_TEN, "Carmen", "+34600000701", BookingSource.DASHBOARD);
        String here = salon.at("appointments/" + appointment.appointment().id().value());
        owner.get(here);
        assertThat(owner.post(here + "/cancel", Map.of("reason", "\0")).status())
                .isEqualTo(400);
    }

    @Test
    void a_nul_in_the_address_is_a_bad_request_page() {
        Browser visitor = SERVER.browser();

        Browser.Page landing = visitor.get("/?x=%00", Map.of("Accept-Language", "en"));
        assertThat(landing.status()).isEqualTo(400);
        assertThat(landing.body()).contains("That request could not be read.");
        assertThat(visitor.get("/login?next=%00").status()).isEqualTo(400);
    }

    @Test
    void dates_beyond_any_calendar_are_bad_requests_or_ignored() {
        OpenSalon salon = OpenSalon.open(SERVER);
        Browser owner = salon.ownersBrowser();
        String service = salon.cut.value().toString();

        assertThat(owner.get(salon.at("calendar?date=+999999999-12-31")).status())
                .isEqualTo(400);
        assertThat(owner.get(salon.at("calendar?date=-999999999-01-01&view=week"))
                        .status())
                .isEqualTo(400);
        assertThat(owner.get(salon.at("calendar?date=9999-12-31&view=week")).status())
                .isEqualTo(200);
        assertThat(owner.get(salon.at("appointments?from=+999999999-12-31")).status())
                .isEqualTo(400);
        AppointmentDetails appointment = salon.book(TUESDAY_TEN, "Carmen", "+34600000702", BookingSource.DASHBOARD);
        Browser.Page elsewhere = owner.get(
                salon.at("appointments/" + appointment.appointment().id().value() + "?on=+999999999-12-31"));
        assertThat(elsewhere.status())
                .as("the appointment's own day is offered instead")
                .isEqualTo(200);
        assertThat(elsewhere.body()).contains("name=\"date\" value=\"2026-11-24\"");

        Browser visitor = SERVER.browser();
        String book = "/" + salon.slug + "/book?service=" + service;
        assertThat(visitor.get(book + "&day=+999999999-12-31").status()).isEqualTo(400);
        assertThat(visitor.get(book + "&day=-999999999-01-01").status()).isEqualTo(400);
        assertThat(visitor.get(book + "&start=+1000000000-12-31T23:59:59Z").status())
                .isEqualTo(400);
    }

    @Test
    void a_done_notice_the_page_never_wrote_says_nothing() {
        OpenSalon salon = OpenSalon.open(SERVER);
        AppointmentDetails appointment = salon.book(TUESDAY_TEN, "Carmen", "+34600000703", BookingSource.DASHBOARD);
        String here = salon.at("appointments/" + appointment.appointment().id().value());

        Browser.Page page = salon.ownersBrowser().get(here + "?done=unheard_of");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("calendar.done");
    }

    @Test
    void a_time_the_clocks_skip_is_refused_and_one_they_show_twice_is_its_first_passing() {
        OpenSalon salon = OpenSalon.open(AUTUMN);
        Instant saturdayTen = Instant.parse("2026-10-24T08:00:00Z");
        AppointmentDetails appointment = salon.book(saturdayTen, "Carmen", "+34600000704", BookingSource.DASHBOARD);
        String id = appointment.appointment().id().value().toString();
        String here = salon.at("appointments/" + id);
        Browser owner = salon.ownersBrowser();
        owner.get(here);

        Browser.Page skipped = owner.post(here + "/reschedule", Map.of("date", "2027-03-28", "time", "02:30"));
        assertThat(skipped.status()).isEqualTo(400);
        assertThat(skipped.body()).contains("id=\"date-error\"", "horario de verano");
        assertThat(start(salon, appointment)).isEqualTo(saturdayTen);

        Browser.Page twice = owner.post(here + "/reschedule", Map.of("date", "2026-10-25", "time", "02:30"));
        assertThat(twice.status()).isEqualTo(303);
        assertThat(start(salon, appointment))
                .as("02:30 summer time, the first of the two")
                .isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }

    private static Instant start(OpenSalon salon, AppointmentDetails appointment) {
        return salon.uses
                .appointments()
                .get(salon.owner, appointment.appointment().id())
                .appointment()
                .start();
    }
}
