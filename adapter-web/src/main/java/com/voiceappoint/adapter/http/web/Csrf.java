package com.voiceappoint.adapter.http.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Forged requests are refused by a double-submitted token: a random value in an HttpOnly cookie, written into every
 * form (field {@value #FIELD}) and sent by htmx as a header ({@value #HEADER}), which a page on another site can
 * neither read nor set. Every write to the web app (any method but GET and HEAD) must carry it; the REST API's bearer
 * tokens need no such check, since a browser never adds them by itself.
 */
final class Csrf {
    /** The cookie's name over plain HTTP (tests, a laptop); over HTTPS it is {@code __Host-va_csrf}. */
    static final String COOKIE = "va_csrf";

    static final String FIELD = "_csrf";
    static final String HEADER = "X-CSRF-Token";
    private static final String ATTRIBUTE = "va.csrf";
    private static final int TOKEN_BYTES = 32;

    private final SecureRandom random = new SecureRandom();
    private final boolean secureCookies;
    private final String cookieName;

    Csrf(boolean secureCookies) {
        this.secureCookies = secureCookies;
        this.cookieName = WebSessions.hostOnly(COOKIE, secureCookies);
    }

    /** The token of this browser, issued now (and set as a cookie) if it has none. */
    String token(Context ctx) {
        String known = ctx.attribute(ATTRIBUTE);
        if (known != null) {
            return known;
        }
        String token = ctx.cookie(cookieName);
        if (!wellFormed(token)) {
            return renew(ctx);
        }
        ctx.attribute(ATTRIBUTE, token);
        return token;
    }

    /**
     * Issues this browser a new token, for the page rendered next and the forms after it. Done whenever someone
     * signs in or out: a token planted in the browser before (by a site able to set a cookie for this one, say) is
     * then worth nothing to whoever planted it.
     */
    String renew(Context ctx) {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Cookie cookie = new Cookie(cookieName, token);
        cookie.setHttpOnly(true);
        cookie.setSecure(secureCookies);
        cookie.setSameSite(SameSite.LAX);
        cookie.setPath("/");
        ctx.cookie(cookie);
        ctx.attribute(ATTRIBUTE, token);
        return token;
    }

    /** Refuses a write whose token is missing or is not this browser's. */
    void check(Context ctx) {
        String expected = ctx.cookie(cookieName);
        String sent = ctx.header(HEADER);
        if (sent == null) {
            sent = ctx.formParam(FIELD);
        }
        if (!wellFormed(expected) || sent == null || !MessageDigest.isEqual(bytes(expected), bytes(sent))) {
            throw new PageException(HttpStatus.FORBIDDEN, "error.csrf");
        }
    }

    private static boolean wellFormed(String token) {
        return token != null && token.length() == 43 && token.chars().allMatch(Csrf::isBase64Url);
    }

    private static boolean isBase64Url(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    }

    private static byte[] bytes(String token) {
        return token.getBytes(StandardCharsets.US_ASCII);
    }
}
