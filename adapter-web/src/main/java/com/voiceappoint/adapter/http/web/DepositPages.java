package com.voiceappoint.adapter.http.web;

import com.voiceappoint.adapter.http.PublicRoutes;
import com.voiceappoint.adapter.http.ratelimit.RateLimiter;
import com.voiceappoint.application.port.in.PublicBookingUseCase;
import com.voiceappoint.application.port.in.PublicBookingUseCase.DepositPage;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentId;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The page of a deposit a client pays to keep their time, at {@code /{slug}/pay/{payment}}: what a text or an e-mail
 * links to, where a booking on the web goes when Stripe cannot be reached, and where Stripe sends the client back
 * ({@code ?paid=1} once they paid). It says what the deposit is for and where it stands, and while it is open, how
 * long the time is kept and where to pay. The payment's id is the only key to it, so it is kept out of caches and
 * search engines and counted with the manage links.
 */
public final class DepositPages implements PageGroup {
    static final String PATH = "/{slug}/pay/{payment}";
    /** Stripe's way back after a payment: the page says it is being confirmed until Stripe's news arrives. */
    static final String PAID = "paid";

    /** How long a booking's manage link is kept for its deposit's page: longer than any payment window. */
    private static final Duration MANAGE_LINK_KEPT = Duration.ofDays(1);

    private static final String MANAGE_COOKIE = "va_manage";
    private static final Pattern MANAGE_TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,100}");
    /** How soon a client may try again when Stripe's page could not be opened. */
    private static final long RETRY_SECONDS = 60;

    private final WebPages pages;
    private final PublicBookingUseCase publicBooking;
    private final RateLimiter limiter;
    private final Clock clock;
    private final boolean secureCookies;
    private final String manageCookie;

    DepositPages(
            WebPages pages,
            PublicBookingUseCase publicBooking,
            RateLimiter limiter,
            Clock clock,
            boolean secureCookies) {
        this.pages = pages;
        this.publicBooking = publicBooking;
        this.limiter = limiter;
        this.clock = clock;
        this.secureCookies = secureCookies;
        // over HTTPS a browser keeps a cookie so named only if it came Secure: no plain-HTTP page can plant one
        this.manageCookie = secureCookies ? "__Secure-" + MANAGE_COOKIE : MANAGE_COOKIE;
    }

    @Override
    public void addTo(WebPages pages) {
        pages.get(PATH, this::show);
    }

    /** Where a deposit's page is. */
    static String path(Business business, PaymentId payment) {
        return "/" + business.slug().value() + "/pay/" + payment.value();
    }

    /**
     * Keeps the manage link of an appointment just booked for its deposit's page, which a booking on the web leaves
     * for Stripe's: the client is shown their link once they are back, as they would be after any other booking. The
     * cookie is HttpOnly and sent to that one page only.
     */
    void rememberManageLink(Context ctx, Business business, PaymentId payment, String token) {
        Cookie cookie = new Cookie(manageCookie, token);
        cookie.setPath(path(business, payment));
        cookie.setMaxAge((int) MANAGE_LINK_KEPT.toSeconds());
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookies);
        // Stripe sends the client back with a plain link: a Lax cookie goes with it
        cookie.setSameSite(SameSite.LAX);
        ctx.cookie(cookie);
    }

    /** Where the deposit stands, as the page words it ({@code public.deposit.state.*}). */
    public enum State {
        /** To pay, on Stripe's page. */
        OPEN,
        /** To pay, but Stripe's page cannot be opened just now. */
        UNAVAILABLE,
        /** Stripe sent the client back paid; its news has not arrived yet. */
        CONFIRMING,
        PAID,
        /** Paid, but the appointment is off: released before the payment came, or called off since. */
        PAID_NOT_KEPT,
        EXPIRED,
        CANCELLED,
        /** Not owed any more on Stripe, and the appointment stands: the deposit was taken in person. */
        SETTLED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static State of(Payment payment, Appointment appointment, boolean cameBackPaid, Instant now) {
            boolean kept = appointment.status() != AppointmentStatus.CANCELLED
                    && appointment.status() != AppointmentStatus.EXPIRED;
            switch (payment.status()) {
                case PAID:
                    return kept ? PAID : PAID_NOT_KEPT;
                case CANCELLED:
                    return kept ? SETTLED : CANCELLED;
                case EXPIRED:
                    return EXPIRED;
                default:
                    if (cameBackPaid) {
                        return CONFIRMING;
                    }
                    // the sweep may not have run yet: past its deadline, nothing can be paid on Stripe's page
                    return payment.payBy().filter(by -> !now.isBefore(by)).isPresent() ? EXPIRED : OPEN;
            }
        }
    }

    /**
     * The page as the template shows it.
     *
     * @param keptUntil until when the time is kept, as the page says it: a time today ({@code keptToday}), else a
     *     day and a time
     * @param bookAgain the booking of the same service, for a deposit that lapsed
     * @param manage the appointment's manage page, when this browser booked it
     */
    public record DepositView(
            DepositPage page,
            State state,
            String here,
            Optional<URI> checkout,
            String keptUntil,
            boolean keptToday,
            String bookAgain,
            Optional<String> manage) {
        public Payment payment() {
            return page.due().payment();
        }

        public boolean is(String code) {
            return state.code().equals(code);
        }
    }

    private void show(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Robots-Tag", "noindex");
        limiter.require(PublicRoutes.MANAGE_PER_IP, ctx.ip());
        Business business = publicBooking.business(ctx.pathParam("slug"));
        PaymentId id = new PaymentId(Guards.id(ctx, "payment"));
        DepositPage deposit = publicBooking.deposit(business.id(), id);
        Instant now = clock.instant();
        Payment payment = deposit.due().payment();
        Appointment appointment = deposit.details().appointment();
        State state = State.of(payment, appointment, ctx.queryParam(PAID) != null, now);
        if (state == State.OPEN && deposit.due().checkout().isEmpty()) {
            state = State.UNAVAILABLE;
            ctx.header("Retry-After", Long.toString(RETRY_SECONDS));
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
        }
        Visit v = pages.visit(ctx, Optional.of(business.language()));
        PageFormats f = new PageFormats(v.texts(), business.zone());
        Instant payBy = payment.payBy().orElse(appointment.start());
        boolean keptToday =
                LocalDate.ofInstant(payBy, business.zone()).equals(LocalDate.ofInstant(now, business.zone()));
        Optional<String> manage = Optional.ofNullable(ctx.cookie(manageCookie))
                .filter(token -> MANAGE_TOKEN.matcher(token).matches())
                .map(token -> "/manage/" + token);
        DepositView view = new DepositView(
                deposit,
                state,
                path(business, id),
                deposit.due().checkout(),
                keptToday ? f.time(payBy) : f.dateTime(payBy),
                keptToday,
                state == State.EXPIRED
                        ? bookAgain(business, appointment)
                        : "/" + business.slug().value() + "/book",
                manage);
        Map<String, Object> model = new HashMap<>();
        model.put("v", v);
        model.put("f", f);
        model.put("d", view);
        pages.render(ctx, "publicsite/deposit.jte", model);
    }

    /** The booking of the same service, when it can still be booked; else the choice of a service. */
    private String bookAgain(Business business, Appointment appointment) {
        String book = "/" + business.slug().value() + "/book";
        boolean offered = publicBooking.page(business.id()).services().stream()
                .anyMatch(service -> service.id().equals(appointment.serviceId()));
        return offered ? book + "?service=" + appointment.serviceId().value() : book;
    }
}
