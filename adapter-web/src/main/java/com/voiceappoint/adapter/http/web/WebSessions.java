package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.SessionUseCase;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HandlerType;
import io.javalin.http.SameSite;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A signed-in browser holds its login's token in an HttpOnly cookie, the same kind of login the REST API's refresh
 * tokens start (so a password change or "log out everywhere" ends it too), but never exchanged: the application
 * resumes it on each request. SameSite=Lax keeps it off other sites' writes; the CSRF token covers the rest.
 */
final class WebSessions {
    /** The cookie's name over plain HTTP (tests, a laptop); over HTTPS it is {@code __Host-va_session}. */
    static final String COOKIE = "va_session";

    /**
     * Over HTTPS a browser keeps a cookie named so only if this very host set it, Secure, for every path: no
     * sibling subdomain (nor a page over plain HTTP) can plant one of these in its place.
     */
    private static final String HOST_ONLY = "__Host-";

    private static final String ATTRIBUTE = "va.session";

    private final SessionUseCase sessions;
    private final Csrf csrf;
    private final boolean secureCookies;
    private final String cookieName;
    private final Clock clock;

    WebSessions(SessionUseCase sessions, Csrf csrf, boolean secureCookies, Clock clock) {
        this.sessions = sessions;
        this.csrf = csrf;
        this.secureCookies = secureCookies;
        this.cookieName = hostOnly(COOKIE, secureCookies);
        this.clock = clock;
    }

    /** The name a cookie of this site's has: bound to this host whenever cookies are sent over HTTPS only. */
    static String hostOnly(String name, boolean secureCookies) {
        return secureCookies ? HOST_ONLY + name : name;
    }

    /** Who this browser is signed in as, if anyone: looked up once per request. */
    Optional<SessionUseCase.Resumed> current(Context ctx) {
        Optional<SessionUseCase.Resumed> known = ctx.attribute(ATTRIBUTE);
        if (known == null) {
            String token = ctx.cookie(cookieName);
            known = token == null ? Optional.empty() : sessions.resume(token);
            ctx.attribute(ATTRIBUTE, known);
            if (known.isPresent()) {
                // a page for someone signed in is theirs only: no cache (a shared one, the browser's back button
                // after logging out) may keep it
                ctx.header("Cache-Control", "no-store");
            }
        }
        return known;
    }

    /** The signed-in member, or a redirect to the login page that comes back here (else to the businesses). */
    Actor.Member require(Context ctx) {
        return require(ctx, AccountPages.HOME);
    }

    /**
     * The signed-in member, or a redirect to the login page that comes back here; after a form's write whose own
     * page is not known, to {@code page}.
     */
    Actor.Member require(Context ctx, String page) {
        ctx.header("Cache-Control", "no-store");
        return current(ctx)
                .map(resumed -> new Actor.Member(resumed.user().userId()))
                .orElseThrow(() -> new SignInRequired(comeBackTo(ctx, page)));
    }

    /**
     * Where the login goes on to. A page asked for comes back as it was asked, query and all; a form's write cannot
     * be repeated (the login's redirect is a GET, which a write's address refuses), so the login goes back to the
     * page the form was on, as the browser names it in its Referer when it is this site's, else to {@code page}.
     */
    private static String comeBackTo(Context ctx, String page) {
        if (ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD) {
            String query = ctx.queryString();
            return query == null ? ctx.path() : ctx.path() + "?" + query;
        }
        return formPage(ctx).orElse(page);
    }

    private static Optional<String> formPage(Context ctx) {
        String referer = ctx.header("Referer");
        if (referer == null) {
            return Optional.empty();
        }
        try {
            URI from = new URI(referer);
            String ourHost = ctx.host() == null ? "" : ctx.host().replaceFirst(":\\d+$", "");
            if (from.getHost() == null || !from.getHost().equalsIgnoreCase(ourHost) || from.getRawPath() == null) {
                return Optional.empty();
            }
            String path = from.getRawQuery() == null ? from.getRawPath() : from.getRawPath() + "?" + from.getRawQuery();
            return SafeNext.of(path).equals(path) ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException garbled) {
            return Optional.empty();
        }
    }

    /** Gives this browser {@code login}, ending the one it had: a browser holds one login at a time. */
    void signIn(Context ctx, SessionUseCase.RefreshToken login) {
        String previous = ctx.cookie(cookieName);
        if (previous != null && !previous.isEmpty()) {
            sessions.end(previous);
        }
        long seconds =
                Math.max(0, Duration.between(clock.instant(), login.expiresAt()).getSeconds());
        ctx.cookie(cookie(login.token(), (int) Math.min(Integer.MAX_VALUE, seconds)));
        ctx.attribute(ATTRIBUTE, null);
        csrf.renew(ctx);
    }

    void signOut(Context ctx) {
        String token = ctx.cookie(cookieName);
        if (token != null) {
            sessions.end(token);
        }
        ctx.cookie(cookie("", 0));
        ctx.attribute(ATTRIBUTE, Optional.empty());
        csrf.renew(ctx);
    }

    private Cookie cookie(String value, int maxAgeSeconds) {
        Cookie cookie = new Cookie(cookieName, value);
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookies);
        cookie.setSameSite(SameSite.LAX);
        cookie.setPath("/");
        cookie.setMaxAge(maxAgeSeconds);
        return cookie;
    }

    /** A page for members only, asked for by nobody signed in. */
    static final class SignInRequired extends RuntimeException {
        private final String comeBackTo;

        SignInRequired(String comeBackTo) {
            super("sign-in required", null, false, false);
            this.comeBackTo = comeBackTo;
        }

        String comeBackTo() {
            return comeBackTo;
        }
    }
}
