package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.fakes.RecordedMessages;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.AnalyticsQuery;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.NotificationsUseCase;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.application.port.in.SmsReplyUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.notification.Notification;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.TimeRange;
import com.voiceappoint.domain.voice.CallMessage;
import com.voiceappoint.domain.voice.VoiceCall;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The dashboard's clients, calls, analytics and notifications pages over a socket: in Spanish and English, scoped to
 * the member's own business, showing a viewer nothing they could not do, with the figures the use cases give.
 */
class InsightPagesTest {
    @RegisterExtension
    static final WebServer SERVER = new WebServer();

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final String CARMEN_PHONE = "+34600111222";
    /** Wednesday 25 November 2026, 10:00 in Madrid. */
    private static final Instant WEDNESDAY_TEN = Instant.parse("2026-11-25T09:00:00Z");
    /** Tuesday 24 November 2026, 12:00 in Madrid. */
    private static final Instant TUESDAY_NOON = Instant.parse("2026-11-24T11:00:00Z");

    private static Business lola;
    private static Business ana;
    private static String viewerLogin;
    private static ClientId carmen;
    private static ClientId pedro;
    private static ClientId anasClient;

    private record Business(
            Actor.Member owner, BusinessId id, String slug, ServiceId cut, ServiceId dye, String login) {
        String at(String page) {
            return "/dashboard/" + slug + "/" + page;
        }
    }

    @BeforeAll
    static void twoBusinessesWithClientsCallsAndMessages() {
        UseCases app = SERVER.useCases();
        lola = open(app, "lola@insight.example", "Peluquería Lola");
        ana = open(app, "ana@insight.example", "Barbería Ana");

        var carmensBooking = app.bookAppointment()
                .book(BookAppointmentUseCase.Command.builder(
                                new Actor.Caller(BookingSource.VOICE, Optional.of("call-lola-1"), true),
                                lola.id(),
                                lola.cut(),
                                WEDNESDAY_TEN,
                                new BookAppointmentUseCase.ClientDetails(
                                        "Carmen Díaz", Optional.of(CARMEN_PHONE), Optional.empty()),
                                BookingSource.VOICE)
                        .build())
                .appointment();
        carmen = carmensBooking.clientId();
        pedro = app.bookAppointment()
                .book(BookAppointmentUseCase.Command.builder(
                                lola.owner(),
                                lola.id(),
                                lola.dye(),
                                TUESDAY_NOON,
                                new BookAppointmentUseCase.ClientDetails(
                                        "Pedro Ruiz", Optional.empty(), Optional.of("pedro@example.com")),
                                BookingSource.DASHBOARD)
                        .build())
                .appointment()
                .clientId();
        anasClient = app.bookAppointment()
                .book(BookAppointmentUseCase.Command.builder(
                                new Actor.Caller(BookingSource.VOICE, Optional.of("call-ana-1"), true),
                                ana.id(),
                                ana.cut(),
                                WEDNESDAY_TEN,
                                new BookAppointmentUseCase.ClientDetails(
                                        "Carmen de Ana", Optional.of("+34600333444"), Optional.empty()),
                                BookingSource.VOICE)
                        .build())
                .appointment()
                .clientId();

        app.callLog()
                .record(call(lola.id(), "call-lola-1", CARMEN_PHONE, "https://recordings.example/call-lola-1.wav"));
        app.callLog().record(call(lola.id(), "call-lola-2", "+34600555666", "javascript:alert(1)"));
        app.callLog().record(call(ana.id(), "call-ana-1", "+34600333444", "https://recordings.example/ana.wav"));

        // Rosa calls it off before her confirmation went out: that message is skipped, saying why
        var rosas = app.bookAppointment()
                .book(BookAppointmentUseCase.Command.builder(
                                lola.owner(),
                                lola.id(),
                                lola.cut(),
                                WEDNESDAY_TEN.plusSeconds(3600),
                                new BookAppointmentUseCase.ClientDetails(
                                        "Rosa Gil", Optional.of("+34600777888"), Optional.empty()),
                                BookingSource.DASHBOARD)
                        .build())
                .appointment();
        app.changeAppointment().cancel(lola.owner(), rosas.id(), "cambio de planes");

        // the confirmation text goes out, and Carmen answers it
        Page<Notification> planned =
                app.notifications().deliveryLog(lola.owner(), lola.id(), Optional.empty(), Page.Request.first(50));
        for (Notification due : planned.items()) {
            if (!due.dueAt().isAfter(WebServer.NOW)) {
                app.deliverNotification().deliver(due.businessId(), due.id());
            }
        }
        app.smsReplies()
                .reply(new SmsReplyUseCase.InboundSms(
                        "SM00000000000000000000000000000001",
                        new PhoneNumber(CARMEN_PHONE),
                        Set.of(RecordedMessages.LINE),
                        "SI"));

        var invited = app.members().invite(lola.owner(), lola.id(), "vera@insight.example", "viewer");
        var vera = app.registerAccount()
                .register(RegisterAccountUseCase.Command.builder("vera@insight.example", "s3cret-enough")
                        .fullName("Vera Vista")
                        .language("es")
                        .build());
        Actor.Member viewer = new Actor.Member(vera.userId());
        app.invitations().accept(viewer, invited.id());
        viewerLogin = app.sessions().start(vera.userId()).token();
    }

