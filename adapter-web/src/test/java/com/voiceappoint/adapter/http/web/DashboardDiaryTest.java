package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.appointment.CalendarFilter;
import com.voiceappoint.domain.business.Role;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.TimeRange;
import com.voiceappoint.domain.voice.VoiceCall;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard's Today, Calendar and Appointments pages over a socket, with data made through the use cases: what each
 * role sees and may do, the same as the REST API allows. The clock says Monday 23 November 2026, 09:00 in Madrid.
 */
class DashboardDiaryTest {
    @RegisterExtension
    static final WebServer SERVER = new WebServer();

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final Instant TUESDAY_TEN = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void today_counts_this_weeks_bookings_by_channel_and_guides_the_setup_until_the_business_is_live() {
        Salons salons = new Salons(SERVER);
        Salons.Salon fresh = salons.found("es");
        Browser newcomer = salons.browserOf(fresh.owner(), fresh);
        Map<String, String> steps =
                steps(newcomer.get("/dashboard/" + fresh.slug()).body());
        assertThat(steps)
                .containsEntry(fresh.at("hours"), "todo")
                .containsEntry(fresh.at("services"), "todo")
                .containsEntry(fresh.at("staff"), "todo")
                .containsEntry(fresh.at("settings"), "todo")
                .containsEntry("/" + fresh.slug() + "/book", "todo");

        OpenSalon salon = OpenSalon.open(SERVER);
        Browser owner = salon.ownersBrowser();
        assertThat(steps(owner.get(salon.at("")).body()))
                .containsEntry(salon.at("hours"), "done")
                .containsEntry(salon.at("services"), "done")
                .containsEntry("/" + salon.slug + "/book", "todo");

        salon.book(Instant.parse("2026-11-23T10:00:00Z"), "Voz", "+34600000101", BookingSource.VOICE);
        salon.book(Instant.parse("2026-11-23T11:00:00Z"), "Web", "+34600000102", BookingSource.WEB);
        salon.book(Instant.parse("2026-11-25T09:00:00Z"), "Mostrador", "+34600000103", BookingSource.DASHBOARD);
        salon.book(Instant.parse("2026-11-30T09:00:00Z"), "Siguiente", "+34600000104", BookingSource.DASHBOARD);
        salon.uses
                .callLog()
                .record(VoiceCall.started(
                        salon.id,
                        "call-today-1",
                        Optional.of("inboundPhoneCall"),
                        Optional.of("in-progress"),
                        Optional.of("+34600000199"),
                        Optional.empty(),
                        WebServer.NOW.minusSeconds(600)));
        Browser.Page today = owner.get(salon.at(""));

        assertThat(today.status()).isEqualTo(200);
        assertThat(numbers(today.body()))
                .containsEntry("today", "2")
                .containsEntry("week", "3")
                .containsEntry("voice", "1")
                .containsEntry("web", "1")
                .containsEntry("staff", "1")
                .containsEntry("no_shows", "0");
        assertThat(today.body())
                .contains("Voz", "Web", "Mostrador", "Próximas citas")
                .contains("+34600000199", salon.at("calls/call-today-1"));
        assertThat(steps(today.body())).containsEntry("/" + salon.slug + "/book", "done");

        salon.uses.settings().updateOnboarding(salon.owner, salon.id, Map.of("staff", true, "voice_agent", true));
        assertThat(owner.get(salon.at("")).body())
                .as("a live business has no checklist")
                .doesNotContain("onboarding-title");
    }

