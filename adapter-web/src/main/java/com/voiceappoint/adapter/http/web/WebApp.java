package com.voiceappoint.adapter.http.web;

import com.voiceappoint.adapter.http.HttpExtension;
import com.voiceappoint.adapter.http.ratelimit.RateLimiter;
import com.voiceappoint.application.port.in.UseCases;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.Map;

/**
 * The web app: pages rendered on the server from JTE templates, on the REST API's server, driving the same use
 * cases. htmx (from a webjar) makes parts of pages update without a reload; every page works without it where it
 * can. Everything under {@code /api/} stays the REST API's.
 */
public final class WebApp implements HttpExtension {
    private final WebPages pages;
    private final Assets assets;
    private final ErrorPages errors;
    private final Dashboards dashboards;
    private final TodayPage today;
    private final CalendarPage calendar;
    private final AppointmentPages appointments;
    private final AppointmentListPage appointmentList;
    private final LivePage live;

    private WebApp(UseCases useCases, WebSettings settings, RateLimiter limiter) {
        this.assets = Assets.load();
        WebSessions sessions = new WebSessions(useCases.sessions(), settings.secureCookies(), settings.clock());
        this.pages = new WebPages(
                assets,
                new Csrf(settings.secureCookies()),
                sessions,
                new Languages(settings.defaultLanguage(), settings.secureCookies()));
        this.errors = new ErrorPages(pages);
        this.dashboards = new Dashboards(pages, useCases.businesses());
        this.today = new TodayPage(
                pages,
                dashboards,
                useCases.appointments(),
                useCases.settings(),
                useCases.callLog(),
                useCases.voiceSettings(),
                settings.clock());
        this.calendar = new CalendarPage(
                pages, dashboards, useCases.appointments(), useCases.staff(), useCases.settings(), settings.clock());
        this.appointments = new AppointmentPages(
                pages,
                dashboards,
                useCases.appointments(),
                useCases.changeAppointment(),
                useCases.bookAppointment(),
                useCases.clients(),
                useCases.listServices(),
                useCases.staff(),
                useCases.callLog(),
                settings.clock());
        this.appointmentList = new AppointmentListPage(
                pages,
                dashboards,
                useCases.appointments(),
                useCases.staff(),
                useCases.listServices(),
                useCases.clients(),
                settings.clock());
        this.live = new LivePage(dashboards, sessions, useCases.sessions(), useCases.liveEvents(), settings.clock());
    }

    public static WebApp create(UseCases useCases, WebSettings settings, RateLimiter limiter) {
        return new WebApp(useCases, settings, limiter);
    }

    @Override
    public void configure(JavalinConfig config) {
        config.staticFiles.enableWebjars();
        config.routes.before(ctx -> {
            if (!ctx.path().startsWith("/api/")) {
                SecurityHeaders.apply(ctx);
            }
        });
        pages.addingTo(config);
        pages.get(Assets.PATH, assets::serve);
        pages.get("/", this::landing);
        dashboards.addTo(pages);
        today.addTo(pages);
        calendar.addTo(pages);
        appointments.addTo(pages);
        appointmentList.addTo(pages);
        live.addTo(pages);
    }

    @Override
    public void stopping() {
        live.stopping();
    }

    private void landing(Context ctx) {
        pages.render(ctx, "landing.jte", Map.of("v", pages.visit(ctx)));
    }

    @Override
    public boolean answersFailure(Context ctx, int status, Exception failure) {
        return errors.answer(ctx, status, failure);
    }
}
