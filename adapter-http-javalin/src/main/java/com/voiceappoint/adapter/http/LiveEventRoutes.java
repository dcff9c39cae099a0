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
import com.voiceappoint.domain.shared.Language;
import io.javalin.http.Context;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;

/**
 * A business's live events as Server-Sent Events: {@code GET /api/v1/businesses/{id}/events}, written by {@link
 * LiveEventStreams}.
 *
 * <p>A browser's {@code EventSource} cannot send an Authorization header, so besides the member's bearer token the
 * stream accepts a ticket in the query: a token for this stream alone, for one minute, that the dashboard asks for
 * with its bearer token ({@code POST .../events/tickets}). A long-lived token never travels in a URL.
 */
final class LiveEventRoutes {
    private final GetBusinessQuery businesses;
    private final AccessTokens tokens;
    private final SessionUseCase sessions;
    private final LiveEventStreams streams;

    LiveEventRoutes(
            GetBusinessQuery businesses,
            LiveEventsUseCase live,
            AccessTokens tokens,
            SessionUseCase sessions,
            ObjectMapper json,
            HttpSettings settings) {
        this.businesses = businesses;
        this.tokens = tokens;
        this.sessions = sessions;
        MeterRegistry metrics = settings.metrics();
        Gauge.builder("live_event_streams_open", live, l -> l.stats().openStreams())
                .description("event streams open on this server")
                .register(metrics);
        FunctionCounter.builder("live_events_published", live, l -> l.stats().published())
                .description("events committed on this server")
                .register(metrics);
        this.streams = new LiveEventStreams(live, json, settings.clock(), metrics);
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
        streams.serve(
                ctx, member, business, language, lastSeen, () -> sessions.isActive(bearer.userId(), bearer.login()));
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

    private static Optional<Long> lastSeen(Context ctx) {
        try {
            return LiveEventStreams.lastSeen(ctx);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.field("last_event_id", "wrong_type", "request.event_id_expected");
        }
    }

    private static BusinessId businessId(Context ctx) {
        return new BusinessId(Params.pathUuid(ctx, "id"));
    }

    /** Ends every stream, each with word that it ended (a browser reconnects, to another instance or later). */
    void close() {
        streams.close();
    }
}
