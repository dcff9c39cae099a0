package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import com.voiceappoint.adapter.http.ApiClient;
import com.voiceappoint.adapter.notifications.TwilioReplyWebhook;
import com.voiceappoint.adapter.notifications.TwilioSignature;
import com.voiceappoint.adapter.persistence.TestPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Clients answering our texts, through the running server: bookings made over REST are confirmed by text through a
 * local stand-in for Twilio, and the client's answers come back to the webhook over a real socket, signed as Twilio
 * signs them for the public URL (the server sits behind a proxy at another address).
 */
class SmsRepliesEndToEndTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static final String AUTH_TOKEN = "a-twilio-auth-token";
    private static final String OUR_NUMBER = "+34910000000";
    private static final String PUBLIC_URL = "https://citas.example.test";
    private static final TwilioSignature TWILIO = new TwilioSignature(AUTH_TOKEN);
    private static final AtomicInteger SIDS = new AtomicInteger();
    private static final AtomicInteger PHONES = new AtomicInteger();
    private static final AtomicInteger STARTS = new AtomicInteger();

    private static HttpServer twilio;
    private static final List<String> texted = java.util.Collections.synchronizedList(new ArrayList<>());
    private static LiveApi api;

    @BeforeAll
    static void start() throws IOException {
        twilio = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger sent = new AtomicInteger();
        twilio.createContext("/2010-04-01/Accounts/", exchange -> {
            texted.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = ("{\"sid\": \"SMout%030d\", \"status\": \"queued\"}".formatted(sent.incrementAndGet()))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(201, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        twilio.start();
        api = LiveApi.start(
                postgres,
                Map.of(
                        "TWILIO_ACCOUNT_SID", "AC0123456789abcdef0123456789abcdef",
                        "TWILIO_AUTH_TOKEN", AUTH_TOKEN,
                        "TWILIO_FROM", OUR_NUMBER,
                        "TWILIO_BASE_URL",
                                "http://127.0.0.1:" + twilio.getAddress().getPort(),
                        "PUBLIC_URL", PUBLIC_URL));
    }

    @AfterAll
    static void stop() {
        api.close();
        twilio.stop(0);
    }

    private static String freshPhone() {
        return "+34699%06d".formatted(PHONES.incrementAndGet());
    }

    /** Ten days ahead and more, well before any cutoff but one set to its longest; each call the next half hour. */
    private static String freshStart() {
        int n = STARTS.incrementAndGet();
        return LocalDate.now(ZoneId.of("Europe/Madrid")).plusDays(10 + n / 20) + "T"
                + LocalTime.of(8, 0).plusMinutes(30L * (n % 20));
    }

    private static String freshSid() {
        return "SM%032d".formatted(SIDS.incrementAndGet());
    }

    /** A business that texts at any hour (the test may run at night), with the phone its answers give. */
    private static World business(String name) {
        World world = World.open(api, name);
        ApiClient.Response settings = api.at(world.path("/notification-settings"))
                .token(world.owner.token())
                .raw(
                        "PATCH",
                        "{\"quiet_hours\": {\"from\": \"\", \"until\": \"\"}, \"phone\": \"+34910555666\"}",
                        "application/json");
        assertThat(settings.status()).as(settings.raw()).isEqualTo(200);
        return world;
    }

    /** Booked from the dashboard for the client; returns once the confirmation text has gone out. */
    private static String book(World world, String phone) {
        ApiClient.Response booked = api.at("/api/v1/appointments")
                .token(world.owner.token())
                .post(Map.of(
                        "business", world.id,
                        "service", world.service,
                        "start", freshStart(),
                        "provider", world.ownerProvider,
                        "client", Map.of("name", "Carmen", "phone", phone)));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        String appointment = booked.body().get("id").asText();
        eventually(
                () -> log(world, appointment).stream()
                        .anyMatch(n -> n.path("message").asText().equals("confirmed")
                                && n.path("channel").asText().equals("sms")
                                && n.path("status").asText().equals("sent")),
                "the confirmation text of " + appointment + " sent");
        return appointment;
    }

    private static List<JsonNode> log(World world, String appointment) {
        ApiClient.Response log = api.at("/api/v1/notifications?business=" + world.id + "&appointment=" + appointment)
                .token(world.owner.token())
                .get();
        assertThat(log.status()).as(log.raw()).isEqualTo(200);
        return StreamSupport.stream(log.body().path("results").spliterator(), false)
                .toList();
    }

    private static List<JsonNode> replies(World world) {
        ApiClient.Response replies = api.at("/api/v1/notifications/replies?business=" + world.id)
                .token(world.owner.token())
                .get();
        assertThat(replies.status()).as(replies.raw()).isEqualTo(200);
        return StreamSupport.stream(replies.body().path("results").spliterator(), false)
                .toList();
    }

    private static String status(World world, String appointment) {
        return api.at("/api/v1/appointments/" + appointment)
                .token(world.owner.token())
                .get()
                .body()
                .path("status")
                .asText();
    }

    private static Map<String, String> form(String sid, String from, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("SmsMessageSid", sid);
        form.put("MessageSid", sid);
        form.put("AccountSid", "AC0123456789abcdef0123456789abcdef");
        form.put("From", from);
        form.put("To", OUR_NUMBER);
        form.put("Body", body);
        form.put("NumSegments", "1");
        return form;
    }

    private static String signature(Map<String, String> form) {
        Map<String, List<String>> lists = new LinkedHashMap<>();
        form.forEach((name, value) -> lists.put(name, List.of(value)));
        return TWILIO.sign(PUBLIC_URL + TwilioReplyWebhook.PATH, lists);
    }

    private static ApiClient.Response post(Map<String, String> form, Optional<String> signature) {
        ApiClient.Call call = api.at(TwilioReplyWebhook.PATH);
        signature.ifPresent(signed -> call.header(TwilioSignature.HEADER, signed));
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return call.raw("POST", body, "application/x-www-form-urlencoded");
    }

    private static ApiClient.Response reply(String sid, String from, String text) {
        Map<String, String> form = form(sid, from, text);
        return post(form, Optional.of(signature(form)));
    }

    private static String answer(ApiClient.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).startsWith("application/xml");
        assertThat(response.raw()).startsWith("<?xml").contains("<Response><Message>");
        return response.raw()
                .substring(
                        response.raw().indexOf("<Message>") + "<Message>".length(),
                        response.raw().indexOf("</Message>"));
    }

    private static void eventually(Supplier<Boolean> condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("never happened: " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void only_a_request_signed_by_twilio_for_the_public_url_is_heard() {
        World world = business("Peluquería Firma");
        String phone = freshPhone();
        String appointment = book(world, phone);
        Map<String, String> form = form(freshSid(), phone, "X");

        assertThat(post(form, Optional.empty()).status()).isEqualTo(403);
        assertThat(post(form, Optional.of("bm90IGEgc2lnbmF0dXJl")).status()).isEqualTo(403);
        Map<String, List<String>> lists = new LinkedHashMap<>();
        form.forEach((name, value) -> lists.put(name, List.of(value)));
        String forTheSocket = TWILIO.sign("http://127.0.0.1:" + api.port() + TwilioReplyWebhook.PATH, lists);
        assertThat(post(form, Optional.of(forTheSocket)).status())
                .as("signed for the address the server sees, not the one Twilio was given")
                .isEqualTo(403);
        assertThat(new TwilioSignature("another-account").sign(PUBLIC_URL + TwilioReplyWebhook.PATH, lists))
                .satisfies(other ->
                        assertThat(post(form, Optional.of(other)).status()).isEqualTo(403));
        assertThat(status(world, appointment)).isEqualTo("confirmed");
        assertThat(replies(world)).isEmpty();

        assertThat(answer(post(form, Optional.of(signature(form))))).contains("queda anulada");
        assertThat(status(world, appointment)).isEqualTo("cancelled");
    }

    @Test
    void x_within_the_cutoff_cancels_once_however_often_twilio_retries_and_yes_leaves_a_trace() {
        World world = business("Peluquería Lola");
        String phone = freshPhone();
        String first = book(world, phone);
        assertThat(texted)
                .as("the confirmation went to her through Twilio")
                .anyMatch(sent -> sent.contains("To=" + URLEncoder.encode(phone, StandardCharsets.UTF_8)));

        String confirmed = answer(reply(freshSid(), phone, "Sí."));
        assertThat(confirmed).startsWith("Peluqueria Lola: ").contains("confirmada");
        assertThat(replies(world)).singleElement().satisfies(reply -> {
            assertThat(reply.path("outcome").asText()).isEqualTo("confirmed");
            assertThat(reply.path("appointment").asText()).isEqualTo(first);
            assertThat(reply.path("text").asText()).isEqualTo("Sí.");
            assertThat(reply.path("from").asText()).endsWith(phone.substring(phone.length() - 3));
        });

        String sid = freshSid();
        String cancelled = answer(reply(sid, phone, "X"));
        String retried = answer(reply(sid, phone, "X"));

        assertThat(cancelled).contains("queda anulada");
        assertThat(retried).isEqualTo(cancelled);
        assertThat(status(world, first)).isEqualTo("cancelled");
        assertThat(replies(world))
                .extracting(r -> r.path("outcome").asText())
                .containsExactly("cancelled", "confirmed");
        assertThat(log(world, first))
                .filteredOn(n -> n.path("message").asText().equals("cancelled"))
                .extracting(n -> n.path("channel").asText())
                .as("her answer told her; the e-mail part of the plan stays")
                .doesNotContain("sms");
    }

    @Test
    void x_past_the_cutoff_changes_nothing_and_the_answer_says_to_call() {
        World world = business("Barbería Tarde");
        ApiClient.Response policy = api.at("/api/v1/businesses/" + world.id)
                .token(world.owner.token())
                .raw("PATCH", "{\"cancellation_cutoff_minutes\": 43200}", "application/json");
        assertThat(policy.status()).as(policy.raw()).isEqualTo(200);
        String phone = freshPhone();
        String appointment = book(world, phone);

        String answer = answer(reply(freshSid(), phone, "cancelar"));

        assertThat(answer).contains("ya no se puede anular", "+34910555666");
        assertThat(status(world, appointment)).isEqualTo("confirmed");
        assertThat(replies(world)).extracting(r -> r.path("outcome").asText()).containsExactly("too_late");
    }

    @Test
    void other_words_go_to_the_staff_once_even_when_retried() {
        World world = business("Estética Ana");
        String phone = freshPhone();
        String appointment = book(world, phone);
        String sid = freshSid();

        assertThat(answer(reply(sid, phone, "Llegaré 10 minutos tarde"))).contains("hemos pasado su mensaje");
        assertThat(answer(reply(sid, phone, "Llegaré 10 minutos tarde"))).contains("hemos pasado su mensaje");

        assertThat(status(world, appointment)).isEqualTo("confirmed");
        assertThat(log(world, appointment))
                .filteredOn(n -> n.path("message").asText().equals("staff_client_reply"))
                .singleElement()
                .satisfies(alert -> assertThat(alert.path("channel").asText()).isEqualTo("email"));
    }

    @Test
    void an_unknown_number_is_answered_politely_and_a_flood_from_it_is_cut_off() {
        String stranger = freshPhone();

        assertThat(answer(reply(freshSid(), stranger, "X"))).contains("No encontramos ninguna cita reciente");
        for (int i = 1; i < SmsReplyWiring.PER_SENDER.capacity(); i++) {
            assertThat(reply(freshSid(), stranger, "X").status()).isEqualTo(200);
        }
        assertThat(reply(freshSid(), stranger, "X").status()).isEqualTo(429);
    }

    @Test
    void a_client_of_two_businesses_texted_by_both_at_once_changes_neither_by_an_answer_that_could_be_for_either() {
        World lola = business("Peluquería Dos");
        World ana = business("Barbería Dos");
        String phone = freshPhone();
        String atLola = book(lola, phone);
        String atAna = book(ana, phone);

        String answer = answer(reply(freshSid(), phone, "X"));

        assertThat(answer).contains("No sabemos a qué cita");
        assertThat(status(lola, atLola)).isEqualTo("confirmed");
        assertThat(status(ana, atAna)).isEqualTo("confirmed");
        assertThat(replies(lola)).isEmpty();
        assertThat(replies(ana)).isEmpty();
    }

    @Test
    void hostile_bodies_are_never_a_server_error() {
        for (String body : List.of("", "%", "MessageSid=%ZZ", "a=1&a=2&&&=", "\u0000\u0001", "x".repeat(70_000))) {
            ApiClient.Response answered = api.at(TwilioReplyWebhook.PATH)
                    .header(TwilioSignature.HEADER, "c2lnbmF0dXJl")
                    .raw("POST", body, "application/x-www-form-urlencoded");
            assertThat(answered.status())
                    .as(body.length() > 20 ? "a long body" : body)
                    .isIn(403, 413);
        }
        ApiClient.Response json = api.at(TwilioReplyWebhook.PATH)
                .header(TwilioSignature.HEADER, "c2lnbmF0dXJl")
                .raw("POST", "{}", "application/json");
        assertThat(json.status()).isEqualTo(415);
    }
}
