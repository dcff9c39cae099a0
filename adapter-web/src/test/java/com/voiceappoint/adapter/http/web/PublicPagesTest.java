package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.voiceappoint.adapter.http.HttpServer;
import com.voiceappoint.adapter.http.HttpSettings;
import com.voiceappoint.adapter.http.PublicRoutes;
import com.voiceappoint.adapter.http.RestApi;
import com.voiceappoint.adapter.http.ratelimit.RateLimiter;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.NotificationsUseCase;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.Language;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A business's public page, booking on it step by step, and the manage link, all without JavaScript: plain links
 * and forms over a real socket. The clock is Monday 23 November 2026, 09:00 in Madrid; the salons open weekdays
 * 09:00–13:00 and 15:00–20:00, and a client may change an appointment until 24 hours before it.
 */
class PublicPagesTest {
    @RegisterExtension
    static final WebServer SERVER = new WebServer();

    private static final AtomicInteger SALONS = new AtomicInteger();
    /** Tuesday 24 November 2026, 10:00 in Madrid. */
    private static final String TUESDAY_TEN = "2026-11-24T09:00:00Z";

    private static final Pattern KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");
    private static final Pattern MANAGE = Pattern.compile("^/manage/([A-Za-z0-9_-]+)\\?booked$");

    record Salon(String slug, BusinessId id, Actor owner, Service cut) {}

    private static Salon salon(String name) {
        UseCases app = SERVER.useCases();
        int n = SALONS.incrementAndGet();
        var registered = app.registerAccount()
                .register(RegisterAccountUseCase.Command.builder("owner" + n + "@example.com", "s3cret-enough")
                        .fullName("Lola Pérez")
                        .language("es")
                        .businessName(name)
                        .businessType("salon")
                        .timezone("Europe/Madrid")
                        .currency("EUR")
                        .country("ES")
                        .build());
        Actor owner = Actor.member(registered.userId());
        app.businessHours()
                .setWeeklyHours(
                        owner,
                        registered.businessId(),
                        WeeklyHours.sameOn(
                                List.of(
                                        DayOfWeek.MONDAY,
                                        DayOfWeek.TUESDAY,
                                        DayOfWeek.WEDNESDAY,
                                        DayOfWeek.THURSDAY,
                                        DayOfWeek.FRIDAY),
                                List.of(OpeningWindow.of("09:00", "13:00"), OpeningWindow.of("15:00", "20:00"))));
        Service cut = app.createService()
                .create(CreateServiceUseCase.Command.builder(
                                owner, registered.businessId(), "Corte", 30, new BigDecimal("20"))
                        .build());
        return new Salon(registered.businessSlug().value(), registered.businessId(), owner, cut);
    }

    private static Browser.Page details(Browser browser, Salon salon, String start) {
        return browser.get(
                "/" + salon.slug() + "/book?service=" + salon.cut().id().value() + "&start=" + start);
    }