    @Test
    void the_calendar_draws_appointments_and_holds_in_their_staff_members_column_with_links_to_book_free_time() {
        OpenSalon salon = OpenSalon.open(SERVER);
        UserId ana = salon.member(Role.STAFF);
        ProviderId anas = salon.provider(ana, "Ana");
        AppointmentDetails mine = salon.book(TUESDAY_TEN, "Carmen", "+34600000201", BookingSource.DASHBOARD);
        AppointmentDetails hers = salon.book(
                salon.owner, TUESDAY_TEN.plusSeconds(1800), anas, "Julia", "+34600000202", BookingSource.WEB);

        Browser.Page day = salon.ownersBrowser().get(salon.at("calendar") + "?view=day&date=2026-11-24");

        assertThat(day.status()).isEqualTo(200);
        String body = day.body();
        assertThat(body).contains("<th scope=\"col\">Lola Owner</th>", "<th scope=\"col\">Ana</th>", "<caption>");
        assertThat(CalendarRows.rowOf(body, id(mine))).isEqualTo("10:00");
        assertThat(CalendarRows.rowOf(body, id(hers))).isEqualTo("10:30");
        assertThat(CalendarRows.spanOf(body, id(mine))).isEqualTo(2);
        CalendarRows.Row quarterPast = CalendarRows.of(body).stream()
                .filter(r -> r.time().equals("10:15"))
                .findFirst()
                .orElseThrow();
        assertThat(quarterPast.markup().split("<td").length - 1)
                .as("Lola's cell is under her 10:00 appointment; Ana's is free")
                .isEqualTo(1);
        assertThat(body)
                .contains("href=\"/dashboard/" + salon.slug + "/calendar/book?provider=" + salon.ownerProvider.value()
                        + "&amp;start=2026-11-24T08:00:00Z\"")
                .contains("?view=day&amp;date=2026-11-23", "?view=day&amp;date=2026-11-25")
                .contains("data-live=\"/dashboard/" + salon.slug + "/live\"");

        String week = salon.ownersBrowser()
                .get(salon.at("calendar") + "?view=week&date=2026-11-26")
                .body();
        assertThat(week)
                .contains("scope=\"colgroup\"", "?view=week&amp;date=2026-11-16", "?view=week&amp;date=2026-11-30");
        assertThat(CalendarRows.rowOf(week, id(mine))).isEqualTo("10:00");
    }

    @Test
    void another_business_is_not_found_by_its_slug_nor_its_appointments_by_id() {
        OpenSalon mine = OpenSalon.open(SERVER);
        OpenSalon theirs = OpenSalon.open(SERVER);
        AppointmentDetails theirAppointment =
                theirs.book(TUESDAY_TEN, "Ajena", "+34600000301", BookingSource.DASHBOARD);
        Browser browser = mine.ownersBrowser();

        assertThat(browser.get(theirs.at("calendar")).status()).isEqualTo(404);
        assertThat(browser.get(theirs.at("")).status()).isEqualTo(404);
        assertThat(browser.get(theirs.at("appointments")).status()).isEqualTo(404);
        assertThat(browser.get(theirs.at("live")).status()).isEqualTo(404);
        Browser.Page byId = browser.get(mine.at("appointments/" + id(theirAppointment)));
        assertThat(byId.status()).isEqualTo(404);
        assertThat(byId.body()).doesNotContain("Ajena");
        browser.get(mine.at("calendar"));
        assertThat(browser.post(mine.at("appointments/" + id(theirAppointment) + "/cancel"), Map.of("reason", "x"))
                        .status())
                .isEqualTo(404);
        assertThat(status(theirs, theirAppointment)).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(SERVER.browser().get(mine.at("calendar")).header("Location"))
                .as("nobody signed in is sent to log in")
                .hasValueSatisfying(location -> assertThat(location).startsWith("/login?next="));
    }

