package com.voiceappoint.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.LiveEventsUseCase;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.event.BusinessEvent;
import com.voiceappoint.domain.shared.Language;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a member's live events to an answer as Server-Sent Events, whoever signed the member in: the REST API's
 * stream (bearer token or ticket) and the web app's (cookie login) differ only in that. One event per change, named
 * by its type, with its number as the event id, so that a browser reconnecting by itself sends {@code Last-Event-ID}
 * and is given what it missed.
 *
 * <p>Each stream is written by a thread of its own, which waits for the stream's next events and sends a comment
 * when none came for a while: proxies keep the connection, and a client gone shows on that write. The member's login
 * is checked again at each heartbeat, and their membership by the stream itself, so a revoked session or a removed
 * member loses the stream within a heartbeat.
 */
public final class LiveEventStreams {
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** How long a browser waits before reconnecting after the stream ends. */
    private static final byte[] RETRY = "retry: 2000\n\n".getBytes(StandardCharsets.UTF_8);

    private static final Logger LOG = LoggerFactory.getLogger(LiveEventStreams.class);

    private final LiveEventsUseCase live;
    private final ObjectMapper json;
    private final Clock clock;
    private final ExecutorService writers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "event-stream");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<LiveEventsUseCase.EventStream> open = ConcurrentHashMap.newKeySet();
    private final Counter delivered;
    private final Timer lag;

    public LiveEventStreams(LiveEventsUseCase live, Clock clock, MeterRegistry metrics) {
        this(live, JsonMapping.create(), clock, metrics);
    }

    LiveEventStreams(LiveEventsUseCase live, ObjectMapper json, Clock clock, MeterRegistry metrics) {
        this.live = live;
        this.json = json;
        this.clock = clock;
        this.delivered = Counter.builder("live_events_delivered")
                .description("events written to event streams")
                .register(metrics);
        this.lag = Timer.builder("live_event_delivery_lag")
                .description("from an event's change to its writing on a stream")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofSeconds(30))
                .register(metrics);
    }

    /**
     * Opens the member's stream of the business's events and answers with it, going on from {@code lastSeen}. A
     * refusal (not a member, too many streams) is thrown before anything is sent, for the caller to answer in its own
     * form.
     *
     * @param language the language of each event's line for a toast
     * @param signedIn whether the member's login still holds; asked at every heartbeat
     */
    public void serve(
            Context ctx,
            Actor.Member member,
            Business business,
            Language language,
            Optional<Long> lastSeen,
            BooleanSupplier signedIn) {
        LiveEventsUseCase.EventStream stream = live.open(member, business.id(), lastSeen);
        try {
            ctx.status(200);
            ctx.res().setCharacterEncoding("UTF-8");
            ctx.res().setContentType("text/event-stream");
            ctx.header("Cache-Control", "no-cache, no-transform");
            // nginx would otherwise hold the events back in its buffer
            ctx.header("X-Accel-Buffering", "no");
            SseClient client = new SseClient(ctx);
            client.onClose(stream::close);
            client.keepAlive();
            LiveEventViews views = new LiveEventViews(business, language);
            open.add(stream);
            writers.execute(() -> write(client, stream, views, signedIn));
        } catch (RuntimeException e) {
            // the server stopping, say: the stream counted against the member's limit is given back
            open.remove(stream);
            stream.close();
            throw e;
        }
    }

    /**
     * The browser's {@code Last-Event-ID} on a reconnect, or the {@code last_event_id} a new stream goes on from.
     *
     * @throws IllegalArgumentException when it is not an event's number
     */
    public static Optional<Long> lastSeen(Context ctx) {
        String given = Optional.ofNullable(ctx.header("Last-Event-ID")).orElse(ctx.queryParam("last_event_id"));
        if (given == null || given.isBlank()) {
            return Optional.empty();
        }
        try {
            long seen = Long.parseLong(given.strip());
            if (seen >= 0) {
                return Optional.of(seen);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("not an event number: " + given);
    }

    private void write(
            SseClient client, LiveEventsUseCase.EventStream stream, LiveEventViews views, BooleanSupplier signedIn) {
        try (stream) {
            // the one field SseClient has no method for: how long the browser waits before it reconnects
            client.ctx().res().getOutputStream().write(RETRY);
            client.ctx().res().flushBuffer();
            long sessionCheckedAt = System.nanoTime();
            while (!client.terminated()) {
                LiveEventsUseCase.Next next = stream.next(HEARTBEAT);
                // busy or quiet, the login is checked this often: a logout ends the stream within a heartbeat
                if (System.nanoTime() - sessionCheckedAt >= HEARTBEAT.toNanos()) {
                    sessionCheckedAt = System.nanoTime();
                    if (!signedIn.getAsBoolean()) {
                        client.sendEvent("stream.ended", "{\"reason\":\"session_ended\"}");
                        return;
                    }
                }
                if (next instanceof LiveEventsUseCase.Events events) {
                    for (BusinessEvent event : events.events()) {
                        client.sendEvent(
                                event.kind().code(),
                                json.writeValueAsString(views.of(event)),
                                Long.toString(event.sequence()));
                        delivered.increment();
                        if (events.live()) {
                            // what a resumed stream missed is not late news
                            lag.record(Duration.between(event.at(), clock.instant()));
                        }
                    }
                } else if (next instanceof LiveEventsUseCase.Quiet) {
                    client.sendComment("heartbeat");
                } else if (next instanceof LiveEventsUseCase.Reload) {
                    client.sendEvent("stream.reload", "{\"reason\":\"events_missed\"}");
                } else if (next instanceof LiveEventsUseCase.Ended ended) {
                    client.sendEvent(
                            "stream.ended",
                            "{\"reason\":\"" + ended.why().name().toLowerCase(Locale.ROOT) + "\"}");
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            // the client went away, or the store did: either way the client reconnects and resumes
            LOG.debug("event stream ended: {}", e.toString());
        } finally {
            open.remove(stream);
            client.close();
        }
    }

    /** Ends every stream, each with word that it ended (a browser reconnects, to another instance or later). */
    public void close() {
        open.forEach(LiveEventsUseCase.EventStream::close);
        writers.shutdown();
    }
}