    private static Business open(UseCases app, String email, String name) {
        var registered = app.registerAccount()
                .register(RegisterAccountUseCase.Command.builder(email, "s3cret-enough")
                        .fullName("Lola Pérez")
                        .language("es")
                        .businessName(name)
                        .businessType("salon")
                        .timezone("Europe/Madrid")
                        .currency("EUR")
                        .country("ES")
                        .build());
        Actor.Member owner = new Actor.Member(registered.userId());
        app.businessHours()
                .setWeeklyHours(
                        owner,
                        registered.businessId(),
                        WeeklyHours.sameOn(List.of(DayOfWeek.values()), List.of(OpeningWindow.of("08:00", "20:00"))));
        ServiceId cut = app.createService()
                .create(CreateServiceUseCase.Command.builder(
                                owner, registered.businessId(), "Corte", 30, new BigDecimal("20"))
                        .build())
                .id();
        ServiceId dye = app.createService()
                .create(CreateServiceUseCase.Command.builder(
                                owner, registered.businessId(), "Tinte", 45, new BigDecimal("35.50"))
                        .build())
                .id();
        app.notifications()
                .updateSettings(
                        owner,
                        registered.businessId(),
                        new NotificationsUseCase.SettingsChanges(
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.of(Optional.of(new PhoneNumber("+34910555666"))),
                                Optional.empty()));
        return new Business(
                owner,
                registered.businessId(),
                registered.businessSlug().value(),
                cut,
                dye,
                app.sessions().start(registered.userId()).token());
    }

    /** An ended inbound call of 3 minutes 5 seconds, with its conversation and a recording. */
    private static VoiceCall call(BusinessId business, String id, String caller, String recording) {
        Instant start = Instant.parse("2026-11-23T07:30:00Z");
        return new VoiceCall(
                business,
                id,
                Optional.of("inboundPhoneCall"),
                Optional.of("ended"),
                Optional.of(caller),
                Optional.of("+34910000000"),
                Optional.of(start),
                Optional.of(start.plusSeconds(185)),
                Optional.of(new BigDecimal("0.12")),
                Optional.of("customer-ended-call"),
                Optional.of("Quiere un corte el miércoles."),
                Optional.of(recording),
                Optional.of("User: Hola\nAI: Buenos días"),
                List.of(
                        new CallMessage("assistant", "Buenos días, Peluquería Lola.", Optional.of(start)),
                        new CallMessage("user", "Quiero un corte el miércoles <b>a las diez</b>.", Optional.empty())),
                start);
    }

    private static Browser owner() {
        return SERVER.browser().signedIn(lola.login());
    }

    private static Browser viewer() {
        return SERVER.browser().signedIn(viewerLogin);
    }

    @Test
    void every_page_speaks_spanish_and_english() {
        Map<String, List<String>> pages = Map.of(
                "clients",
                List.of("<h1>Clientes</h1>", "<h1>Clients</h1>"),
                "clients/" + carmen.value(),
                List.of("Datos de contacto", "Contact details"),
                "calls",
                List.of("<h1>Llamadas</h1>", "<h1>Calls</h1>"),
                "calls/call-lola-1",
                List.of("Transcripción", "Transcript"),
                "analytics",
                List.of("<h1>Estadísticas</h1>", "<h1>Analytics</h1>"),
                "notifications",
                List.of("<h1>Avisos</h1>", "<h1>Notifications</h1>"));
        Browser browser = owner();
        pages.forEach((page, words) -> {
            Browser.Page spanish = browser.get(lola.at(page) + "?lang=es");
            assertThat(spanish.status()).as(page).isEqualTo(200);
            assertThat(spanish.body()).as(page).contains("<html lang=\"es\">", words.get(0));
            Browser.Page english = browser.get(lola.at(page) + "?lang=en");
            assertThat(english.status()).as(page).isEqualTo(200);
            assertThat(english.body()).as(page).contains("<html lang=\"en\">", words.get(1));
            assertThat(english.body())
                    .as(page + ": no inline script, no style attribute")
                    .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                    .doesNotContain(" style=\"");
        });
    }

