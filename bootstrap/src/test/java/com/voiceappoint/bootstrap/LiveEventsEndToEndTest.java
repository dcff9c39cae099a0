package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.voiceappoint.adapter.http.ApiClient;
import com.voiceappoint.adapter.persistence.TestPostgres;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A member's event stream over HTTP, against the running server: what a dashboard sees while bookings arrive by the
 * REST API, the public page and the phone, in order, in the member's language, and nothing of other businesses.
 */
class LiveEventsEndToEndTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The stream checks its login at each heartbeat, every 15 seconds. */
    private static final Duration HEARTBEAT_AND_SOME = Duration.ofSeconds(20);

    private static LiveApi api;
    private static PhoneCalls phone;

    @BeforeAll
    static void start() {
        api = LiveApi.start(postgres);
        phone = new PhoneCalls(api);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    private static LocalDate nextWeek(DayOfWeek day) {
        return LocalDate.now(ZoneId.of("Europe/Madrid")).plusWeeks(1).with(TemporalAdjusters.previousOrSame(day));
    }

    private static String serviceOf(PhoneCalls.Line line) {
        return api.at("/api/v1/services?business=" + line.owner().businessId())
                .token(line.owner().token())
                .get()
                .body()
                .get("results")
                .get(0)
                .get("id")
                .asText();
    }

    private static String slugOf(PhoneCalls.Line line) {
        return api.at("/api/v1/businesses/" + line.owner().businessId())
                .token(line.owner().token())
                .get()
                .body()
                .get("slug")
                .asText();
    }

    private static ApiClient.Response bookByStaff(PhoneCalls.Line line, String start, String client, String phone) {
        var booked = api.at("/api/v1/appointments")
                .token(line.owner().token())
                .post(Map.of(
                        "business",
                        line.owner().businessId(),
                        "service",
                        serviceOf(line),
                        "start",
                        start,
                        "client",
                        Map.of("name", client, "phone", phone)));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        return booked;
    }

    private static boolean created(EventStreamReader.Event event, String source) {
        return event.name().equals("appointment.created")
                && event.json().path("appointment").path("source").asText().equals(source);
    }

    @Test
    void the_owner_sees_bookings_by_rest_web_and_voice_live_in_order_and_nothing_of_another_business() {
        PhoneCalls.Line luna = phone.open("Peluquería Luna", "Europe/Madrid", "EUR", "es", "ES", "+34910551001");
        PhoneCalls.Line norte = phone.open("Barbería Norte", "Europe/Madrid", "EUR", "es", "ES", "+34910551002");
        LocalDate tuesday = nextWeek(DayOfWeek.TUESDAY);

        try (EventStreamReader stream = EventStreamReader.open(
                api.port(), luna.owner().businessId(), luna.owner().token(), Optional.empty())) {
            assertThat(stream.response().headers().firstValue("content-type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));

            bookByStaff(luna, tuesday + "T10:00", "Ana", "+34600000001");
            bookByStaff(norte, tuesday + "T10:00", "Norberto", "+34600000002");
            var web = api.at("/api/v1/public/businesses/" + slugOf(luna) + "/appointments")
                    .post(Map.of(
                            "service",
                            serviceOf(luna),
                            "start",
                            tuesday + "T10:30",
                            "client",
                            Map.of("name", "Bea", "phone", "+34600000003")));
            assertThat(web.status()).as(web.raw()).isEqualTo(201);
            PhoneCalls.Call call = phone.call(luna, "+34600123999");
            assertThat(call.tool(
                            "book_appointment",
                            Map.of("service_name", "corte", "start", tuesday + "T11:00", "client_name", "Carmen")))
                    .startsWith("Reservado");

            List<EventStreamReader.Event> events = stream.until(e -> created(e, "voice"), WAIT);

            assertThat(events)
                    .allSatisfy(e -> assertThat(e.json().path("business").asText())
                            .isEqualTo(luna.owner().businessId()));
            assertThat(events)
                    .extracting(EventStreamReader.Event::number)
                    .isSorted()
                    .doesNotHaveDuplicates();
            assertThat(events)
                    .extracting(EventStreamReader.Event::name)
                    .containsSubsequence(
                            "appointment.created", "appointment.created", "call.started", "appointment.created");
            List<JsonNode> bookings = events.stream()
                    .filter(e -> e.name().equals("appointment.created"))
                    .map(EventStreamReader.Event::json)
                    .toList();
            assertThat(bookings)
                    .extracting(b ->
                            b.path("appointment").path("client").path("name").asText())
                    .containsExactly("Ana", "Bea", "Carmen");
            assertThat(bookings)
                    .extracting(b -> b.path("actor").path("type").asText())
                    .containsExactly("member", "client", "client");
            assertThat(bookings.get(1).path("actor").path("channel").asText()).isEqualTo("web");
            assertThat(bookings.get(2).path("actor").path("channel").asText()).isEqualTo("voice");
            assertThat(bookings.get(2).path("text").asText())
                    .startsWith("Nueva cita por teléfono: Carmen, Corte de pelo, martes")
                    .endsWith("11:00");
            assertThat(bookings.get(1).path("text").asText()).startsWith("Nueva cita desde la web: Bea");
            // the same appointment the REST API gives
            String id = bookings.get(2).path("appointment").path("id").asText();
            JsonNode rest = api.at("/api/v1/appointments/" + id)
                    .token(luna.owner().token())
                    .get()
                    .body();
            assertThat(bookings.get(2).path("appointment")).isEqualTo(rest);

            call.hangUp("Carmen reservó un corte el martes a las 11:00.");
            List<EventStreamReader.Event> ended = stream.until(e -> e.name().equals("call.ended"), WAIT);
            assertThat(ended.get(ended.size() - 1).json().path("text").asText())
                    .isEqualTo("Terminó la llamada de +34600123999: Carmen reservó un corte el martes a las 11:00.");
            assertThat(stream.drain(Duration.ofMillis(500)))
                    .noneMatch(e -> e.data().contains(norte.owner().businessId()));
        }
    }

    @Test
    void a_stream_resumed_with_last_event_id_gets_what_it_missed_once_in_order_then_live_events() {
        PhoneCalls.Line sol = phone.open("Salón Sol", "Europe/Madrid", "EUR", "en", "ES", "+34910551003");
        LocalDate wednesday = nextWeek(DayOfWeek.WEDNESDAY);
        long seen;
        try (EventStreamReader stream = EventStreamReader.open(
                api.port(), sol.owner().businessId(), sol.owner().token(), Optional.empty())) {
            bookByStaff(sol, wednesday + "T09:00", "First", "+34600000011");
            seen = stream.until(e -> e.name().equals("appointment.created"), WAIT)
                    .get(0)
                    .number();
        }
        // while nobody watches
        bookByStaff(sol, wednesday + "T09:30", "Second", "+34600000012");
        String third = bookByStaff(sol, wednesday + "T10:00", "Third", "+34600000013")
                .body()
                .get("id")
                .asText();
        api.at("/api/v1/appointments/" + third + "/cancel")
                .token(sol.owner().token())
                .post(Map.of("reason", "changed plans"));

        try (EventStreamReader resumed = EventStreamReader.open(
                api.port(), sol.owner().businessId(), sol.owner().token(), Optional.of(seen))) {
            List<EventStreamReader.Event> missed = resumed.until(e -> e.name().equals("appointment.cancelled"), WAIT);
            assertThat(missed)
                    .extracting(EventStreamReader.Event::name)
                    .containsExactly("appointment.created", "appointment.created", "appointment.cancelled");
            assertThat(missed)
                    .extracting(EventStreamReader.Event::number)
                    .containsExactly(seen + 1, seen + 2, seen + 3);
            assertThat(missed.get(2).json().path("text").asText())
                    .startsWith("Appointment cancelled: Third, Haircut, Wednesday");

            bookByStaff(sol, wednesday + "T10:30", "Fourth", "+34600000014");
            EventStreamReader.Event live = resumed.next(WAIT).orElseThrow();
            assertThat(live.number()).isEqualTo(seen + 4);
            assertThat(live.json()
                            .path("appointment")
                            .path("client")
                            .path("name")
                            .asText())
                    .isEqualTo("Fourth");
        }
        // a number this business never gave: the dashboard is told to read everything again
        try (EventStreamReader lost = EventStreamReader.open(
                api.port(), sol.owner().businessId(), sol.owner().token(), Optional.of(seen + 1000))) {
            assertThat(lost.next(WAIT).orElseThrow().name()).isEqualTo("stream.reload");
        }
    }

    @Test
    void staff_who_act_on_their_own_diary_see_only_its_events() {
        World world = World.open(api, "Estudio Sur").withMember(World.Role.STAFF, api.register("Sur staff"));
        LiveApi.Account staff = world.member(World.Role.STAFF);
        try (EventStreamReader owner =
                        EventStreamReader.open(api.port(), world.id, world.owner.token(), Optional.empty());
                EventStreamReader own = EventStreamReader.open(api.port(), world.id, staff.token(), Optional.empty())) {
            String theirs = world.freshAppointment(world.providerOf(World.Role.STAFF));
            String owners = world.freshAppointment(world.ownerProvider);

            assertThat(owner.until(e -> e.data().contains(owners), WAIT))
                    .anyMatch(e -> e.data().contains(theirs));
            List<EventStreamReader.Event> seenByStaff =
                    new ArrayList<>(own.until(e -> e.data().contains(theirs), WAIT));
            seenByStaff.addAll(own.drain(Duration.ofSeconds(1)));
            assertThat(seenByStaff).noneMatch(e -> e.data().contains(owners));
        }
    }

    @Test
    void a_browser_opens_the_stream_with_a_ticket_and_nothing_else_opens_it() {
        World world = World.open(api, "Estudio Norte");
        World other = World.open(api, "Estudio Este");
        var ticket =
                api.at(world.path("/events/tickets")).token(world.owner.token()).post(Map.of());
        assertThat(ticket.status()).as(ticket.raw()).isEqualTo(201);
        assertThat(ticket.body().get("expires_in").asInt()).isEqualTo(60);
        String pass = ticket.body().get("ticket").asText();

        try (EventStreamReader stream = EventStreamReader.open(api.port(), world.path("/events/?ticket=" + pass))) {
            String booked = world.freshAppointment(world.ownerProvider);
            assertThat(stream.until(e -> e.data().contains(booked), WAIT)).isNotEmpty();
        }

        // the ticket is for one business's stream, and is no access token
        assertThat(api.at(other.path("/events/?ticket=" + pass))
                        .header("Accept", "text/event-stream")
                        .get()
                        .status())
                .isEqualTo(401);
        assertThat(api.at("/api/v1/auth/me").token(pass).get().status()).isEqualTo(401);
        var anonymous = api.at(world.path("/events/"))
                .header("Accept", "text/event-stream")
                .get();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        // another business's member learns nothing of this one
        var stranger = api.at(world.path("/events/")).token(other.owner.token()).get();
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(api.at(world.path("/events/tickets"))
                        .token(other.owner.token())
                        .post(Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(api.at(world.path("/events/"))
                        .token(world.owner.token())
                        .header("Last-Event-ID", "yesterday")
                        .get())
                .satisfies(r -> assertThat(r.status()).isEqualTo(400));
    }

    @Test
    void a_logout_ends_the_streams_of_its_login_within_a_heartbeat_and_the_metrics_count_streams_and_events() {
        World world = World.open(api, "Estudio Oeste");
        var login =
                api.at("/api/v1/auth/token").post(Map.of("email", world.owner.email(), "password", LiveApi.PASSWORD));
        try (EventStreamReader stream = EventStreamReader.open(
                api.port(), world.id, login.body().get("access").asText(), Optional.empty())) {
            String booked = world.freshAppointment(world.ownerProvider);
            stream.until(e -> e.data().contains(booked), WAIT);
            String metrics = api.metrics();
            assertThat(metrics)
                    .containsPattern("(?m)^live_event_streams_open(\\{[^}]*})? [1-9]")
                    .containsPattern("(?m)^live_events_delivered_total(\\{[^}]*})? [1-9]")
                    .containsPattern("(?m)^live_events_published_total(\\{[^}]*})? [1-9]")
                    .contains("live_event_delivery_lag_seconds_bucket");

            assertThat(api.at("/api/v1/auth/logout")
                            .post(Map.of("refresh", login.body().get("refresh").asText()))
                            .status())
                    .isEqualTo(204);

            EventStreamReader.Event ended = stream.next(HEARTBEAT_AND_SOME).orElseThrow();
            assertThat(ended.name()).isEqualTo("stream.ended");
            assertThat(ended.json().path("reason").asText()).isEqualTo("session_ended");
        }
    }

    @Test
    void a_reader_that_stopped_reading_slows_no_booking() throws Exception {
        World world = World.open(api, "Estudio Lento");
        try (java.net.Socket stalled = new java.net.Socket("127.0.0.1", api.port());
                EventStreamReader watching =
                        EventStreamReader.open(api.port(), world.id, world.owner.token(), Optional.empty())) {
            stalled.setReceiveBufferSize(1024);
            stalled.getOutputStream()
                    .write(("GET " + world.path("/events/") + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Accept: text/event-stream\r\nAuthorization: Bearer " + world.owner.token()
                                    + "\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            // never read: the server's writes to it block once the socket's buffers are full
            long slowest = 0;
            String last = null;
            for (int i = 0; i < 60; i++) {
                long started = System.nanoTime();
                last = world.freshAppointment(world.ownerProvider);
                slowest = Math.max(slowest, System.nanoTime() - started);
            }
            // generous: a booking waiting on the stalled reader would wait for its write to time out
            assertThat(Duration.ofNanos(slowest)).isLessThan(Duration.ofSeconds(2));
            String lastBooked = last;
            assertThat(watching.until(e -> e.data().contains(lastBooked), WAIT)).hasSizeGreaterThanOrEqualTo(60);
        }
    }
}
