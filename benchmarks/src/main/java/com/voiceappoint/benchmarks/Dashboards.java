package com.voiceappoint.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.voiceappoint.benchmarks.Tenants.Tenant;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Owners' dashboards watching their businesses' live events while the load books: event streams spread over the
 * businesses, one each before any business gets a second, read by one HttpClient whose lines go to a {@link
 * Flow.Subscriber} per stream on {@value #READERS} threads, so that a few hundred streams cost a few hundred sockets
 * and no thread each.
 *
 * <p>For each {@code appointment.created} a stream brings, the lag from the event's {@code at} (taken by the server's
 * clock, which is this machine's clock) to the arrival of its first line here. For each appointment booked while they
 * watch, how many times it arrived on each stream of its business: once, or something is wrong. A stream the server
 * ends (a reader too slow is ended as {@code fell_behind}) is opened again from the last event it had, as a browser
 * would, and counted as trouble.
 *
 * <p>The streams stay open from one step of the load to the next, as dashboards do; what they saw is counted afresh
 * for each step ({@link #beginStep}).
 */
final class Dashboards implements AutoCloseable {
    private static final int READERS = 2;
    private static final String CREATED = "appointment.created";

    private final String base;
    private final ExecutorService readers = Executors.newFixedThreadPool(READERS, task -> {
        Thread thread = new Thread(task, "event-stream-reader");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient client;
    private final List<Dashboard> dashboards = new ArrayList<>();
    private final Map<String, List<Dashboard>> byBusiness = new LinkedHashMap<>();
    /** From each appointment.created's {@code at} to its arrival, in microseconds. */
    private final Histogram lagMicros = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
    /** Appointments the load booked while the streams were open, and the business of each. */
    private final Map<String, String> booked = new ConcurrentHashMap<>();

    private final Map<String, LongAdder> otherEvents = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> trouble = new ConcurrentHashMap<>();
    private volatile boolean closing;

    private Dashboards(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(readers)
                .build();
    }

    /** {@code count} streams over the businesses, answered (their headers in) before this returns. */
    static Dashboards open(String base, List<Tenant> tenants, int count) throws Exception {
        Dashboards opened = new Dashboards(base);
        for (int i = 0; i < count; i++) {
            Tenant tenant = tenants.get(i % tenants.size());
            Dashboard dashboard = opened.new Dashboard(tenant);
            opened.dashboards.add(dashboard);
            opened.byBusiness
                    .computeIfAbsent(tenant.businessId(), b -> new ArrayList<>())
                    .add(dashboard);
            dashboard.connect();
        }
        try {
            CompletableFuture.allOf(
                            opened.dashboards.stream().map(d -> d.answered).toArray(CompletableFuture[]::new))
                    .get(1, TimeUnit.MINUTES);
        } catch (Exception refused) {
            opened.close();
            throw refused;
        }
        return opened;
    }

    int count() {
        return dashboards.size();
    }

    /**
     * Forgets what the streams saw so far: called between steps of the load, when every booking of the last one has
     * arrived or been given up on, so that nothing is on its way.
     */
    void beginStep() {
        booked.clear();
        lagMicros.reset();
        otherEvents.clear();
        trouble.clear();
        dashboards.forEach(dashboard -> dashboard.created.clear());
    }

    /** An appointment the load booked for a business: each of its streams must bring it once. */
    void booked(Tenant tenant, String appointmentId) {
        booked.put(appointmentId, tenant.businessId());
    }

    /** What arrived of what was booked, as it stands. */
    Delivery delivery() {
        long expected = 0;
        long received = 0;
        long missing = 0;
        long duplicated = 0;
        long unexpected = 0;
        for (Map.Entry<String, String> appointment : booked.entrySet()) {
            for (Dashboard dashboard : byBusiness.getOrDefault(appointment.getValue(), List.of())) {
                int times = dashboard.created.getOrDefault(appointment.getKey(), 0);
                expected++;
                if (times == 0) {
                    missing++;
                } else if (times > 1) {
                    duplicated++;
                }
            }
        }
        for (Dashboard dashboard : dashboards) {
            for (Map.Entry<String, Integer> arrived : dashboard.created.entrySet()) {
                received += arrived.getValue();
                if (!booked.containsKey(arrived.getKey())) {
                    unexpected++;
                }
            }
        }
        return new Delivery(expected, received, missing, duplicated, unexpected);
    }

    /**
     * @param expected one for each booking on each stream of its business
     * @param received every appointment.created that arrived, repeats included
     * @param missing bookings a stream of their business never brought
     * @param duplicated bookings a stream brought more than once
     * @param unexpected appointments that arrived whose booking the load did not see answered (a time-out)
     */
    record Delivery(long expected, long received, long missing, long duplicated, long unexpected) {}

    /** Waits until every booking arrived on its streams, or {@code atMost} passed, and says what arrived. */
    Delivery awaitDelivered(Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        Delivery delivery = delivery();
        while (delivery.missing() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            delivery = delivery();
        }
        return delivery;
    }

    /** The lag of this step's appointment.created events so far, in microseconds. */
    Histogram lagMicros() {
        return lagMicros.copy();
    }

    /** Events other than appointment.created, by type. */
    Map<String, Long> otherEvents() {
        return counted(otherEvents);
    }

    /** Streams ended by the server or the network, events out of order, events of another business. */
    Map<String, Long> trouble() {
        return counted(trouble);
    }

    private static Map<String, Long> counted(Map<String, LongAdder> counters) {
        Map<String, Long> counted = new TreeMap<>();
        counters.forEach((k, v) -> counted.put(k, v.sum()));
        return counted;
    }

    private void note(String what) {
        trouble.computeIfAbsent(what, k -> new LongAdder()).increment();
    }

    /** Hangs up every stream: the client closes its connections, the server notices at its next write. */
    @Override
    public void close() {
        closing = true;
        for (Dashboard dashboard : dashboards) {
            Flow.Subscription subscription = dashboard.subscription;
            if (subscription != null) {
                subscription.cancel();
            }
        }
        readers.shutdown();
    }

    /** One stream, parsed as Server-Sent Events line by line. */
    private final class Dashboard implements Flow.Subscriber<String> {
        private final Tenant tenant;
        /** Times each appointment.created arrived, by appointment id. */
        final Map<String, Integer> created = new ConcurrentHashMap<>();
        /** Completes when the first connection's headers are in, or fails with the server's refusal. */
        final CompletableFuture<Void> answered = new CompletableFuture<>();

        volatile Flow.Subscription subscription;
        private volatile long lastId = -1;
        // one event's fields, between blank lines; onNext is never called concurrently
        private String type;
        private String id;
        private String data;
        private Instant arrived;

        Dashboard(Tenant tenant) {
            this.tenant = tenant;
        }

        void connect() {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(base + "/api/v1/businesses/" + tenant.businessId() + "/events/"))
                    .header("Authorization", "Bearer " + tenant.token())
                    .header("Accept", "text/event-stream");
            if (lastId >= 0) {
                request.header("Last-Event-ID", Long.toString(lastId));
            }
            client.sendAsync(request.build(), this::body).whenComplete(this::ended);
        }

        private BodySubscriber<Void> body(HttpResponse.ResponseInfo info) {
            if (info.statusCode() != 200) {
                return BodySubscribers.mapping(BodySubscribers.ofString(StandardCharsets.UTF_8), problem -> {
                    answered.completeExceptionally(new IllegalStateException("the stream of %s answered %d: %s"
                            .formatted(tenant.businessId(), info.statusCode(), problem)));
                    return null;
                });
            }
            answered.complete(null);
            return BodySubscribers.fromLineSubscriber(this);
        }

        private void ended(HttpResponse<Void> response, Throwable failure) {
            if (closing) {
                return;
            }
            if (response != null && response.statusCode() != 200) {
                note("refused " + response.statusCode());
                return;
            }
            note(failure == null ? "reopened after the server ended it" : "reopened after " + failure);
            // soon, not at once: a server refusing connections is not to be spun against
            CompletableFuture.runAsync(this::connect, CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            type = null;
            id = null;
            data = null;
            if (closing) {
                subscription.cancel();
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                dispatch();
                return;
            }
            if (line.startsWith(":")) {
                return; // a heartbeat
            }
            if (type == null && id == null && data == null) {
                arrived = Instant.now();
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(line.startsWith(": ", colon) ? colon + 2 : colon + 1);
            switch (field) {
                case "event" -> type = value;
                case "id" -> id = value;
                case "data" -> data = data == null ? value : data + "\n" + value;
                default -> {
                    // retry: the browser's reconnection delay, nothing to measure
                }
            }
        }

        private void dispatch() {
            String kind = type == null ? "message" : type;
            String eventId = id;
            String payload = data;
            type = null;
            id = null;
            data = null;
            if (payload == null) {
                return;
            }
            if (eventId != null) {
                long number = Long.parseLong(eventId);
                if (lastId >= 0 && number != lastId + 1) {
                    note("event " + (number <= lastId ? "repeated or out of order" : "numbers skipped"));
                }
                lastId = number;
            }
            if (kind.startsWith("stream.")) {
                note(kind + " " + payload);
                return;
            }
            try {
                JsonNode event = Api.JSON.readTree(payload);
                if (!tenant.businessId().equals(event.path("business").asText())) {
                    note("an event of another business");
                }
                if (!CREATED.equals(kind)) {
                    otherEvents.computeIfAbsent(kind, k -> new LongAdder()).increment();
                    return;
                }
                created.merge(event.path("appointment").path("id").asText(), 1, Integer::sum);
                Instant at = OffsetDateTime.parse(event.path("at").asText()).toInstant();
                long lag = Math.max(0, ChronoUnit.MICROS.between(at, arrived));
                lagMicros.recordValue(Math.min(lag, lagMicros.getHighestTrackableValue()));
            } catch (IOException | RuntimeException unreadable) {
                note("unreadable event: " + unreadable);
            }
        }

        @Override
        public void onError(Throwable failure) {
            // ended() hears of it too, with the exchange's outcome
        }

        @Override
        public void onComplete() {
            // ended() opens the stream again unless the dashboards are closing
        }
    }

    /** Waits until the server counts none of these streams open any more, or {@code atMost} passed. */
    static boolean awaitServerClosed(Api api, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            ServerMetrics now = new ServerMetrics("", api.text("/metrics", null));
            if (now.now("live_event_streams_open") == 0) {
                return true;
            }
            Thread.sleep(250);
        }
        return false;
    }
}