    private static Map<String, String> form(
            Salon salon, String start, String key, String name, String phone, String email) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("service", salon.cut().id().value().toString());
        fields.put("start", start);
        fields.put("key", key);
        fields.put("name", name);
        fields.put("phone", phone);
        fields.put("email", email);
        return fields;
    }

    private static String key(Browser.Page page) {
        Matcher key = KEY.matcher(page.body());
        assertThat(key.find()).as("the form carries its idempotency key").isTrue();
        return key.group(1);
    }

    /** Books Tuesday at {@code start} for a client, as a browser without JavaScript would; the manage token. */
    private static String book(Browser browser, Salon salon, String start, String phone) {
        Browser.Page form = details(browser, salon, start);
        Browser.Page booked =
                browser.post("/" + salon.slug() + "/book", form(salon, start, key(form), "Marta Ruiz", phone, ""));
        assertThat(booked.status()).as(booked.body()).isEqualTo(303);
        Matcher token = MANAGE.matcher(booked.header("Location").orElseThrow());
        assertThat(token.matches()).isTrue();
        return token.group(1);
    }

    @Test
    void the_business_page_shows_who_where_when_and_what_in_spanish_and_in_english() {
        UseCases app = SERVER.useCases();
        Salon salon = salon("Peluquería Lola");
        app.voiceSettings()
                .update(
                        salon.owner(),
                        salon.id(),
                        new VoiceSettingsUseCase.Changes(
                                Optional.of(true),
                                Optional.of(List.of("+34911234567")),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of("Cortes y color en el centro de Madrid."),
                                Optional.empty()));
        app.notifications()
                .updateSettings(
                        salon.owner(),
                        salon.id(),
                        new NotificationsUseCase.SettingsChanges(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(Optional.of("Calle Mayor 1, Madrid")),
                                Optional.empty(),
                                Optional.empty()));
        app.businessHours()
                .saveSpecialDay(
                        salon.owner(), salon.id(), SpecialDay.closure(LocalDate.parse("2026-11-25"), "Inventario"));

        Browser.Page spanish = SERVER.browser().get("/" + salon.slug());
        assertThat(spanish.status()).isEqualTo(200);
        assertThat(spanish.body())
                .contains(
                        "<html lang=\"es\">",
                        "<h1>Peluquería Lola</h1>",
                        "Peluquería</p>",
                        "Cortes y color en el centro de Madrid.",
                        "Calle Mayor 1, Madrid",
                        "href=\"tel:+34911234567\"",
                        "+34 911 23 45 67",
                        "Reserva por teléfono",
                        "Corte",
                        "30 min",
                        "Horario de esta semana",
                        "lunes, 23 de noviembre de 2026",
                        "09:00–13:00",
                        "Inventario",
                        "href=\"/" + salon.slug() + "/book?service="
                                + salon.cut().id().value() + "\"")
                .containsPattern("20,00\\h€")
                .doesNotContain(" style=\"", "onclick=");
        assertThat(spanish.body().replaceAll("\\s+", " "))
                .as("the closure replaces the usual hours")
                .containsPattern("miércoles, 25 de noviembre de 2026</th> <td> Cerrado");

        Browser.Page english = SERVER.browser().get("/" + salon.slug() + "?lang=en");
        assertThat(english.body())
                .contains(
                        "<html lang=\"en\">",
                        "Opening hours this week",
                        "€20.00",
                        "Monday, November 23, 2026",
                        "Closed",
                        "Book by phone");
    }

    @Test
    void an_unknown_or_deleted_business_is_a_real_404_page() {
        Browser browser = SERVER.browser();
        Browser.Page unknown = browser.get("/no-such-salon", Map.of("Accept-Language", "en"));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(unknown.body()).contains("We could not find that page.");
        assertThat(browser.get("/no-such-salon/book").status()).isEqualTo(404);
        assertThat(browser.get("/NOT%20A%20SLUG").status()).isEqualTo(404);

        Salon gone = salon("Salón Cerrado");
        SERVER.useCases().businesses().delete(gone.owner(), gone.id());
        assertThat(browser.get("/" + gone.slug()).status()).isEqualTo(404);
        assertThat(browser.get("/" + gone.slug() + "/book").status()).isEqualTo(404);
    }

    @Test
    void a_client_books_step_by_step_without_javascript() {
        Salon salon = salon("Barbería Paco");
        Browser browser = SERVER.browser();
        String book = "/" + salon.slug() + "/book";
        String service = "service=" + salon.cut().id().value();

        Browser.Page services = browser.get(book);
        assertThat(services.status()).isEqualTo(200);
        assertThat(services.body()).contains("Elige un servicio", "href=\"" + book + "?" + service + "\"");

        Browser.Page days = browser.get(book + "?" + service);
        assertThat(days.body())
                .contains("Elige un día", "noviembre de 2026", "<th scope=\"col\"><abbr title=\"lunes\">")
                .contains(service + "&amp;day=2026-11-24\"", "martes, 24 de noviembre de 2026: hay horas libres")
                .contains("domingo, 29 de noviembre de 2026: sin horas libres")
                .doesNotContain("day=2026-11-29\"", "day=2026-11-22\"", "rel=\"prev\"")
                .contains(service + "&amp;month=2026-12\"");
        assertThat(browser.get(book + "?" + service + "&month=2026-12").body())
                .contains("diciembre de 2026", "rel=\"prev\"", "day=2026-12-01\"");

        Browser.Page times = browser.get(book + "?" + service + "&day=2026-11-24");
        assertThat(times.body())
                .contains("Elige una hora el martes, 24 de noviembre de 2026", "<legend>Mañana</legend>")
                .contains("<legend>Tarde</legend>", "<legend>Noche</legend>")
                .contains("<form method=\"get\" action=\"" + book + "\"")
                .contains("name=\"start\" value=\"" + TUESDAY_TEN + "\">10:00</button>");

        assertThat(times.body())
                .as("the language switch keeps the choices made")
                .contains("href=\"" + book + "?" + service + "&amp;day=2026-11-24&amp;lang=en\"");

        Browser.Page details = details(browser, salon, TUESDAY_TEN);
        assertThat(details.body())
                .contains("Tus datos", "martes, 24 de noviembre de 2026 a las 10:00")
                .contains("<label for=\"name\">", "<label for=\"phone\">", "<label for=\"email\">");

        Browser.Page booked =
                browser.post(book, form(salon, TUESDAY_TEN, key(details), "Marta Ruiz", "600 12 34 56", ""));
        assertThat(booked.status()).isEqualTo(303);
        String manage = booked.header("Location").orElseThrow();
        assertThat(manage).matches(MANAGE);

        Browser.Page confirmation = browser.get(manage);
        assertThat(confirmation.status()).isEqualTo(200);
        assertThat(confirmation.body())
                .contains("Tu cita está reservada", "Corte", "martes, 24 de noviembre de 2026 a las 10:00")
                .contains("Confirmada", "/appointment.ics\"", "Guarda el enlace")
                .contains(
                        "Puedes cancelarla o cambiarla en línea hasta el lunes, 23 de noviembre de 2026 a las 10:00.");
        assertThat(browser.get(book + "?" + service + "&day=2026-11-24").body())
                .as("the time is taken now")
                .doesNotContain("value=\"" + TUESDAY_TEN + "\"");
    }

    @Test
    void a_client_may_choose_who_serves_them_or_leave_it_to_anyone() {
        Salon salon = salon("Barbería Dos");
        var ana = SERVER.useCases().staff().create(salon.owner(), salon.id(), "Ana", Optional.empty());
        Browser browser = SERVER.browser();
        String book = "/" + salon.slug() + "/book";
        String service = "service=" + salon.cut().id().value();

        assertThat(browser.get(book + "?" + service).body())
                .contains(
                        "<label for=\"provider\">Con quién</label>",
                        "<option value=\"\" selected>Con quien esté libre</option>")
                .contains("<option value=\"" + ana.id().value() + "\">Ana</option>");
        String withAna = service + "&provider=" + ana.id().value();
        assertThat(browser.get(book + "?" + withAna).body())
                .contains("selected>Ana</option>", "provider=" + ana.id().value() + "&amp;day=2026-11-24\"");
        Browser.Page times = browser.get(book + "?" + withAna + "&day=2026-11-24");
        assertThat(times.body())
                .contains(
                        "Con Ana.",
                        "<input type=\"hidden\" name=\"provider\" value=\""
                                + ana.id().value() + "\">");

        Browser.Page details = browser.get(book + "?" + withAna + "&start=" + TUESDAY_TEN);
        Map<String, String> fields = form(salon, TUESDAY_TEN, key(details), "Marta Ruiz", "600 12 34 56", "");
        fields.put("provider", ana.id().value().toString());
        Browser.Page booked = browser.post(book, fields);
        assertThat(booked.status()).isEqualTo(303);
        assertThat(browser.get(booked.header("Location").orElseThrow()).body()).contains("<dd>Ana</dd>");
        assertThat(browser.get(book + "?" + service + "&day=2026-11-24").body())
                .as("anyone: Lola is still free at ten")
                .contains("value=\"" + TUESDAY_TEN + "\"");
    }

    @Test
    void booking_on_the_web_is_rate_limited_like_the_rest_api() {
        UseCases app = SERVER.useCases();
        Salon salon = salon("Salón Limitado");
        RateLimiter limiter = (limit, key) ->
                limit.equals(PublicRoutes.BOOKINGS_PER_IP) ? Optional.of(Duration.ofSeconds(30)) : Optional.empty();
        Clock clock = Clock.fixed(WebServer.NOW, ZoneOffset.UTC);
        try (var server = HttpServer.start(
                RestApi.of(app),
                new HttpSettings(
                        WebServer.SECRET,
                        Duration.ofMinutes(30),
                        64 * 1024,
                        Language.ES,
                        false,
                        clock,
                        new SimpleMeterRegistry()),
                "127.0.0.1",
                0,
                limiter,
                List.of(),
                List.of(WebApp.create(app, new WebSettings(false, Language.ES, clock), limiter)))) {
            Browser browser = new Browser(server.port());
            Browser.Page details = details(browser, salon, TUESDAY_TEN);
            Browser.Page refused = browser.post(
                    "/" + salon.slug() + "/book", form(salon, TUESDAY_TEN, key(details), "Marta", "600123123", ""));

            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.header("Retry-After")).contains("30");
            assertThat(refused.body()).contains("Demasiados intentos");
        }
        assertThat(SERVER.browser()
                        .get("/" + salon.slug() + "/book?service="
                                + salon.cut().id().value() + "&day=2026-11-24")
                        .body())
                .contains("value=\"" + TUESDAY_TEN + "\"");
    }

    @Test
    void a_form_submitted_twice_books_once() {
        Salon salon = salon("Estética Doble");
        Browser browser = SERVER.browser();
        Browser.Page details = details(browser, salon, TUESDAY_TEN);
        Map<String, String> fields = form(salon, TUESDAY_TEN, key(details), "Marta Ruiz", "", "marta@example.com");

        Browser.Page first = browser.post("/" + salon.slug() + "/book", fields);
        Browser.Page second = browser.post("/" + salon.slug() + "/book", fields);

        assertThat(first.status()).isEqualTo(303);
        assertThat(second.status())
                .as("the repeat is answered with the same booking")
                .isEqualTo(303);
        String firstUid =
                event(browser, first.header("Location").orElseThrow()).getUid().getValue();
        String secondUid =
                event(browser, second.header("Location").orElseThrow()).getUid().getValue();
        assertThat(secondUid).isEqualTo(firstUid);
        assertThat(browser.get("/" + salon.slug() + "/book?service="
                                + salon.cut().id().value() + "&day=2026-11-24")
                        .body())
                .doesNotContain("value=\"" + TUESDAY_TEN + "\"")
                .contains("value=\"2026-11-24T09:30:00Z\"");
    }

    @Test
    void a_time_taken_meanwhile_offers_the_nearest_free_ones_and_keeps_what_was_typed() {
        Salon salon = salon("Spa Ocupado");
        Browser late = SERVER.browser();
        Browser.Page lateForm = details(late, salon, TUESDAY_TEN);
        book(SERVER.browser(), salon, TUESDAY_TEN, "600111222");

        Browser.Page refused = late.post(
                "/" + salon.slug() + "/book",
                form(salon, TUESDAY_TEN, key(lateForm), "Pedro Gil", "600333444", "pedro@example.com"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body())
                .contains("Alguien acaba de reservar esa hora", "Horas libres más cercanas")
                .contains("type=\"radio\"", "value=\"2026-11-24T09:30:00Z\"")
                .doesNotContain("type=\"radio\" id=\"start-0\" name=\"start\" value=\"" + TUESDAY_TEN + "\"")
                .contains("value=\"Pedro Gil\"", "value=\"600333444\"", "value=\"pedro@example.com\"")
                .doesNotContain("Algo no ha ido bien");
        Browser.Page retried = late.post(
                "/" + salon.slug() + "/book",
                form(salon, "2026-11-24T09:30:00Z", key(refused), "Pedro Gil", "600333444", "pedro@example.com"));
        assertThat(retried.status()).isEqualTo(303);
        assertThat(late.get(retried.header("Location").orElseThrow()).body())
                .contains("martes, 24 de noviembre de 2026 a las 10:30");
    }

    @Test
    void wrong_details_are_shown_by_their_fields_with_what_was_typed_and_book_nothing() {
        Salon salon = salon("Clínica Errores");
        Browser browser = SERVER.browser();
        String key = key(details(browser, salon, TUESDAY_TEN));

        Browser.Page wrong = browser.post(
                "/" + salon.slug() + "/book", form(salon, TUESDAY_TEN, key, " ", "12ab", "not-an-address"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body())
                .contains("Corrige los campos marcados abajo")
                .contains("id=\"name-error\"", "Escribe tu nombre.")
                .contains("id=\"phone-error\"", "No es un teléfono al que podamos llamar.", "value=\"12ab\"")
                .contains(
                        "id=\"email-error\"", "No es una dirección de correo electrónico.", "value=\"not-an-address\"")
                .contains("aria-describedby=\"phone-error contact-hint\"", "aria-invalid=\"true\"");

        Browser.Page noContact =
                browser.post("/" + salon.slug() + "/book", form(salon, TUESDAY_TEN, key, "Marta", "", ""));
        assertThat(noContact.status()).isEqualTo(422);
        assertThat(noContact.body()).contains("Indica un teléfono o un correo electrónico.", "value=\"Marta\"");

        assertThat(browser.get("/" + salon.slug() + "/book?service="
                                + salon.cut().id().value() + "&day=2026-11-24")
                        .body())
                .as("nothing was booked")
                .contains("value=\"" + TUESDAY_TEN + "\"");
        assertThat(browser.post("/" + salon.slug() + "/book", Map.of("service", "not-a-uuid"))
                        .status())
                .isEqualTo(400);
    }

    @Test
    void the_manage_link_shows_the_appointment_privately_and_cancels_it_within_the_policy() {
        Salon salon = salon("Fisio Cancela");
        Browser browser = SERVER.browser();
        String token = book(browser, salon, TUESDAY_TEN, "600555666");

        Browser.Page page = browser.get("/manage/" + token);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Cache-Control")).contains("no-store");
        assertThat(page.header("X-Robots-Tag")).contains("noindex");
        assertThat(page.header("Referrer-Policy")).contains("same-origin");
        assertThat(page.body())
                .contains("Tu cita", "Fisio Cancela", "Puedes cancelarla o cambiarla en línea hasta el")
                .contains("action=\"/manage/" + token + "/cancel\"", "href=\"/manage/" + token + "/move\"");

        Browser.Page cancelled = browser.post("/manage/" + token + "/cancel", Map.of("reason", "Estoy enferma"));
        assertThat(cancelled.status()).isEqualTo(303);
        assertThat(cancelled.header("Location")).contains("/manage/" + token + "?cancelled");
        assertThat(browser.get(cancelled.header("Location").orElseThrow()).body())
                .contains("Tu cita se ha cancelado", "Cancelada")
                .doesNotContain("/cancel\"", "/move\"");
        assertThat(browser.get("/" + salon.slug() + "/book?service="
                                + salon.cut().id().value() + "&day=2026-11-24")
                        .body())
                .as("the time is free again")
                .contains("value=\"" + TUESDAY_TEN + "\"");
    }

    @Test
    void after_the_cutoff_the_page_says_so_offers_the_phone_and_refuses_a_cancellation() {
        Salon salon = salon("Dental Tarde");
        SERVER.useCases()
                .notifications()
                .updateSettings(
                        salon.owner(),
                        salon.id(),
                        new NotificationsUseCase.SettingsChanges(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(Optional.of(new PhoneNumber("+34911000111"))),
                                Optional.empty()));
        Browser browser = SERVER.browser();
        // today at 12:00 in Madrid: bookable (an hour's notice), but inside the 24 hours' cutoff
        String token = book(browser, salon, "2026-11-23T11:00:00Z", "600777888");

        Browser.Page page = browser.get("/manage/" + token + "?lang=en");
        assertThat(page.body())
                .contains("It could be cancelled or moved online until", "that time has passed")
                .contains("href=\"tel:+34911000111\"")
                .doesNotContain("/cancel\"", "/move\"");

        Browser.Page refused = browser.post("/manage/" + token + "/cancel", Map.of());
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body()).contains("The time to change this appointment online has passed.", "Confirmed");
        assertThat(browser.get("/manage/" + token + "/move").status())
                .as("no picker past the cutoff")
                .isEqualTo(303);
    }

    @Test
    void a_client_moves_their_appointment_with_the_same_picker() {
        Salon salon = salon("Estudio Mueve");
        Browser browser = SERVER.browser();
        String token = book(browser, salon, TUESDAY_TEN, "600999000");

        Browser.Page days = browser.get("/manage/" + token + "/move");
        assertThat(days.status()).isEqualTo(200);
        assertThat(days.body()).contains("Elige un nuevo día", "href=\"/manage/" + token + "/move?day=2026-11-25\"");
        Browser.Page times = browser.get("/manage/" + token + "/move?day=2026-11-25");
        assertThat(times.body())
                .contains("<form method=\"post\" action=\"/manage/" + token + "/move\"")
                .contains("value=\"2026-11-25T10:00:00Z\"");

        book(SERVER.browser(), salon, "2026-11-25T09:00:00Z", "600999111");
        Browser.Page taken = browser.post("/manage/" + token + "/move", Map.of("start", "2026-11-25T09:00:00Z"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.body())
                .contains("Alguien acaba de reservar esa hora", "<legend>Horas libres más cercanas</legend>")
                .contains("<form method=\"post\" action=\"/manage/" + token + "/move\"")
                .contains("value=\"2026-11-25T09:30:00Z\">miércoles, 25 de noviembre de 2026 a las 10:30</button>");

        Browser.Page moved = browser.post("/manage/" + token + "/move", Map.of("start", "2026-11-25T10:00:00Z"));
        assertThat(moved.status()).isEqualTo(303);
        assertThat(moved.header("Location")).contains("/manage/" + token + "?moved");
        assertThat(browser.get(moved.header("Location").orElseThrow()).body())
                .contains("Tu cita se ha cambiado", "miércoles, 25 de noviembre de 2026 a las 11:00");
        VEvent event = event(browser, "/manage/" + token);
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    }

    @Test
    void add_to_calendar_is_an_icalendar_file_in_utc_with_the_appointments_own_uid() {
        Salon salon = salon("Salón Calendario");
        Browser browser = SERVER.browser();
        String token = book(browser, salon, TUESDAY_TEN, "611222333");

        Browser.Page file = browser.get("/manage/" + token + "/appointment.ics");
        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/calendar"));
        assertThat(file.header("Cache-Control")).contains("no-store");
        assertThat(file.body()).contains("DTSTART:20261124T090000Z", "DTEND:20261124T093000Z");
        ICalendar calendar = Biweekly.parse(file.body()).first();
        VEvent event = calendar.getEvents().get(0);
        assertThat(event.getDateStart().getValue().toInstant()).isEqualTo(Instant.parse(TUESDAY_TEN));
        assertThat(event.getDateEnd().getValue().toInstant()).isEqualTo(Instant.parse("2026-11-24T09:30:00Z"));
        assertThat(event.getUid().getValue()).matches("[0-9a-f-]{36}@voiceappoint");
        assertThat(event.getSummary().getValue()).isEqualTo("Corte en Salón Calendario");
    }

    @Test
    void one_businesss_pages_never_show_anothers_services_or_appointments() {
        Salon mine = salon("Peluquería Mía");
        Salon theirs = salon("Peluquería Suya");
        Browser browser = SERVER.browser();

        assertThat(browser.get("/" + mine.slug() + "/book?service="
                                + theirs.cut().id().value())
                        .status())
                .isEqualTo(404);
        assertThat(details(browser, mine, TUESDAY_TEN).status()).isEqualTo(200);
        Browser.Page crossed = browser.post(
                "/" + mine.slug() + "/book",
                form(theirs, TUESDAY_TEN, "0f8fad5b-d9cb-469f-a165-70867728950e", "Marta", "600123123", ""));
        assertThat(crossed.status()).isEqualTo(404);

        String token = book(browser, theirs, TUESDAY_TEN, "600321321");
        assertThat(browser.get("/manage/" + token).body())
                .contains("Peluquería Suya")
                .doesNotContain("Peluquería Mía");
        assertThat(browser.get("/manage/" + token + "x").status()).isEqualTo(404);
        assertThat(browser.get("/manage/not-a-token/appointment.ics").status()).isEqualTo(404);
    }

    @Test
    void forms_without_this_browsers_csrf_token_are_refused() {
        Salon salon = salon("Barbería Segura");
        Browser browser = SERVER.browser();
        String token = book(browser, salon, TUESDAY_TEN, "622333444");
        String key = key(details(browser, salon, "2026-11-24T10:00:00Z"));

        Browser.Page forged = browser.postExactly(
                "/" + salon.slug() + "/book", form(salon, "2026-11-24T10:00:00Z", key, "Marta", "600123123", ""));
        assertThat(forged.status()).isEqualTo(403);
        Browser.Page forgedCancel =
                browser.postExactly("/manage/" + token + "/cancel", Map.of("_csrf", "x".repeat(43)));
        assertThat(forgedCancel.status()).isEqualTo(403);
        assertThat(browser.get("/manage/" + token).body()).contains("Confirmada");
    }

    @Test
    void a_business_named_like_a_page_of_the_app_gets_a_slug_no_page_hides() {
        Salon login = salon("Login");
        assertThat(login.slug()).isEqualTo("login-2");
        assertThat(SERVER.browser().get("/login-2").body()).contains("<h1>Login</h1>");
    }

    private static VEvent event(Browser browser, String manage) {
        String path = manage.replaceAll("\\?.*$", "") + "/appointment.ics";
        return Biweekly.parse(browser.get(path).body()).first().getEvents().get(0);
    }
}
