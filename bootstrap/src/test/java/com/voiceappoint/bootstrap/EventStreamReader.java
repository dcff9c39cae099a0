package com.voiceappoint.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A member's event stream read as a browser's EventSource reads it, over a socket: each event's name, id and data,
 * and the comments (heartbeats) apart.
 */
final class EventStreamReader implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Event(String name, String id, String data) {
        JsonNode json() {
            try {
                return JSON.readTree(data);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long number() {
            return Long.parseLong(id);
        }
    }

    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final List<String> comments = new ArrayList<>();
    private final Thread reader;
    private volatile boolean ended;

    private EventStreamReader(HttpResponse<InputStream> response) {
        this.response = response;
        this.reader = new Thread(this::read, "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens a business's stream with a bearer token; {@code lastEventId} as a reconnecting browser sends it. */
    static EventStreamReader open(int port, String business, String token, Optional<Long> lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/businesses/" + business + "/events/"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + token);
        lastEventId.ifPresent(id -> request.header("Last-Event-ID", Long.toString(id)));
        return open(request.GET().build());
    }

    /** Opens a stream at {@code path} (with its ticket, say) and nothing else. */
    static EventStreamReader open(int port, String pathAndQuery) {
        return open(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .header("Accept", "text/event-stream")
                .GET()
                .build());
    }

    private static EventStreamReader open(HttpRequest request) {
        try {
            HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                throw new IllegalStateException("stream refused: " + response.statusCode() + " " + body);
            }
            return new EventStreamReader(response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<InputStream> response() {
        return response;
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
                } else if (line.startsWith(":")) {
                    synchronized (comments) {
                        comments.add(line.substring(1).strip());
                    }
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    if (data.length() > 0) {
                        data.append('\n');
                    }
                    data.append(line.substring(5).strip());
                }
            }
        } catch (IOException e) {
            // closed by the test, or by the server
        } finally {
            ended = true;
        }
    }

    /** The next event, waiting at most {@code wait}; empty if none came. */
    Optional<Event> next(Duration wait) {
        try {
            return Optional.ofNullable(events.poll(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Events, in the order they came, until one matches {@code last}; fails if none does within {@code wait}. */
    List<Event> until(Predicate<Event> last, Duration wait) {
        List<Event> seen = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Event> event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (event.isEmpty()) {
                break;
            }
            seen.add(event.get());
            if (last.test(event.get())) {
                return seen;
            }
        }
        throw new AssertionError("no such event within " + wait + "; saw " + seen);
    }

    /** Everything that arrives within {@code wait}. */
    List<Event> drain(Duration wait) {
        List<Event> seen = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        Optional<Event> event;
        while ((event = next(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())))).isPresent()) {
            seen.add(event.get());
        }
        return seen;
    }

    List<String> comments() {
        synchronized (comments) {
            return List.copyOf(comments);
        }
    }

    boolean ended() {
        return ended;
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