    @Test
    void a_client_is_found_by_phone_as_people_type_it_and_by_name() {
        Browser browser = owner();

        String byPhone = browser.get(lola.at("clients") + "?q=600+11+12+22").body();
        assertThat(byPhone).contains("Carmen Díaz", CARMEN_PHONE).doesNotContain("Pedro Ruiz");

        String byName = browser.get(lola.at("clients") + "?q=pedro").body();
        assertThat(byName).contains("Pedro Ruiz", "pedro@example.com").doesNotContain("Carmen Díaz");

        String everyone = browser.get(lola.at("clients")).body();
        assertThat(everyone)
                .contains("Carmen Díaz", "Pedro Ruiz")
                .as("another business's clients are not listed")
                .doesNotContain("Carmen de Ana");

        assertThat(browser.get(lola.at("clients") + "?q=nadie").body()).contains("Ningún cliente coincide con «nadie»");
    }

    @Test
    void a_clients_page_shows_their_details_and_appointments_in_the_business_zone_and_currency() {
        Browser browser = owner();

        String spanish =
                browser.get(lola.at("clients/" + carmen.value()) + "?lang=es").body();
        assertThat(spanish)
                .contains("<h1>Carmen Díaz</h1>", "href=\"tel:" + CARMEN_PHONE + "\"", "Corte")
                .contains("25 nov 2026 10:00", "20,00\u00a0€", "Asistente telefónico", "Confirmada")
                .contains("datetime=\"2026-11-25T10:00:00+01:00\"");

        String english =
                browser.get(lola.at("clients/" + pedro.value()) + "?lang=en").body();
        assertThat(english).contains("Tinte", "Nov 24, 2026", "12:00", "€35.50", "Staff");
    }

