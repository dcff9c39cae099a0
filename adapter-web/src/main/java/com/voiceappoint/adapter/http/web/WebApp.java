package com.voiceappoint.adapter.http.web;

import com.voiceappoint.adapter.http.HttpExtension;
import com.voiceappoint.adapter.http.ratelimit.RateLimiter;
import com.voiceappoint.application.port.in.BillingUseCase;
import com.voiceappoint.application.port.in.UseCases;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.List;
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
    private final LogoPages logoPages;
    private final LivePage live;
    private final String contentSecurityPolicy;
    private final BillingUseCase billing;
    /** In the order their routes are added: static paths first, {@code /{slug}} last. */
    private final List<PageGroup> groups;

    private WebApp(UseCases useCases, WebSettings settings, RateLimiter limiter) {
        this.assets = Assets.load();
        this.contentSecurityPolicy = SecurityHeaders.policy(settings.paymentPages());
        this.billing = useCases.billing();
        Csrf csrf = new Csrf(settings.secureCookies());
        this.pages = new WebPages(
                assets,
                csrf,
                new WebSessions(useCases.sessions(), csrf, settings.secureCookies(), settings.clock()),
                new Languages(settings.defaultLanguage(), settings.secureCookies()));
        this.errors = new ErrorPages(pages);
        Dashboards dashboards = new Dashboards(pages, useCases.businesses());
        SettingsPages settingsPages = new SettingsPages(
                pages,
                dashboards,
                useCases.businesses(),
                useCases.voiceSettings(),
                useCases.notifications(),
                useCases.logos());
        this.logoPages = new LogoPages(dashboards, settingsPages, useCases.logos());
        this.live = new LivePage(pages, dashboards, useCases, settings.clock());
        DepositPages deposits =
                new DepositPages(pages, useCases.publicBooking(), limiter, settings.clock(), settings.secureCookies());
        this.groups = List.of(
                new AccountPages(pages, useCases, limiter, settings.publicUrl()),
                dashboards,
                new TodayPage(pages, dashboards, useCases, settings.clock()),
                new CalendarPage(pages, dashboards, useCases, settings.clock()),
                new AppointmentPages(pages, dashboards, useCases, settings.clock()),
                new AppointmentListPage(pages, dashboards, useCases, settings.clock()),
                live,
                new ServicePages(pages, dashboards, useCases),
                new StaffPages(pages, dashboards, useCases, settings.clock()),
                new HoursPages(pages, dashboards, useCases, settings.clock()),
                logoPages,
                settingsPages,
                new PaymentSettingsPages(pages, dashboards, useCases.payments(), settings.publicUrl()),
                new BillingPages(pages, dashboards, useCases.billing()),
                new MemberPages(pages, dashboards, useCases.members()),
                new ClientPages(pages, dashboards, useCases.clients()),
                new CallPages(pages, dashboards, useCases.callLog()),
                new AnalyticsPages(pages, dashboards, useCases.analytics(), assets, settings.clock()),
                new NotificationPages(pages, dashboards, useCases.notifications()),
                new Operators(pages, useCases.operators(), useCases.billing()),
                new PricingPage(pages, useCases.billing()),
                deposits,
                // last: /{slug} would answer for any one-word page added after it
                new PublicPages(
                        pages,
                        useCases.publicBooking(),
                        useCases.findAvailableSlots(),
                        useCases.logos(),
                        limiter,
                        deposits,
                        settings.clock()));
    }

    public static WebApp create(UseCases useCases, WebSettings settings, RateLimiter limiter) {
        return new WebApp(useCases, settings, limiter);
    }

    @Override
    public void configure(JavalinConfig config) {
        config.staticFiles.enableWebjars();
        config.routes.before(ctx -> {
            if (!ctx.path().startsWith("/api/")) {
                SecurityHeaders.apply(ctx, contentSecurityPolicy);
            }
        });
        logoPages.configure(config);
        pages.addingTo(config);
        pages.get(Assets.PATH, assets::serve);
        pages.get("/", this::landing);
        groups.forEach(group -> group.addTo(pages));
    }

    /** Open live streams are told to end before the server waits for requests in flight. */
    @Override
    public void stopping() {
        live.stopping();
    }

    private void landing(Context ctx) {
        // the plans are shown only where a business can subscribe to one
        pages.render(
                ctx,
                "landing.jte",
                Map.of("v", pages.visit(ctx), "pricing", billing.plans().subscriptions()));
    }

    @Override
    public boolean answersFailure(Context ctx, int status, Exception failure) {
        return errors.answer(ctx, status, failure);
    }
}
