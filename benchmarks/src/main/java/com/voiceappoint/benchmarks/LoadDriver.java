package com.voiceappoint.benchmarks;

import com.voiceappoint.benchmarks.Tenants.Tenant;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BiConsumer;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * The load side of benchmarks/run.sh, against a server already running:
 *
 * <pre>
 * seed BASE COUNT TENANTS.json                  businesses to spread the load over
 * ladder BASE TENANTS.json SCENARIO SECONDS PID RESULTS.md RATE...   open-model load at each fixed rate
 * contention BASE TENANTS.json N                N concurrent bookings of one time: exactly one may win
 * startup JAR RUNS                              start-up to ready on an existing embedded-PostgreSQL directory
 * wrk TENANTS.json SCENARIO SCRIPT.lua THREADS  the same requests for wrk's closed-loop maximum
 * streams BASE TENANTS.json SCENARIO SECONDS PID RESULTS.md STREAMS RATE...   the booking ladder with STREAMS
 *                                               live event streams open (or 0): the events' delivery lag
 * pages BASE RESULTS.md WARM_UP REQUESTS PID    one business's week of 2,000 appointments, and its dashboard
 *                                               pages' time to draw ({@link DashboardPages})
 * </pre>
 *
 * <p>Open model: request i is due at {@code start + i / rate} whether or not earlier ones were answered, and its
 * latency is counted from when it was due, not from when it was sent, so a server that stalls pays for every
 * request queued behind the stall (no coordinated omission).
 */
public final class LoadDriver {
    static final String VAPI_SECRET = "benchmark-webhook-secret";
    private static final int WARM_UP_SECONDS = 15;
    /**
     * How long the streams have to bring the last bookings after the load: more than the 15 s after which a server
     * reads from the store whatever it failed to hand over as it committed.
     */
    private static final Duration DELIVERY_WAIT = Duration.ofSeconds(20);
    /**
     * How long a server has to notice the streams hung up. It learns of it when a write fails, and the first write to
     * a connection the client closed still succeeds: the second heartbeat, 30 s on.
     */
    private static final Duration HANG_UP_WAIT = Duration.ofSeconds(45);

    private static final BiConsumer<Scenario.Request, HttpResponse<String>> UNWATCHED = (request, response) -> {};

    private LoadDriver() {}

