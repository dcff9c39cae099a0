package com.voiceappoint.adapter.http.web;

import com.voiceappoint.adapter.http.PublicRoutes;
import com.voiceappoint.adapter.http.ratelimit.RateLimiter;
import com.voiceappoint.application.port.in.PublicBookingUseCase;
import com.voiceappoint.application.port.in.PublicBookingUseCase.CardPage;
import com.voiceappoint.application.port.in.PublicBookingUseCase.DepositPage;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentId;
import com.voiceappoint.domain.payment.SavedCard;
import com.voiceappoint.domain.payment.SavedCardId;
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
 * long the time is kept and where to pay. A no-show fee the client's saved card could not pay is paid on the same
 * page. The payment's id is the only key to it, so it is kept out of caches and search engines and counted with the
 * manage links. The page of a card left for a no-show fee, {@code /{slug}/card/{card}}, works the same way.
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
        pages.get(CARD_PATH, this::showCard);
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
        rememberManageLink(ctx, path(business, payment), token);
    }

    /** The same, for the page of the card a booking without a deposit waits for. */
    void rememberManageLink(Context ctx, Business business, SavedCardId card, String token) {
        rememberManageLink(ctx, cardPath(business, card), token);
    }

    private void rememberManageLink(Context ctx, String page, String token) {
        Cookie cookie = new Cookie(manageCookie, token);
        cookie.setPath(page);
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

    /**
     * The page of a card a client leaves for the business's no-show fee, at {@code /{slug}/card/{card}}: where a web
     * booking without a deposit goes when Stripe cannot be reached, and where Stripe sends the client back
     * ({@code ?saved=1} once they left it).
     */
    static final String CARD_PATH = "/{slug}/card/{card}";
    /** Stripe's way back after the card was left: the page says it is being confirmed until Stripe's news arrives. */
    static final String SAVED = "saved";

    /** Where a card's page is. */
    static String cardPath(Business business, SavedCardId card) {
        return "/" + business.slug().value() + "/card/" + card.value();
    }

    /** Where a card asked for the no-show fee stands, as the page words it ({@code public.card.state.*}). */
    public enum CardState {
        /** To leave, on Stripe's page. */
        OPEN,
        /** To leave, but Stripe's page cannot be opened just now. */
        UNAVAILABLE,
        /** Stripe sent the client back with it left; its news has not arrived yet. */
        CONFIRMING,
        SAVED,
        /** Left, but the appointment is off: released before the card came, or called off since. */
        SAVED_NOT_KEPT,
        EXPIRED,
        CANCELLED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        static CardState of(SavedCard card, Appointment appointment, boolean cameBackSaved, Instant now) {
            boolean kept = appointment.status() != AppointmentStatus.CANCELLED
                    && appointment.status() != AppointmentStatus.EXPIRED;
            switch (card.status()) {
                case SAVED:
                    return kept ? SAVED : SAVED_NOT_KEPT;
                case RELEASED:
                    return appointment.status() == AppointmentStatus.CANCELLED ? CANCELLED : EXPIRED;
                default:
                    if (cameBackSaved) {
                        return CONFIRMING;
                    }
                    return now.isBefore(card.saveBy()) ? OPEN : EXPIRED;
            }
        }
    }

    /**
     * The card's page as the template shows it.
     *
     * @param keptUntil until when the time is kept, as the page says it: a time today ({@code keptToday}), else a
     *     day and a time
     */
    public record CardView(
            CardPage page,
            CardState state,
            String here,
            Optional<URI> setup,
            String keptUntil,
            boolean keptToday,
            String bookAgain,
            Optional<String> manage) {
        public SavedCard card() {
            return page.due().card();
        }

        public boolean is(String code) {
            return state.code().equals(code);
        }
    }

    private void showCard(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Robots-Tag", "noindex");
        limiter.require(PublicRoutes.MANAGE_PER_IP, ctx.ip());
        Business business = publicBooking.business(ctx.pathParam("slug"));
        SavedCardId id = new SavedCardId(Guards.id(ctx, "card"));
        CardPage page = publicBooking.card(business.id(), id);
        Instant now = clock.instant();
        SavedCard card = page.due().card();
        Appointment appointment = page.details().appointment();
        CardState state = CardState.of(card, appointment, ctx.queryParam(SAVED) != null, now);
        if (state == CardState.OPEN && page.due().page().isEmpty()) {
            state = CardState.UNAVAILABLE;
            ctx.header("Retry-After", Long.toString(RETRY_SECONDS));
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
        }
        Visit v = pages.visit(ctx, Optional.of(business.language()));
        PageFormats f = new PageFormats(v.texts(), business.zone());
        boolean keptToday =
                LocalDate.ofInstant(card.saveBy(), business.zone()).equals(LocalDate.ofInstant(now, business.zone()));
        Optional<String> manage = Optional.ofNullable(ctx.cookie(manageCookie))
                .filter(token -> MANAGE_TOKEN.matcher(token).matches())
                .map(token -> "/manage/" + token);
        CardView view = new CardView(
                page,
                state,
                cardPath(business, id),
                page.due().page(),
                keptToday ? f.time(card.saveBy()) : f.dateTime(card.saveBy()),
                keptToday,
                state == CardState.EXPIRED
                        ? bookAgain(business, appointment)
                        : "/" + business.slug().value() + "/book",
                manage);
        Map<String, Object> model = new HashMap<>();
        model.put("v", v);
        model.put("f", f);
        model.put("c", view);
        pages.render(ctx, "publicsite/card.jte", model);
    }

    /** The booking of the same service, when it can still be booked; else the choice of a service. */
    private String bookAgain(Business business, Appointment appointment) {
        String book = "/" + business.slug().value() + "/book";
        boolean offered = publicBooking.page(business.id()).services().stream()
                .anyMatch(service -> service.id().equals(appointment.serviceId()));
        return offered ? book + "?service=" + appointment.serviceId().value() : book;
    }
}
