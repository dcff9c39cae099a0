package com.voiceappoint.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.voiceappoint.adapter.http.auth.AccessTokens;
import com.voiceappoint.adapter.http.auth.AuthenticationException;
import com.voiceappoint.adapter.http.problem.InvalidRequestException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.GetBusinessQuery;
import com.voiceappoint.application.port.in.LiveEventsUseCase;
import com.voiceappoint.application.port.in.SessionUseCase;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.event.BusinessEvent;
import com.voiceappoint.domain.shared.Language;
import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A business's live events as Server-Sent Events: {@code GET /api/v1/businesses/{id}/events}, one event per change,
 * named by its type, with its number as the event id, so that a browser reconnecting by itself sends {@code
 * Last-Event-ID} and is given what it missed.
 *
 * <p>A browser's {@code EventSource} cannot send an Authorization header, so besides the member's bearer token the
 * stream accepts a ticket in the query: a token for this stream alone, for one minute, that the dashboard asks for
 * with its bearer token ({@code POST .../events/tickets}). A long-lived token never travels in a URL.
 *
 * <p>Each stream is written by a thread of its own, which waits for the stream's next events and sends a comment
 * when none came for a while: proxies keep the connection, and a client gone shows on that write. The member's login
 * is checked again at each heartbeat, and their membership by the stream itself, so a revoked session or a removed
 * member loses the stream within a heartbeat.
 */
final class LiveEventRoutes {
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    /** How long a browser waits before reconnecting after the stream ends. */
    private static final byte[] RETRY = "retry: 2000\n\n".getBytes(StandardCharsets.UTF_8);

    private static final Logger LOG = LoggerFactory.getLogger(LiveEventRoutes.class);

    private final GetBusinessQuery businesses;
    private final LiveEventsUseCase live;
    private final AccessTokens tokens;
    private final SessionUseCase sessions;
    private final ObjectMapper json;
    private final Language defaultLanguage;
    private final Clock clock;
    private final ExecutorService writers = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "event-stream");
        thread.setDaemon(true);
        return thread;
    });
    private final Set<LiveEventsUseCase.EventStream> open = ConcurrentHashMap.newKeySet();
    private final Counter delivered;
    private final Timer lag;

    LiveEventRoutes(
            GetBusinessQuery businesses,
            LiveEventsUseCase live,
            AccessTokens tokens,
            SessionUseCase sessions,
            ObjectMapper json,
            HttpSettings settings) {
        this.businesses = businesses;
        this.live = live;
        this.tokens = tokens;
        this.sessions = sessions;
        this.json = json;
        this.defaultLanguage = settings.defaultLanguage();
        this.clock = settings.clock();
        MeterRegistry metrics = settings.metrics();
        Gauge.builder("live_event_streams_open", live, l -> l.stats().openStreams())
                .description("event streams open on this server")
                .register(metrics);
        FunctionCounter.builder("live_events_published", live, l -> l.stats().published())
                .description("events committed on this server")
                .register(metrics);
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

    /** {@code POST /api/v1/businesses/{id}/events/tickets}: a one-minute pass to this business's stream. */
    void ticket(Context ctx) {
        Actor.Member member = RequestContext.member(ctx);
        BusinessId businessId = businessId(ctx);
        // only a member of the business gets a ticket to it; others learn nothing of it
        businesses.get(member, businessId);
        AccessTokens.Issued ticket = tokens.issueStreamTicket(RequestContext.bearer(ctx), businessId);
        ctx.status(201)
                .json(Map.of(
                        "ticket",
                        ticket.token(),
                        "expires_in",
                        ticket.lifetime().toSeconds()));
    }

    /** {@code GET /api/v1/businesses/{id}/events}: the stream itself. */
    void stream(Context ctx) {
        BusinessId businessId = businessId(ctx);
        AccessTokens.Bearer bearer = authenticate(ctx, businessId);
        Actor.Member member = new Actor.Member(bearer.userId());
        Business business = businesses.get(member, businessId);
        RequestContext.businessLanguage(ctx, business.language());
        Optional<Long> lastSeen = lastSeen(ctx);
        Language language = RequestContext.language(ctx, business.language());
        // refusals (not a member, too many streams) are still answered as problems: nothing is sent yet
        LiveEventsUseCase.EventStream stream = live.open(member, businessId, lastSeen);
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
            writers.execute(() -> write(client, stream, views, bearer));
        } catch (RuntimeException e) {
            // the server stopping, say: the stream counted against the member's limit is given back
            open.remove(stream);
            stream.close();
            throw e;
        }
    }

    private void write(
            SseClient client, LiveEventsUseCase.EventStream stream, LiveEventViews views, AccessTokens.Bearer bearer) {
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
                    if (!sessions.isActive(bearer.userId(), bearer.login())) {
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

    /** The member behind the bearer token in the header, or the ticket in the query. */
    private AccessTokens.Bearer authenticate(Context ctx, BusinessId businessId) {
        String ticket = ctx.queryParam("ticket");
        AccessTokens.Bearer bearer;
        if (ctx.header("Authorization") != null || ticket == null) {
            RequestContext.authenticate(ctx, tokens, sessions);
            bearer = RequestContext.bearer(ctx);
        } else {
            bearer = tokens.verifyStreamTicket(ticket, businessId);
            if (!sessions.isActive(bearer.userId(), bearer.login())) {
                throw AuthenticationException.invalidToken();
            }
            RequestContext.authenticated(ctx, bearer);
        }
        return bearer;
    }

    /** The browser's {@code Last-Event-ID} on a reconnect, or the {@code last_event_id} a new stream goes on from. */
    private static Optional<Long> lastSeen(Context ctx) {
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
        throw InvalidRequestException.field("last_event_id", "wrong_type", "request.event_id_expected");
    }

    private static BusinessId businessId(Context ctx) {
        return new BusinessId(Params.pathUuid(ctx, "id"));
    }

    /** Ends every stream, each with word that it ended (a browser reconnects, to another instance or later). */
    void close() {
        open.forEach(LiveEventsUseCase.EventStream::close);
        writers.shutdown();
    }
}
