package com.voiceappoint.bootstrap;

import com.voiceappoint.adapter.http.RawRoute;
import com.voiceappoint.application.port.out.BookingOutcomePublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What an operator watches, in Prometheus's format at {@value #PATH}: the latencies the adapters measure, the
 * booking outcomes, the connection pool, and the JVM.
 */
final class Monitoring implements AutoCloseable {
    static final String PATH = "/metrics";
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    /**
     * Histogram buckets for request and tool-call latency: fine around the 10 ms a tool call may take (PRODUCT.md
     * §8), coarse up to a request that should have timed out.
     */
    private static final double[] LATENCY_BUCKETS_NANOS = Stream.of(
                    Duration.ofNanos(250_000),
                    Duration.ofNanos(500_000),
                    Duration.ofMillis(1),
                    Duration.ofMillis(2),
                    Duration.ofMillis(5),
                    Duration.ofMillis(10),
                    Duration.ofMillis(25),
                    Duration.ofMillis(50),
                    Duration.ofMillis(100),
                    Duration.ofMillis(250),
                    Duration.ofMillis(500),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(5))
            .mapToDouble(Duration::toNanos)
            .toArray();
    /** The adapters' latency timers; the pool's own timers keep Micrometer's defaults. */
    private static final List<String> LATENCIES = List.of("http.server.requests", "vapi.messages", "vapi.tool.calls");

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();

    Monitoring() {
        registry.config().meterFilter(new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (id.getType() != Meter.Type.TIMER || !LATENCIES.contains(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(LATENCY_BUCKETS_NANOS)
                        .build()
                        .merge(config);
            }
        });
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    MeterRegistry registry() {
        return registry;
    }

    /** Counts what became of booking requests, by outcome and channel: {@code bookings_total}. */
    BookingOutcomePublisher bookingOutcomes() {
        MeterProvider<Counter> bookings = Counter.builder("bookings")
                .description("requests to book or hold a time, by what became of them and the channel they came by")
                .withRegistry(registry);
        return (outcome, source) -> bookings.withTags(
                        "outcome", outcome.name().toLowerCase(Locale.ROOT),
                        "source", source.name().toLowerCase(Locale.ROOT))
                .increment();
    }

    /** The scrape endpoint; with a token, only its bearer may scrape. */
    RawRoute route(Optional<String> token) {
        Optional<byte[]> expected = token.map(t -> ("Bearer " + t).getBytes(StandardCharsets.UTF_8));
        return new RawRoute("GET", List.of(PATH), 0, (body, header) -> {
            if (expected.isPresent()
                    && !MessageDigest.isEqual(
                            expected.get(),
                            header.apply("authorization").orElse("").getBytes(StandardCharsets.UTF_8))) {
                return RawRoute.Reply.json(401, "{\"error\":\"unauthorized\"}");
            }
            return new RawRoute.Reply(200, PROMETHEUS_TEXT, registry.scrape());
        });
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