    @Test
    void an_owner_corrects_a_clients_details_and_a_bad_correction_changes_nothing() {
        Browser browser = owner();
        String page = lola.at("clients/" + pedro.value());
        assertThat(browser.get(page + "?lang=en").body()).contains("<form method=\"post\" action=\"" + page + "\"");

        Browser.Page refused = browser.post(
                page, Map.of("name", "Pedro Ruiz", "phone", "12", "email", "not-an-address", "language", ""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body())
                .contains(
                        "Nothing was saved",
                        "This is not a phone number we can call.",
                        "This is not an e-mail address.")
                .contains("aria-describedby=\"client-phone-error\"", "id=\"client-phone-error\"")
                .contains("value=\"not-an-address\"");
        assertThat(SERVER.useCases().clients().get(lola.owner(), pedro).client().email())
                .hasValueSatisfying(email -> assertThat(email.value()).isEqualTo("pedro@example.com"));

        Browser.Page saved = browser.post(
                page,
                Map.of(
                        "name",
                        "Pedro Ruiz Gil",
                        "phone",
                        "611 22 33 44",
                        "email",
                        "pedro@example.com",
                        "language",
                        "en"));
        assertThat(saved.status()).isEqualTo(303);
        assertThat(saved.header("Location")).contains(page + "?saved=1");
        var stored = SERVER.useCases().clients().get(lola.owner(), pedro).client();
        assertThat(stored.name()).isEqualTo("Pedro Ruiz Gil");
        assertThat(stored.phone())
                .hasValueSatisfying(phone -> assertThat(phone.value()).isEqualTo("+34611223344"));
        assertThat(browser.get(page + "?saved=1&lang=en").body()).contains("details were saved.", "role=\"status\"");
    }

    @Test
    void another_business_s_clients_and_calls_are_not_found_here() {
        Browser browser = owner();

        assertThat(browser.get(lola.at("clients/" + anasClient.value())).status())
                .isEqualTo(404);
        assertThat(browser.get(lola.at("clients/not-an-id")).status()).isEqualTo(404);
        assertThat(browser.get(lola.at("calls/call-ana-1")).status()).isEqualTo(404);
        assertThat(browser.get(lola.at("calls/no-such-call")).status()).isEqualTo(404);
        assertThat(browser.get(ana.at("clients")).status())
                .as("another business's dashboard")
                .isEqualTo(404);
        Browser.Page forged = browser.post(
                lola.at("clients/" + anasClient.value()),
                Map.of("name", "Robada", "phone", "", "email", "x@example.com", "language", ""));
        assertThat(forged.status()).isEqualTo(404);
        assertThat(SERVER.useCases()
                        .clients()
                        .get(ana.owner(), anasClient)
                        .client()
                        .name())
                .isEqualTo("Carmen de Ana");
    }

    @Test
    void a_viewer_reads_but_sees_no_edit_buttons_and_a_forged_edit_is_refused() {
        Browser browser = viewer();
        String page = lola.at("clients/" + carmen.value());

        Browser.Page client = browser.get(page);
        assertThat(client.status()).isEqualTo(200);
        assertThat(client.body()).contains("Carmen Díaz", "Corte").doesNotContain("method=\"post\" action=\"" + page);

        Browser.Page calls = browser.get(lola.at("calls"));
        assertThat(calls.status()).isEqualTo(200);
        assertThat(calls.body())
                .as("transcripts are for those who look after clients")
                .contains(CARMEN_PHONE)
                .doesNotContain("href=\"" + lola.at("calls/"));
        assertThat(browser.get(lola.at("calls/call-lola-1")).status()).isEqualTo(403);
        assertThat(browser.get(lola.at("analytics")).status()).isEqualTo(200);
        assertThat(browser.get(lola.at("notifications")).status()).isEqualTo(200);

        Browser.Page forged =
                browser.post(page, Map.of("name", "Cambiada", "phone", CARMEN_PHONE, "email", "", "language", ""));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(SERVER.useCases()
                        .clients()
                        .get(lola.owner(), carmen)
                        .client()
                        .name())
                .isEqualTo("Carmen Díaz");

        Browser.Page withoutToken = owner().postExactly(page, Map.of("name", "Sin token"));
        assertThat(withoutToken.status()).isEqualTo(403);
    }

    @Test
    void the_call_log_shows_outcome_length_caller_and_what_each_call_booked() {
        String log = owner().get(lola.at("calls") + "?lang=es").body();

        assertThat(log)
                .contains(CARMEN_PHONE, "3:05", "El cliente colgó", "entrante")
                .contains("Corte, <time datetime=\"2026-11-25T10:00:00+01:00\">25 nov 2026 10:00</time>")
                .contains("href=\"" + lola.at("calls/call-lola-1") + "\"")
                .doesNotContain("+34600333444");
    }

    @Test
    void a_calls_page_has_its_transcript_escaped_and_only_an_https_recording() {
        Browser browser = owner();

        String call = browser.get(lola.at("calls/call-lola-1") + "?lang=en").body();
        assertThat(call)
                .contains("Buenos días, Peluquería Lola.", "Quiere un corte el miércoles.")
                .contains("&lt;b&gt;a las diez&lt;/b&gt;")
                .contains(
                        "href=\"https://recordings.example/call-lola-1.wav\" rel=\"noopener noreferrer\"",
                        "Listen to the recording")
                .contains("Carmen Díaz", "Caller hung up", "3:05");

        String other = browser.get(lola.at("calls/call-lola-2") + "?lang=en").body();
        assertThat(other)
                .doesNotContain("javascript:", "Listen to the recording")
                .contains("This call made no appointment.");
    }

    @Test
    void analytics_tables_hold_the_figures_the_query_gives_for_the_chosen_range() {
        LocalDate from = LocalDate.parse("2026-11-01");
        LocalDate to = LocalDate.parse("2026-11-30");
        TimeRange days = TimeRange.days(from, to, MADRID);
        AnalyticsQuery.Overview expected =
                SERVER.useCases().analytics().overview(lola.owner(), lola.id(), days.start(), days.end());

        String page = owner().get(lola.at("analytics") + "?from=2026-11-01&to=2026-11-30&lang=en")
                .body();

        assertThat(expected.calls().calls()).isEqualTo(2);
        assertThat(page)
                .contains(
                        "data-figure=\"calls\" data-value=\"" + expected.calls().calls() + "\"")
                .contains("data-figure=\"converted\" data-value=\""
                        + expected.calls().converted() + "\"")
                .contains("data-figure=\"bookings\" data-value=\""
                        + expected.appointments().bySource().values().stream()
                                .mapToLong(Long::longValue)
                                .sum()
                        + "\"")
                .contains("data-figure=\"average-call\">3:05<")
                .contains("value=\"2026-11-01\"", "value=\"2026-11-30\"");
        expected.appointments()
                .bySource()
                .forEach((source, n) ->
                        assertThat(row(page, source.code())).as(source.code()).contains("data-value=\"" + n + "\""));
        expected.appointments()
                .byStatus()
                .forEach((status, n) ->
                        assertThat(row(page, status.code())).as(status.code()).contains("data-value=\"" + n + "\""));
        assertThat(row(page, "web")).contains("data-value=\"0\"");
        assertThat(row(page, "cancelled")).as("Rosa's").contains("data-value=\"1\"", "Cancelled");
        assertThat(page)
                .contains("<th scope=\"row\">Corte</th><td data-value=\"20.00\">€20.00</td>")
                .contains("<th scope=\"row\">Tinte</th><td data-value=\"35.50\">€35.50</td>")
                .contains("data-total=\"55.50\">€55.50<")
                .contains("<caption>Most booked services</caption>");

        String empty = owner().get(lola.at("analytics") + "?from=2026-10-01&to=2026-10-31&lang=en")
                .body();
        assertThat(empty).contains("data-figure=\"calls\" data-value=\"0\"", "Nothing in this period.");
    }

    @Test
    void a_bad_range_is_a_form_error_not_a_failure() {
        Browser browser = owner();

        Browser.Page garbled = browser.get(lola.at("analytics") + "?from=yesterday&to=2026-11-30&lang=en");
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.body())
                .contains("aria-describedby=\"range-from-error\"", "Give a date as a calendar would")
                .doesNotContain("data-figure=");

        assertThat(browser.get(lola.at("analytics") + "?from=%2B999999999-12-31&to=2026-11-30")
                        .status())
                .isEqualTo(400);
        assertThat(browser.get(lola.at("clients") + "?after=garbled").status())
                .as("a cursor no list gave")
                .isEqualTo(400);

        Browser.Page backwards = browser.get(lola.at("analytics") + "?from=2026-11-30&to=2026-11-01&lang=es");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("El periodo debe terminar");

        Browser.Page tooLong = browser.get(lola.at("analytics") + "?from=2020-01-01&to=2026-11-30&lang=en");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.body()).contains("at most 400 days");
    }

    @Test
    void the_chart_script_is_served_fingerprinted_and_only_the_analytics_page_loads_charts() {
        Browser browser = owner();
        String page = browser.get(lola.at("analytics") + "?from=2026-11-20&to=2026-11-30")
                .body();

        Matcher script =
                Pattern.compile("src=\"(/assets/charts\\.[0-9a-f]{10}\\.js)\"").matcher(page);
        assertThat(script.find()).isTrue();
        Browser.Page charts = browser.get(script.group(1));
        assertThat(charts.status()).isEqualTo(200);
        assertThat(charts.header("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertThat(charts.body()).contains("prefers-reduced-motion");

        Matcher library = Pattern.compile("src=\"(/webjars/chart\\.js/[0-9.]+/dist/chart\\.umd\\.min\\.js)\"")
                .matcher(page);
        assertThat(library.find()).isTrue();
        assertThat(browser.get(library.group(1)).status()).isEqualTo(200);
        assertThat(page).contains("data-chart=\"doughnut\" data-for=\"table-sources\" aria-hidden=\"true\"");

        assertThat(browser.get(lola.at("clients")).body()).doesNotContain("charts.", "chart.js");
    }

    @Test
    void the_delivery_log_shows_each_message_and_filters_and_the_replies() {
        Browser browser = owner();

        String log = browser.get(lola.at("notifications") + "?lang=es").body();
        assertThat(log).contains("Reserva confirmada", "SMS", "Enviado", "Confirmó que vendrá", "SI");

        String texts =
                browser.get(lola.at("notifications") + "?channel=sms&lang=en").body();
        assertThat(texts).contains("<option value=\"sms\" selected>").contains("Text message");
        assertThat(section(texts, "notifications-log")).doesNotContain("<td>E-mail</td>");

        String mail =
                browser.get(lola.at("notifications") + "?channel=email&lang=en").body();
        assertThat(section(mail, "notifications-log")).doesNotContain("<td>Text message</td>");

        String skipped = section(
                browser.get(lola.at("notifications") + "?status=skipped&lang=en")
                        .body(),
                "notifications-log");
        assertThat(skipped)
                .as("why a message went nowhere")
                .contains("Not sent", "the appointment was cancelled before this went out")
                .doesNotContain(">Sent<", ">Waiting<");

        assertThat(browser.get(lola.at("notifications") + "?status=pigeon").status())
                .as("a filter nobody offers filters nothing")
                .isEqualTo(200);
    }

    /** The table row of a figure by its code. */
    private static String row(String page, String key) {
        int at = page.indexOf("data-key=\"" + key + "\"");
        assertThat(at).as("a row for " + key).isNotNegative();
        return page.substring(at, page.indexOf("</tr>", at));
    }

    private static String section(String page, String id) {
        int at = page.indexOf("aria-labelledby=\"" + id + "\"");
        return page.substring(at, page.indexOf("</section>", at));
    }
}
