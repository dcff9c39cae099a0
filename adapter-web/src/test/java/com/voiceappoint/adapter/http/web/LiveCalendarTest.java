package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.Role;
import com.voiceappoint.domain.schedule.ProviderId;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The calendar's live route, read over a socket as a browser's EventSource reads it: signed in by the login cookie,
 * it sends a booking made meanwhile with a line for the toast in the member's language, and gives a reconnecting
 * browser what it missed.
 */
class LiveCalendarTest {
    @RegisterExtension
    static final WebServer SERVER = new WebServer();

    private static final Instant TUESDAY_TEN = Instant.parse("2026-11-24T09:00:00Z");

    @Test
    void a_booking_made_meanwhile_arrives_on_the_stream_with_its_toast_and_again_after_a_reconnect() {
        OpenSalon salon = OpenSalon.open(SERVER);
        Browser browser = salon.ownersBrowser();

        EventStream.Event event;
        try (EventStream stream = EventStream.open(browser, salon.at("live"), Optional.empty())) {
            assertThat(stream.response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            salon.book(TUESDAY_TEN, "Llamante", "+34600000901", BookingSource.VOICE);
            event = stream.next("appointment.created");
        }
        assertThat(event.data()).contains("\"text\":\"Nueva cita: Llamante, Corte", "\"source\":\"voice\"");
        assertThat(event.id()).isNotBlank();

        long seen = Long.parseLong(event.id());
        try (EventStream again = EventStream.open(browser, salon.at("live"), Optional.of(seen - 1))) {
            assertThat(again.next("appointment.created").id()).isEqualTo(event.id());
        }
    }

    @Test
    void the_toast_speaks_the_members_language() {
        OpenSalon salon = OpenSalon.open(SERVER);
        Browser browser = salon.ownersBrowser();
        browser.get("/?lang=en");

        try (EventStream stream = EventStream.open(browser, salon.at("live"), Optional.empty())) {
            salon.book(TUESDAY_TEN, "Caller", "+34600000911", BookingSource.WEB);
            String text = stream.next("appointment.created").data();
            assertThat(text).contains("\"text\":\"New appointment: Caller, Corte");
        }
    }

    @Test
    void staff_who_look_after_their_own_diary_hear_of_their_own_bookings_only() {
        OpenSalon salon = OpenSalon.open(SERVER);
        UserId ana = salon.member(Role.STAFF);
        ProviderId anas = salon.provider(ana, "Ana");

        try (EventStream stream = EventStream.open(salon.browserOf(ana), salon.at("live"), Optional.empty())) {
            salon.book(TUESDAY_TEN, "De Lola", "+34600000921", BookingSource.WEB);
            AppointmentDetails hers =
                    salon.book(salon.owner, TUESDAY_TEN, anas, "De Ana", "+34600000922", BookingSource.WEB);
            EventStream.Event event = stream.next("appointment.created");
            assertThat(event.data())
                    .contains(hers.appointment().id().value().toString())
                    .doesNotContain("De Lola");
        }
    }

    @Test
    void a_signed_out_browser_and_a_stranger_to_the_business_are_refused() {
        OpenSalon salon = OpenSalon.open(SERVER);
        OpenSalon other = OpenSalon.open(SERVER);

        assertThat(EventStream.status(SERVER.browser(), salon.at("live"))).isEqualTo(401);
        assertThat(EventStream.status(other.ownersBrowser(), salon.at("live"))).isEqualTo(404);
        Browser ended = salon.ownersBrowser();
        ended.get(salon.at(""));
        SERVER.useCases().sessions().end(ended.cookie(WebSessions.COOKIE).orElseThrow());
        assertThat(EventStream.status(ended, salon.at("live")))
                .as("a login ended elsewhere")
                .isEqualTo(401);
    }

    /** An event stream read line by line, as bootstrap's EventStreamReader reads the REST one. */
    private static final class EventStream implements AutoCloseable {
        private static final HttpClient HTTP =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        record Event(String name, String id, String data) {}

        private final HttpResponse<InputStream> response;
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

        private EventStream(HttpResponse<InputStream> response) {
            this.response = response;
            Thread reader = new Thread(this::read, "test-event-stream");
            reader.setDaemon(true);
            reader.start();
        }

        static EventStream open(Browser browser, String path, Optional<Long> lastEventId) {
            HttpResponse<InputStream> response = send(browser, path, lastEventId);
            assertThat(response.statusCode()).isEqualTo(200);
            return new EventStream(response);
        }

        static int status(Browser browser, String path) {
            HttpResponse<InputStream> response = send(browser, path, Optional.empty());
            try (InputStream body = response.body()) {
                body.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return response.statusCode();
        }

        private static HttpResponse<InputStream> send(Browser browser, String path, Optional<Long> lastEventId) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVER.port() + path))
                    .header("Accept", "text/event-stream");
            // what a browser's EventSource sends of its own accord: the login, and the language chosen
            String cookies = java.util.stream.Stream.of(WebSessions.COOKIE, Languages.COOKIE)
                    .flatMap(name -> browser.cookie(name).map(value -> name + "=" + value).stream())
                    .collect(Collectors.joining("; "));
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies);
            }
            lastEventId.ifPresent(id -> request.header("Last-Event-ID", Long.toString(id)));
            try {
                return HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void read() {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String name = "message";
                String id = null;
                StringBuilder data = new StringBuilder();
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            events.add(new Event(name, id, data.toString()));
                        }
                        name = "message";
                        data.setLength(0);
                    } else if (line.startsWith("event:")) {
                        name = line.substring(6).strip();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("data:")) {
                        data.append(line.substring(5).strip());
                    }
                }
            } catch (IOException e) {
                // closed by the test, or by the server
            }
        }

        /** The next event of this name, skipping others; fails after five seconds without one. */
        Event next(String name) {
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            try {
                while (System.nanoTime() < deadline) {
                    Event event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                    if (event != null && event.name().equals(name)) {
                        return event;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new AssertionError("no " + name + " event within five seconds");
        }

        @Override
        public void close() {
            try {
                response.body().close();
            } catch (IOException e) {
                // already closed
            }
        }
    }
}