    public static void main(String[] args) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        switch (args[0]) {
            case "seed" -> {
                List<Tenant> tenants = Tenants.create(
                        new Api(args[1], client),
                        Integer.parseInt(args[2]),
                        Long.toString(System.currentTimeMillis(), 36));
                Tenants.save(tenants, Path.of(args[3]));
            }
            case "ladder" ->
                ladder(
                        new Api(args[1], client),
                        Path.of(args[2]),
                        Scenario.valueOf(args[3]),
                        Integer.parseInt(args[4]),
                        Long.parseLong(args[5]),
                        Path.of(args[6]),
                        Arrays.stream(args, 7, args.length)
                                .mapToInt(Integer::parseInt)
                                .toArray());
            case "contention" ->
                contention(new Api(args[1], client), Tenants.load(Path.of(args[2])), Integer.parseInt(args[3]));
            case "startup" -> startup(Path.of(args[1]), Integer.parseInt(args[2]), client);
            case "streams" ->
                streams(
                        new Api(args[1], client),
                        Path.of(args[2]),
                        Scenario.valueOf(args[3]),
                        Integer.parseInt(args[4]),
                        Long.parseLong(args[5]),
                        Path.of(args[6]),
                        Integer.parseInt(args[7]),
                        Arrays.stream(args, 8, args.length)
                                .mapToInt(Integer::parseInt)
                                .toArray());
            case "wrk" -> {
                Path tenants = Path.of(args[1]);
                AtomicLong slots = slots(tenants);
                Files.writeString(
                        Path.of(args[3]),
                        WrkScript.of(
                                Scenario.valueOf(args[2]),
                                Tenants.load(tenants),
                                slots.get(),
                                Integer.parseInt(args[4])));
                // wrk books far fewer than this in its run: later runs start past whatever it took
                slots.addAndGet(WrkScript.SLOTS_RESERVED);
                saveSlots(tenants, slots);
            }
            case "pages" ->
                DashboardPages.run(
                        new Api(args[1], client),
                        client,
                        Path.of(args[2]),
                        Integer.parseInt(args[3]),
                        Integer.parseInt(args[4]),
                        Long.parseLong(args[5]));
            default ->
                throw new IllegalArgumentException(
                        "seed, ladder, contention, startup, wrk, streams or pages, not " + args[0]);
        }
    }

    /** The next booking slot, kept in a file beside the tenants so later runs never book a time twice. */
    private static AtomicLong slots(Path tenants) throws IOException {
        Path file = tenants.resolveSibling("next-slot");
        return new AtomicLong(
                Files.exists(file) ? Long.parseLong(Files.readString(file).trim()) : 0);
    }

    private static void saveSlots(Path tenants, AtomicLong slots) throws IOException {
        Files.writeString(tenants.resolveSibling("next-slot"), Long.toString(slots.get()));
    }

    private record Step(
            int rate,
            long sent,
            Histogram latency,
            Map<String, Long> answers,
            double seconds,
            ServerMetrics server,
            long maxRssKiB) {}

    private static void ladder(
            Api api, Path tenantsFile, Scenario scenario, int seconds, long pid, Path results, int[] rates)
            throws Exception {
        List<Tenant> tenants = Tenants.load(tenantsFile);
        AtomicLong slots = slots(tenantsFile);
        System.out.printf("%s: warming up at %d/s for %d s%n", scenario, rates[0], WARM_UP_SECONDS);
        run(api, tenants, scenario, rates[0], WARM_UP_SECONDS, pid, slots, UNWATCHED);
        for (int rate : rates) {
            Step step = run(api, tenants, scenario, rate, seconds, pid, slots, UNWATCHED);
            append(results, row(cells(scenario, step)));
            if (saturated(step)) {
                break;
            }
        }
        saveSlots(tenantsFile, slots);
    }

    private static boolean saturated(Step step) {
        if (step.latency().getValueAtPercentile(99) > TimeUnit.SECONDS.toNanos(1)) {
            System.out.println("  saturated: higher rates would only measure the queue");
            return true;
        }
        return false;
    }

    private static void append(Path results, String row) throws IOException {
        System.out.println(row);
        Files.writeString(results, row + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * A step of the load, and what dashboards watching saw of it ({@code streams} 0, and no delivery, when none
     * watched).
     *
     * @param events the server's metrics from before the step to when its bookings had arrived
     */
    private record Watched(
            Step step,
            int streams,
            Dashboards.Delivery delivery,
            Histogram lagMicros,
            Map<String, Long> otherEvents,
            Map<String, Long> trouble,
            ServerMetrics events) {}

    /**
     * The booking ladder with {@code streams} live event streams open all along (one per business before any has
     * two), or none: run.sh runs it both ways, to set the two side by side. With streams, each step's row says
     * how long its bookings took to arrive on them, and whether each arrived once on each stream of its business.
     */
    private static void streams(
            Api api, Path tenantsFile, Scenario scenario, int seconds, long pid, Path results, int streams, int[] rates)
            throws Exception {
        if (!scenario.books()) {
            throw new IllegalArgumentException("the streams carry what bookings make, and " + scenario + " books none");
        }
        List<Tenant> tenants = Tenants.load(tenantsFile);
        AtomicLong slots = slots(tenantsFile);
        Dashboards dashboards = streams == 0 ? null : Dashboards.open(api.base(), tenants, streams);
        try {
            System.out.printf(
                    "%s: warming up at %d/s for %d s with %d streams open%n",
                    scenario, rates[0], WARM_UP_SECONDS, streams);
            watch(api, tenants, scenario, rates[0], WARM_UP_SECONDS, pid, slots, dashboards);
            for (int rate : rates) {
                Watched watched = watch(api, tenants, scenario, rate, seconds, pid, slots, dashboards);
                append(results, streamsRow(scenario, watched));
                if (saturated(watched.step())) {
                    break;
                }
            }
        } finally {
            saveSlots(tenantsFile, slots);
            if (dashboards != null) {
                dashboards.close();
                awaitHangUp(api);
            }
        }
    }

    /** One step of the load, and what the dashboards, if any, saw of it. */
    private static Watched watch(
            Api api,
            List<Tenant> tenants,
            Scenario scenario,
            int rate,
            int seconds,
            long pid,
            AtomicLong slots,
            Dashboards dashboards)
            throws Exception {
        if (dashboards == null) {
            Step step = run(api, tenants, scenario, rate, seconds, pid, slots, UNWATCHED);
            return new Watched(step, 0, null, null, Map.of(), Map.of(), step.server());
        }
        dashboards.beginStep();
        String before = api.text("/metrics", null);
        Step step = run(
                api,
                tenants,
                scenario,
                rate,
                seconds,
                pid,
                slots,
                (request, response) -> scenario.appointmentBooked(response.statusCode(), response.body())
                        .ifPresent(id -> dashboards.booked(request.tenant(), id)));
        Dashboards.Delivery delivery = dashboards.awaitDelivered(DELIVERY_WAIT);
        return new Watched(
                step,
                dashboards.count(),
                delivery,
                dashboards.lagMicros(),
                dashboards.otherEvents(),
                dashboards.trouble(),
                new ServerMetrics(before, api.text("/metrics", null)));
    }

    /**
     * Waits for the server to let go of the streams hung up, so that whatever runs next does not share the machine
     * with them: it notices at its next write to each, a heartbeat at the latest.
     */
    private static void awaitHangUp(Api api) throws InterruptedException {
        long hungUp = System.nanoTime();
        if (Dashboards.awaitServerClosed(api, HANG_UP_WAIT)) {
            System.out.printf(
                    "  the server let the streams go %.1f s after they hung up%n", (System.nanoTime() - hungUp) / 1e9);
        } else {
            System.out.println("  the server still counts streams open: what runs next shares the machine with them");
        }
    }

    /** @param answered told of every answer, with the request it answers */
    private static Step run(
            Api api,
            List<Tenant> tenants,
            Scenario scenario,
            int rate,
            int seconds,
            long pid,
            AtomicLong slots,
            BiConsumer<Scenario.Request, HttpResponse<String>> answered)
            throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String before = api.text("/metrics", null);
        Histogram latency = new ConcurrentHistogram(TimeUnit.MINUTES.toNanos(2), 3);
        Map<String, LongAdder> answers = new ConcurrentHashMap<>();
        AtomicLong maxRss = new AtomicLong();
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        sampler.scheduleAtFixedRate(
                () -> maxRss.accumulateAndGet(rssKiB(pid), Math::max), 0, 250, TimeUnit.MILLISECONDS);
        long total = (long) rate * seconds;
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        List<CompletableFuture<?>> inFlight = new ArrayList<>((int) total);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        for (long i = 0; i < total; i++) {
            long due = start + i * interval;
            Scenario.Request request = scenario.request(api.base(), VAPI_SECRET, tenants, slots);
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            inFlight.add(client.sendAsync(request.http(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> {
                        latency.recordValue(Math.min(System.nanoTime() - due, latency.getHighestTrackableValue()));
                        answers.computeIfAbsent(outcome(response, failure), k -> new LongAdder())
                                .increment();
                        if (response != null) {
                            answered.accept(request, response);
                        }
                    }));
        }
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new))
                .exceptionally(failure -> null)
                .get(2, TimeUnit.MINUTES);
        double elapsed = (System.nanoTime() - start) / 1e9;
        sampler.shutdownNow();
        Map<String, Long> counted = new TreeMap<>();
        answers.forEach((k, v) -> counted.put(k, v.sum()));
        return new Step(
                rate,
                total,
                latency,
                counted,
                elapsed,
                new ServerMetrics(before, api.text("/metrics", null)),
                maxRss.get());
    }

    /** The HTTP status; what a tool call came to (always 200 for Vapi) is counted by the server. */
    private static String outcome(HttpResponse<String> response, Throwable failure) {
        return failure != null ? failure.getClass().getSimpleName() : Integer.toString(response.statusCode());
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells) + " |";
    }

    /**
     * The load table's row with, after the scenario, how many streams were open, and before the server's memory what
     * the streams saw: lag from each appointment.created's {@code at} to its arrival (percentiles, and the server's
     * histogram of the same to its writing, as bucket bounds), appointment.created events that arrived of those
     * expected (each booking once on each stream of its business), bookings missing, repeated or not seen booked, and
     * the server's count of events published and written.
     */
    private static String streamsRow(Scenario scenario, Watched watched) {
        List<String> cells = new ArrayList<>(cells(scenario, watched.step()));
        String memory = cells.remove(cells.size() - 1);
        cells.add(1, Integer.toString(watched.streams()));
        if (watched.delivery() == null) {
            cells.addAll(List.of("", "", "", "", "", "", ""));
            cells.add("%.0f / %.0f"
                    .formatted(
                            watched.events().delta("live_events_published_total"),
                            watched.events().delta("live_events_delivered_total")));
            cells.add("");
        } else {
            Histogram lag = watched.lagMicros();
            Dashboards.Delivery delivery = watched.delivery();
            ServerMetrics events = watched.events();
            boolean any = lag.getTotalCount() > 0;
            cells.add(any ? "%.2f".formatted(lag.getValueAtPercentile(50) / 1e3) : "");
            cells.add(any ? "%.2f".formatted(lag.getValueAtPercentile(99) / 1e3) : "");
            cells.add(any ? "%.2f".formatted(lag.getValueAtPercentile(99.9) / 1e3) : "");
            cells.add(any ? "%.1f".formatted(lag.getMaxValue() / 1e3) : "");
            cells.add("%s / %s"
                    .formatted(
                            formatBound(events.upperBoundMillis("live_event_delivery_lag_seconds", "", 0.5)),
                            formatBound(events.upperBoundMillis("live_event_delivery_lag_seconds", "", 0.99))));
            cells.add("%d / %d".formatted(delivery.received(), delivery.expected()));
            cells.add("%d / %d / %d".formatted(delivery.missing(), delivery.duplicated(), delivery.unexpected()));
            cells.add("%.0f / %.0f"
                    .formatted(
                            events.delta("live_events_published_total"), events.delta("live_events_delivered_total")));
            String seen = watched.otherEvents().isEmpty() ? "" : "events " + watched.otherEvents();
            String trouble = watched.trouble().isEmpty() ? "" : "trouble " + watched.trouble();
            cells.add(seen + (seen.isEmpty() || trouble.isEmpty() ? "" : ", ") + trouble);
        }
        cells.add(memory);
        return row(cells);
    }

    private static List<String> cells(Scenario scenario, Step step) {
        Histogram h = step.latency();
        ServerMetrics server = step.server();
        String bookings = scenario.books()
                ? "%.0f / %.0f"
                        .formatted(
                                server.delta("bookings_total", "outcome=\"booked\""),
                                server.delta("bookings_total", "outcome=\"slot_taken\""))
                : "";
        return List.of(
                scenario.name().toLowerCase().replace('_', ' '),
                Integer.toString(step.rate()),
                "%.0f".formatted(step.sent() / step.seconds()),
                "%.2f".formatted(millis(h.getValueAtPercentile(50))),
                "%.2f".formatted(millis(h.getValueAtPercentile(99))),
                "%.2f".formatted(millis(h.getValueAtPercentile(99.9))),
                "%.1f".formatted(millis(h.getMaxValue())),
                "%.2f %%".formatted(100 * server.shareWithin(scenario.serverTimer, scenario.serverLabels, "0.01")),
                formatBound(server.p99UpperBoundMillis(scenario.serverTimer, scenario.serverLabels)),
                bookings,
                answers(scenario, step),
                Long.toString(step.maxRssKiB() / 1024));
    }

    /** HTTP statuses as the load generator saw them, and for tool calls what the server says they came to. */
    private static String answers(Scenario scenario, Step step) {
        if (!scenario.serverTimer.startsWith("vapi")) {
            return "HTTP " + step.answers();
        }
        Map<String, Long> outcomes = new TreeMap<>();
        for (String outcome : List.of("answered", "refused", "unavailable", "throttled", "failed")) {
            long count = Math.round(step.server()
                    .delta(scenario.serverTimer + "_count", scenario.serverLabels, "outcome=\"" + outcome + "\""));
            if (count > 0) {
                outcomes.put(outcome, count);
            }
        }
        return "HTTP " + step.answers() + ", tools " + outcomes;
    }

    private static String formatBound(double millis) {
        return Double.isInfinite(millis) ? "> 5000" : "%.2f".formatted(millis);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    static long rssKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException gone) {
            // the process ended or this is not Linux
        }
        return 0;
    }

    /**
     * N requests for the same stylist at the same time, all sent at once, each from another caller: exactly one
     * appointment may come of it, and every other request must be told the time is taken.
     */
    private static void contention(Api api, List<Tenant> tenants, int n) throws Exception {
        Tenant tenant = tenants.get(0);
        String provider = tenant.staff().get(0);
        String day = Scenario.firstDay().plusDays(85).toString();
        String start = day + "T21:30";
        List<HttpRequest> requests = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            requests.add(HttpRequest.newBuilder(URI.create(api.base() + "/api/v1/appointments/"))
                    .timeout(Duration.ofMinutes(2))
                    .header("Authorization", "Bearer " + tenant.token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"business\":\"%s\",\"service\":\"%s\",\"provider\":\"%s\",\"start\":\"%s\",\"client\":{\"name\":\"Racer %d\",\"phone\":\"+3467%07d\"}}"
                                    .formatted(tenant.businessId(), tenant.serviceId(), provider, start, i, i)))
                    .build());
        }
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .build();
        Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        List<CompletableFuture<?>> answers = new ArrayList<>(n);
        for (HttpRequest request : requests) {
            answers.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString())
                    .whenComplete((response, failure) -> statuses.computeIfAbsent(
                                    failure != null
                                            ? failure.getClass().getSimpleName()
                                            : response.statusCode()
                                                    + (response.body().contains("SLOT_TAKEN") ? " SLOT_TAKEN" : ""),
                                    k -> new LongAdder())
                            .increment()));
        }
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new))
                .exceptionally(failure -> null)
                .get(5, TimeUnit.MINUTES);
        double settled = (System.nanoTime() - started) / 1e6;
        long booked = 0;
        for (var appointment : api.send(
                        "GET",
                        "/api/v1/appointments/?business=%s&from=%s&to=%s&provider=%s"
                                .formatted(tenant.businessId(), day, day, provider),
                        null,
                        tenant.token(),
                        "10.99.0.1",
                        200)
                .path("results")) {
            if (appointment.path("start").asText().startsWith(start)) {
                booked++;
            }
        }
        Map<String, Long> counted = new TreeMap<>();
        statuses.forEach((k, v) -> counted.put(k, v.sum()));
        System.out.printf("| %d | %s | %d | %.0f |%n", n, counted, booked, settled);
        if (booked != 1) {
            throw new IllegalStateException("the slot holds " + booked + " appointments");
        }
    }

    /**
     * The jar started {@code runs} times on one embedded-PostgreSQL data directory (the first start, which runs
     * initdb and every migration, is reported apart): time from the process starting to /health/ready answering
     * 200, and its resident memory then.
     */
    private static void startup(Path jar, int runs, HttpClient client) throws Exception {
        Path data = Files.createTempDirectory("voiceappoint-startup");
        for (int run = 0; run <= runs; run++) {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-jar",
                            jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(data.resolve("run-" + run + ".log").toFile());
            builder.environment().remove("DATABASE_URL");
            builder.environment()
                    .putAll(Map.of("PORT", Integer.toString(port), "HOST", "127.0.0.1", "DATA_DIR", data.toString()));
            long started = System.nanoTime();
            Process server = builder.start();
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                    .build();
            while (true) {
                try {
                    if (client.send(ready, HttpResponse.BodyHandlers.discarding())
                                    .statusCode()
                            == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (!server.isAlive()) {
                    throw new IllegalStateException("the server exited: see " + data.resolve("run-" + run + ".log"));
                }
                Thread.sleep(5);
            }
            double millis = (System.nanoTime() - started) / 1e6;
            long rss = rssKiB(server.pid());
            String logged = Files.readAllLines(data.resolve("run-" + run + ".log"), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("VoiceAppoint ready on"))
                    .map(line -> line.substring(line.lastIndexOf(" in ") + 4))
                    .findFirst()
                    .orElse("?");
            System.out.printf(
                    "| %s | %.0f | %s | %d |%n",
                    run == 0 ? "first start (initdb, migrations)" : "restart " + run, millis, logged, rss / 1024);
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
    }
}
