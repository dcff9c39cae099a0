package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.sun.net.httpserver.HttpServer;
import com.voiceappoint.adapter.persistence.TestPostgres;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The running server with a real SMTP server (GreenMail) and a stand-in for Twilio: a booking made over REST, on the
 * public page and by phone is confirmed by e-mail (HTML and text, with a calendar invitation) and by text in the
 * client's language, the owner hears of it, and a move updates the same calendar entry.
 */
class NotificationsEndToEndTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    @RegisterExtension
    static final GreenMailExtension mail =
            new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);

    private static final Pattern UID = Pattern.compile("UID:(\\S+)");
    private static final List<String> EXPECTED_LOG =
            List.of("confirmed email sent", "confirmed sms sent", "staff_new_booking email sent");
    private static final List<Map<String, String>> texts = Collections.synchronizedList(new ArrayList<>());
    private static HttpServer twilio;
    private static LiveApi api;

    @BeforeAll
    static void start() throws IOException {
        twilio = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        twilio.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                Map<String, String> form = new HashMap<>();
                for (String pair : new String(body.readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                    String[] kv = pair.split("=", 2);
                    form.put(
                            URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                            URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8));
                }
                texts.add(form);
            }
            byte[] answer =
                    ("{\"sid\": \"SM" + texts.size() + "\", \"status\": \"queued\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        twilio.start();
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
        }
        twilio.stop(0);
    }

    private static LiveApi api() {
        if (api == null) {
            api = LiveApi.start(
                    postgres,
                    Map.of(
                            "SMTP_URL", "smtp://127.0.0.1:" + mail.getSmtp().getPort() + "?tls=none",
                            "MAIL_FROM", "citas@voiceappoint.test",
                            "TWILIO_ACCOUNT_SID", "AC0123456789abcdef0123456789abcdef",
                            "TWILIO_AUTH_TOKEN", "twilio-token",
                            "TWILIO_FROM", "+34910000000",
                            "TWILIO_BASE_URL",
                                    "http://127.0.0.1:" + twilio.getAddress().getPort(),
                            "PUBLIC_URL", "https://book.example"));
        }
        return api;
    }

    private static MimeMessage awaitMail(Predicate<MimeMessage> which) throws Exception {
        return await(() -> List.of(mail.getReceivedMessages()), which, () -> "e-mail; received: " + subjects());
    }

    private static Map<String, String> awaitText(Predicate<Map<String, String>> which) throws Exception {
        return await(() -> List.copyOf(texts), which, () -> "text; received: " + texts);
    }

    /** The first of what has arrived that matches, waiting up to 20 s for it. */
    private static <T> T await(Supplier<List<T>> arrived, Predicate<T> which, Supplier<String> otherwise)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            for (T one : arrived.get()) {
                if (which.test(one)) {
                    return one;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no such " + otherwise.get());
    }

    private static List<String> subjects() {
        List<String> subjects = new ArrayList<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            try {
                subjects.add(message.getAllRecipients()[0] + ": " + message.getSubject());
            } catch (Exception e) {
                subjects.add(e.toString());
            }
        }
        return subjects;
    }

    private static boolean to(MimeMessage message, String address) {
        try {
            return message.getAllRecipients()[0].toString().contains(address);
        } catch (Exception e) {
            return false;
        }
    }

    /** Every text part of a message, its calendar included. */
    private static String parts(MimeMessage message) throws Exception {
        return GreenMailUtil.getWholeMessage(message);
    }

    private static String uid(MimeMessage message) throws Exception {
        Matcher m = UID.matcher(parts(message));
        assertThat(m.find()).as(parts(message)).isTrue();
        return m.group(1);
    }

    /** Open 09:00-19:00 on weekdays, with one 30-minute service: its id. */
    private static String openWeekdaysWithService(LiveApi.Account owner, String name) {
        var window = List.of(Map.of("opens", "09:00", "closes", "19:00"));
        Map<String, Object> week = new HashMap<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) {
            week.put(day, window);
        }
        var hours = api.at("/api/v1/businesses/" + owner.businessId() + "/hours")
                .token(owner.token())
                .put(Map.of("hours", week));
        assertThat(hours.status()).as(hours.raw()).isEqualTo(200);
        var service = api.at("/api/v1/services")
                .token(owner.token())
                .post(Map.of("business", owner.businessId(), "name", name, "duration_minutes", 30, "price", "18.50"));
        assertThat(service.status()).as(service.raw()).isEqualTo(201);
        return service.body().get("id").asText();
    }

    private static LocalDate nextWeek(DayOfWeek day, String zone) {
        return LocalDate.now(ZoneId.of(zone)).plusWeeks(1).with(TemporalAdjusters.previousOrSame(day));
    }

    @Test
    void a_rest_booking_is_confirmed_by_mail_and_text_in_spanish_and_a_move_updates_the_same_calendar_entry()
            throws Exception {
        LiveApi.Account owner = api().register("Peluquería Carmen", "es");
        String service = openWeekdaysWithService(owner, "Corte de pelo");
        LocalDate tuesday = nextWeek(DayOfWeek.TUESDAY, "Europe/Madrid");

        var booked = api.at("/api/v1/appointments")
                .token(owner.token())
                .post(Map.of(
                        "business",
                        owner.businessId(),
                        "service",
                        service,
                        "start",
                        tuesday + "T10:00",
                        "client",
                        Map.of("name", "Lucía", "phone", "+34600555111", "email", "lucia@example.com")));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);

        MimeMessage confirmation = awaitMail(m -> to(m, "lucia@example.com"));
        assertThat(confirmation.getSubject()).containsIgnoringCase("cita");
        String whole = parts(confirmation);
        assertThat(whole).contains("text/plain", "text/html", "text/calendar", "https://book.example/manage/");
        String uid = uid(confirmation);
        assertThat(awaitText(t -> t.get("To").equals("+34600555111")).get("Body"))
                .isNotBlank();
        assertThat(awaitMail(m -> to(m, owner.email())).getSubject()).isNotBlank();

        var moved = api.at("/api/v1/appointments/" + booked.body().get("id").asText() + "/reschedule")
                .token(owner.token())
                .post(Map.of("start", tuesday + "T11:00"));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        MimeMessage move = awaitMail(m -> to(m, "lucia@example.com") && !m.equals(confirmation));
        assertThat(uid(move))
                .as("the move updates the entry the confirmation made")
                .isEqualTo(uid);
        assertThat(parts(move)).contains("11:00");
    }

    @Test
    void a_booking_on_the_public_page_is_confirmed_in_english_with_a_calendar_invitation_and_the_owner_is_told()
            throws Exception {
        LiveApi.Account owner = api().register("Bob's Barbers", "en");
        String service = openWeekdaysWithService(owner, "Haircut");
        String slug = api.at("/api/v1/businesses/" + owner.businessId())
                .token(owner.token())
                .get()
                .body()
                .get("slug")
                .asText();
        LocalDate wednesday = nextWeek(DayOfWeek.WEDNESDAY, "Europe/Madrid");

        var booked = api.at("/api/v1/public/businesses/" + slug + "/appointments")
                .post(Map.of(
                        "service",
                        service,
                        "start",
                        wednesday + "T12:00",
                        "client",
                        Map.of("name", "Tom <b>", "phone", "+34600555222", "email", "tom@example.com")));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);

        MimeMessage confirmation = awaitMail(m -> to(m, "tom@example.com"));
        String whole = parts(confirmation);
        assertThat(confirmation.getSubject()).containsIgnoringCase("appointment");
        assertThat(whole)
                .contains("Bob's Barbers", "Haircut", "BEGIN:VCALENDAR", "METHOD:REQUEST")
                .as("the client's name as typed in the text part, escaped in the HTML part")
                .contains("Hello Tom <b>,", "Tom &lt;b&gt;");
        assertThat(awaitText(t -> t.get("To").equals("+34600555222")))
                .containsEntry("From", "+34910000000")
                .hasEntrySatisfying("Body", body -> assertThat(body).contains("Haircut"));
        MimeMessage alert = awaitMail(m -> to(m, owner.email()));
        assertThat(parts(alert)).contains("Tom");
        // the stand-ins have what was sent; the delivery log says so a moment later
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<String> sent = List.of();
        while (System.nanoTime() < deadline && !sent.containsAll(EXPECTED_LOG)) {
            var log = api.at("/api/v1/notifications?business=" + owner.businessId())
                    .token(owner.token())
                    .get();
            assertThat(log.status()).as(log.raw()).isEqualTo(200);
            List<String> entries = new ArrayList<>();
            log.body()
                    .get("results")
                    .forEach(entry -> entries.add(entry.get("message").asText() + " "
                            + entry.get("channel").asText() + " "
                            + entry.get("status").asText()));
            sent = entries;
            Thread.sleep(100);
        }
        assertThat(sent).containsAll(EXPECTED_LOG);
    }

    @Test
    void a_booking_by_phone_is_confirmed_by_text_to_the_number_that_called_and_the_staff_hear_it_came_by_phone()
            throws Exception {
        PhoneCalls phone = new PhoneCalls(api());
        PhoneCalls.Line line = phone.open("Peluquería Voz", "Europe/Madrid", "EUR", "es", "ES", "+34910550077");
        PhoneCalls.Call call = phone.call(line, "+34600555333");

        String booked = call.tool(
                "book_appointment",
                Map.of(
                        "service_name", "corte",
                        "start", nextWeek(DayOfWeek.TUESDAY, "Europe/Madrid") + "T10:00",
                        "client_name", "Lucía"));

        assertThat(booked).startsWith("Reservado");
        assertThat(awaitText(t -> t.get("To").equals("+34600555333")).get("Body"))
                .contains("Corte de pelo", "https://book.example/manage/");
        MimeMessage alert = awaitMail(m -> to(m, line.owner().email()));
        assertThat(alert.getSubject()).contains("por teléfono", "Lucía");
    }
}