    @Test
    void a_viewer_sees_the_diary_without_a_button_and_a_forged_change_is_refused() {
        OpenSalon salon = OpenSalon.open(SERVER);
        UserId viewer = salon.member(Role.VIEWER);
        AppointmentDetails booked = salon.book(TUESDAY_TEN, "Carmen", "+34600000401", BookingSource.DASHBOARD);
        Browser browser = salon.browserOf(viewer);

        String calendar =
                browser.get(salon.at("calendar") + "?view=day&date=2026-11-24").body();
        assertThat(calendar).contains("Carmen").doesNotContain("class=\"book\"", "/calendar/book");
        Browser.Page page = browser.get(salon.at("appointments/" + id(booked)));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Carmen", "Corte")
                .doesNotContain("/cancel\"", "/reschedule\"", "/complete\"", "/no-show\"");

        Browser.Page forged = browser.post(salon.at("appointments/" + id(booked) + "/cancel"), Map.of("reason", "no"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(browser.get(salon.at("calendar/book") + "?provider=" + salon.ownerProvider.value() + "&start="
                                + TUESDAY_TEN.plusSeconds(7200))
                        .status())
                .isEqualTo(403);
        assertThat(browser.post(
                                salon.at("calendar/book"),
                                Map.of(
                                        "provider",
                                        salon.ownerProvider.value().toString(),
                                        "start",
                                        TUESDAY_TEN.plusSeconds(7200).toString(),
                                        "service",
                                        salon.cut.value().toString(),
                                        "name",
                                        "Intrusa",
                                        "phone",
                                        "600000402",
                                        "key",
                                        "viewer-key"))
                        .status())
                .isEqualTo(403);
        assertThat(status(salon, booked)).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(salon.uses
                        .appointments()
                        .list(
                                salon.owner,
                                CalendarFilter.period(salon.id, TimeRange.days(tuesday(), tuesday(), MADRID)),
                                com.voiceappoint.application.port.in.Page.Request.first(10))
                        .items())
                .hasSize(1);
    }

    @Test
    void staff_see_everyone_but_act_and_book_only_on_their_own_column() {
        OpenSalon salon = OpenSalon.open(SERVER);
        UserId ana = salon.member(Role.STAFF);
        ProviderId anas = salon.provider(ana, "Ana");
        AppointmentDetails owners = salon.book(TUESDAY_TEN, "De Lola", "+34600000501", BookingSource.DASHBOARD);
        AppointmentDetails hers =
                salon.book(salon.owner, TUESDAY_TEN, anas, "De Ana", "+34600000502", BookingSource.DASHBOARD);
        Browser browser = salon.browserOf(ana);

        String calendar =
                browser.get(salon.at("calendar") + "?view=day&date=2026-11-24").body();
        assertThat(calendar).contains("De Lola", "De Ana");
        Matcher links = Pattern.compile("calendar/book\\?provider=([0-9a-f-]+)").matcher(calendar);
        int count = 0;
        while (links.find()) {
            assertThat(links.group(1)).isEqualTo(anas.value().toString());
            count++;
        }
        assertThat(count).isPositive();

        assertThat(browser.get(salon.at("appointments/" + id(owners))).body()).doesNotContain("/cancel\"");
        assertThat(browser.post(salon.at("appointments/" + id(owners) + "/cancel"), Map.of("reason", "no"))
                        .status())
                .isEqualTo(403);
        assertThat(status(salon, owners)).isEqualTo(AppointmentStatus.CONFIRMED);

        String own = browser.get(salon.at("appointments/" + id(hers))).body();
        assertThat(own).contains("/cancel\"", "/reschedule\"").doesNotContain("id=\"reschedule-provider\"");
        Browser.Page cancelled =
                browser.post(salon.at("appointments/" + id(hers) + "/cancel"), Map.of("reason", "Enferma"));
        assertThat(cancelled.status()).isEqualTo(303);
        assertThat(status(salon, hers)).isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void cancelling_and_moving_write_once_and_a_taken_time_offers_the_nearest_free_ones() {
        OpenSalon salon = OpenSalon.open(SERVER);
        AppointmentDetails first = salon.book(TUESDAY_TEN, "Carmen", "+34600000601", BookingSource.DASHBOARD);
        AppointmentDetails second =
                salon.book(TUESDAY_TEN.plusSeconds(3600), "Rosa", "+34600000602", BookingSource.DASHBOARD);
        Browser owner = salon.ownersBrowser();
        String here = salon.at("appointments/" + id(first));
        String page = owner.get(here).body();
        assertThat(page)
                .as("the day's free times are offered as buttons, Rosa's 11:00 not among them")
                .contains("name=\"time\" value=\"12:15\"", "name=\"date\" value=\"2026-11-24\"")
                .doesNotContain("name=\"time\" value=\"11:00\"");
        assertThat(owner.get(here + "?on=2026-11-26").body()).contains("name=\"date\" value=\"2026-11-26\"");

        Browser.Page taken = owner.post(here + "/reschedule", Map.of("date", "2026-11-24", "time", "11:00"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body()).contains("role=\"alert\"", "Las horas libres más cercanas");
        assertThat(start(salon, first)).isEqualTo(TUESDAY_TEN);

        Browser.Page garbled = owner.post(here + "/reschedule", Map.of("date", "mañana", "time", "11:00"));
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.body()).contains("aria-describedby=\"date-error\"", "id=\"date-error\"");

        Browser.Page moved = owner.post(here + "/reschedule", Map.of("date", "2026-11-24", "time", "12:15"));
        assertThat(moved.status()).isEqualTo(303);
        assertThat(moved.header("Location")).contains(here + "?done=reschedule");
        assertThat(owner.get(salon.at("appointments/" + id(second))).body()).contains("Rosa");
        assertThat(start(salon, first)).isEqualTo(Instant.parse("2026-11-24T11:15:00Z"));
        assertThat(owner.get(here + "?done=reschedule").body()).contains("La cita se ha cambiado de hora.");

        String there = salon.at("appointments/" + id(second));
        owner.get(there);
        assertThat(owner.post(there + "/cancel", Map.of("reason", "Cerrado por obras"))
                        .status())
                .isEqualTo(303);
        var cancelled = salon.uses
                .appointments()
                .get(salon.owner, second.appointment().id())
                .appointment();
        Browser.Page again = owner.post(there + "/cancel", Map.of("reason", "Otra vez"));
        assertThat(again.status()).as("the second click changes nothing").isEqualTo(409);
        var after = salon.uses
                .appointments()
                .get(salon.owner, second.appointment().id())
                .appointment();
        assertThat(after.cancellation()).isEqualTo(cancelled.cancellation());
        assertThat(after.cancellation().orElseThrow().reason()).isEqualTo("Cerrado por obras");
        assertThat(again.body()).doesNotContain("/cancel\"");
    }

    @Test
    void free_time_is_booked_for_a_client_found_by_phone_once_however_often_the_form_is_sent() {
        OpenSalon salon = OpenSalon.open(SERVER);
        AppointmentDetails earlier = salon.book(TUESDAY_TEN, "Marta Gil", "+34600000701", BookingSource.VOICE);
        Browser owner = salon.ownersBrowser();
        Instant free = Instant.parse("2026-11-24T15:00:00Z");
        String form = salon.at("calendar/book") + "?provider=" + salon.ownerProvider.value() + "&start=" + free;

        Browser.Page search = owner.get(form + "&q=600%2000%2007%2001");
        assertThat(search.status()).isEqualTo(200);
        String clientId = earlier.client().id().value().toString();
        assertThat(search.body()).contains("Marta Gil", "value=\"" + clientId + "\"", "<label for=\"book-service\">");
        Matcher key = Pattern.compile("name=\"key\" value=\"([^\"]+)\"").matcher(search.body());
        assertThat(key.find()).isTrue();

        Browser.Page missing = owner.post(
                salon.at("calendar/book"),
                Map.of(
                        "provider",
                        salon.ownerProvider.value().toString(),
                        "start",
                        free.toString(),
                        "key",
                        key.group(1)));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("id=\"service-error\"", "Elige un servicio.");

        Map<String, String> fields = Map.of(
                "provider", salon.ownerProvider.value().toString(),
                "start", free.toString(),
                "service", salon.cut.value().toString(),
                "client", clientId,
                "notes", "Trae fotos",
                "key", key.group(1));
        Browser.Page booked = owner.post(salon.at("calendar/book"), fields);
        Browser.Page twice = owner.post(salon.at("calendar/book"), fields);

        assertThat(booked.status()).isEqualTo(303);
        assertThat(twice.header("Location")).isEqualTo(booked.header("Location"));
        List<AppointmentDetails> tuesday = salon.uses
                .appointments()
                .list(
                        salon.owner,
                        CalendarFilter.period(salon.id, TimeRange.days(tuesday(), tuesday(), MADRID)),
                        com.voiceappoint.application.port.in.Page.Request.first(10))
                .items();
        assertThat(tuesday).hasSize(2);
        AppointmentDetails made = tuesday.get(1);
        assertThat(made.client().id()).isEqualTo(earlier.client().id());
        assertThat(made.appointment().source()).isEqualTo(BookingSource.DASHBOARD);
        assertThat(made.appointment().notes()).isEqualTo("Trae fotos");
        assertThat(owner.get(salon.at("appointments/" + id(made)) + "?done=booked")
                        .body())
                .contains("Reservada.", "Marta Gil", "Equipo");

        Browser.Page newcomer = owner.post(
                salon.at("calendar/book"),
                Map.of(
                        "provider",
                        salon.ownerProvider.value().toString(),
                        "start",
                        free.plusSeconds(3600).toString(),
                        "service",
                        salon.cut.value().toString(),
                        "name",
                        "Nueva",
                        "phone",
                        "12",
                        "key",
                        "another-key"));
        assertThat(newcomer.status()).isEqualTo(400);
        assertThat(newcomer.body()).contains("id=\"phone-error\"", "aria-describedby=\"phone-error\"");
    }

    @Test
    void the_list_filters_as_the_rest_api_does_and_pages_on() {
        OpenSalon salon = OpenSalon.open(SERVER);
        for (int i = 0; i < 26; i++) {
            salon.book(
                    TUESDAY_TEN.plusSeconds(1800L * i),
                    "Cliente " + i,
                    "+346000008%02d".formatted(i),
                    i == 3 ? BookingSource.VOICE : BookingSource.DASHBOARD);
        }
        Browser owner = salon.ownersBrowser();
        String range = salon.at("appointments") + "?from=2026-11-24&to=2026-11-24";

        Browser.Page voice = owner.get(range + "&source=voice");
        assertThat(voice.status()).isEqualTo(200);
        assertThat(rows(voice.body())).isEqualTo(1);
        assertThat(voice.body()).contains("Cliente 3").doesNotContain("Cliente 4<");

        Browser.Page first = owner.get(range);
        assertThat(rows(first.body())).isEqualTo(25);
        Matcher next = Pattern.compile("href=\"([^\"]+)\" rel=\"next\"").matcher(first.body());
        assertThat(next.find()).isTrue();
        Browser.Page second = owner.get(next.group(1).replace("&amp;", "&"));
        assertThat(rows(second.body())).isEqualTo(1);
        assertThat(second.body()).contains("Cliente 25").doesNotContain("rel=\"next\"");

        assertThat(owner.get(range + "&status=confirmed&service=" + salon.cut.value())
                        .body())
                .contains("Cliente 0");
        assertThat(rows(owner.get(range + "&status=cancelled").body())).isZero();
        assertThat(owner.get(range + "&status=whatever").status()).isEqualTo(400);
        assertThat(owner.get(range + "&provider=not-an-id").status()).isEqualTo(400);
    }

    private static String id(AppointmentDetails details) {
        return details.appointment().id().value().toString();
    }

    private static LocalDate tuesday() {
        return LocalDate.of(2026, 11, 24);
    }

    private static AppointmentStatus status(OpenSalon salon, AppointmentDetails details) {
        return salon.uses
                .appointments()
                .get(salon.owner, details.appointment().id())
                .appointment()
                .status();
    }

    private static Instant start(OpenSalon salon, AppointmentDetails details) {
        AppointmentId id = details.appointment().id();
        return salon.uses.appointments().get(salon.owner, id).appointment().start();
    }

    private static Map<String, String> steps(String page) {
        Matcher step = Pattern.compile("<li class=\"(done|todo)\">\\s*<a href=\"([^\"]+)\"")
                .matcher(page);
        Map<String, String> steps = new java.util.LinkedHashMap<>();
        while (step.find()) {
            steps.put(step.group(2), step.group(1));
        }
        return steps;
    }

    private static Map<String, String> numbers(String page) {
        Matcher number = Pattern.compile("data-number=\"([a-z_]+)\">(\\d+)<").matcher(page);
        Map<String, String> numbers = new java.util.LinkedHashMap<>();
        while (number.find()) {
            numbers.put(number.group(1), number.group(2));
        }
        return numbers;
    }

    private static int rows(String page) {
        return page.split("<tr>\\s*<th scope=\"row\">", -1).length - 1;
    }
}
