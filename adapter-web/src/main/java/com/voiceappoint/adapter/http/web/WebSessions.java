package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.SessionUseCase;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * A signed-in browser holds its login's token in an HttpOnly cookie, the same kind of login the REST API's refresh
 * tokens start (so a password change or "log out everywhere" ends it too), but never exchanged: the application
 * resumes it on each request. SameSite=Lax keeps it off other sites' writes; the CSRF token covers the rest.
 */
final class WebSessions {
    static final String COOKIE = "va_session";
    private static final String ATTRIBUTE = "va.session";

    private final SessionUseCase sessions;
    private final boolean secureCookies;
    private final Clock clock;

    WebSessions(SessionUseCase sessions, boolean secureCookies, Clock clock) {
        this.sessions = sessions;
        this.secureCookies = secureCookies;
        this.clock = clock;
    }

    /** Who this browser is signed in as, if anyone: looked up once per request. */
    Optional<SessionUseCase.Resumed> current(Context ctx) {
        Optional<SessionUseCase.Resumed> known = ctx.attribute(ATTRIBUTE);
        if (known == null) {
            String token = ctx.cookie(COOKIE);
            known = token == null ? Optional.empty() : sessions.resume(token);
            ctx.attribute(ATTRIBUTE, known);
        }
        return known;
    }

    /** The signed-in member, or a redirect to the login page that comes back here. */
    Actor.Member require(Context ctx) {
        return current(ctx)
                .map(resumed -> new Actor.Member(resumed.user().userId()))
                .orElseThrow(() -> new SignInRequired(ctx.path()));
    }

    /** Gives this browser {@code login}, ending the one it had: a browser holds one login at a time. */
    void signIn(Context ctx, SessionUseCase.RefreshToken login) {
        String previous = ctx.cookie(COOKIE);
        if (previous != null && !previous.isEmpty()) {
            sessions.end(previous);
        }
        long seconds =
                Math.max(0, Duration.between(clock.instant(), login.expiresAt()).getSeconds());
        ctx.cookie(cookie(login.token(), (int) Math.min(Integer.MAX_VALUE, seconds)));
        ctx.attribute(ATTRIBUTE, null);
    }

    void signOut(Context ctx) {
        String token = ctx.cookie(COOKIE);
        if (token != null) {
            sessions.end(token);
        }
        ctx.cookie(cookie("", 0));
        ctx.attribute(ATTRIBUTE, Optional.empty());
    }

    private Cookie cookie(String value, int maxAgeSeconds) {
        Cookie cookie = new Cookie(COOKIE, value);
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
