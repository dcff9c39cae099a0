package com.voiceappoint.adapter.http.web;

import com.voiceappoint.adapter.http.LiveEventStreams;
import com.voiceappoint.application.error.TooManyStreamsException;
import com.voiceappoint.application.port.in.SessionUseCase;
import com.voiceappoint.application.port.in.UseCases;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Optional;

/**
 * {@code /dashboard/{slug}/live}: the business's live events for the calendar's script, as the REST API streams them
 * but signed in by the browser's login cookie, since an {@code EventSource} can send no header of its own. The login
 * is checked again at every heartbeat, as the REST stream checks its bearer's.
 */
final class LivePage implements PageGroup {
    private final Dashboards dashboards;
    private final WebSessions webSessions;
    private final SessionUseCase sessions;
    private final LiveEventStreams streams;

    LivePage(WebPages pages, Dashboards dashboards, UseCases useCases, Clock clock) {
        this.dashboards = dashboards;
        this.webSessions = pages.sessions();
        this.sessions = useCases.sessions();
        // the REST API's registry counts its own streams; the web's are counted by the use case's gauge alone
        this.streams = new LiveEventStreams(useCases.liveEvents(), clock, new SimpleMeterRegistry());
    }

    @Override
    public void addTo(WebPages pages) {
        pages.get("/dashboard/{" + Dashboards.SLUG + "}/live", this::stream);
    }

    private void stream(Context ctx) {
        // a script cannot follow a redirect to the login page: it is told plainly, and stops asking
        Optional<SessionUseCase.Resumed> signedIn = webSessions.current(ctx);
        if (signedIn.isEmpty()) {
            throw new PageException(HttpStatus.UNAUTHORIZED, "calendar.live.signed_out");
        }
        Workplace w = dashboards.open(ctx, "calendar");
        Optional<Long> lastSeen;
        try {
            lastSeen = LiveEventStreams.lastSeen(ctx);
        } catch (IllegalArgumentException e) {
            throw new PageException(HttpStatus.BAD_REQUEST, "error.bad_request");
        }
        SessionUseCase.Resumed login = signedIn.get();
        try {
            streams.serve(
                    ctx,
                    w.member(),
                    w.business(),
                    w.v().language(),
                    lastSeen,
                    () -> sessions.isActive(login.user().userId(), login.login()));
        } catch (TooManyStreamsException e) {
            ctx.header("Retry-After", Long.toString(ErrorPages.RETRY_AFTER_SECONDS));
            throw new PageException(HttpStatus.TOO_MANY_REQUESTS, "error.rate_limited");
        }
    }

    void stopping() {
        streams.close();
    }
}
