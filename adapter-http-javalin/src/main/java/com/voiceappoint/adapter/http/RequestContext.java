package com.voiceappoint.adapter.http;

import com.voiceappoint.adapter.http.auth.AccessTokens;
import com.voiceappoint.adapter.http.auth.AuthenticationException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.SessionUseCase;
import com.voiceappoint.domain.shared.Language;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/** What a request carries across handlers: its id, who is calling, and the language to answer in. */
public final class RequestContext {
    private static final String REQUEST_ID = "va.requestId";
    public static final String LOG_KEY = "request_id";
    private static final String BEARER = "va.bearer";
    private static final String BUSINESS_LANGUAGE = "va.businessLanguage";
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final List<String> SPOKEN = List.of("es", "en");

    private RequestContext() {}

    /**
     * A caller's X-Request-Id when it is sane, else a fresh one; echoed back, put in every problem and in every log
     * line written while the request is served (the logging context's {@value #LOG_KEY}).
     */
    static void assignRequestId(Context ctx) {
        String id = requestId(ctx.header("X-Request-Id"));
        ctx.attribute(REQUEST_ID, id);
        ctx.header("X-Request-Id", id);
        MDC.put(LOG_KEY, id);
    }

    /** The caller's X-Request-Id when it is sane, else a fresh one. */
    static String requestId(String given) {
        return given != null && SAFE_REQUEST_ID.matcher(given).matches()
                ? given
                : UUID.randomUUID().toString();
    }

    /** The request is answered: its thread goes back to the pool and serves others. */
    static void forgetRequestId() {
        MDC.remove(LOG_KEY);
    }

    public static String requestId(Context ctx) {
        String id = ctx.attribute(REQUEST_ID);
        return id == null ? "" : id;
    }

    /**
     * A valid signature is not enough: the token's login must still be on, so a logout, a replayed refresh token or
     * a password change ends the access tokens it gave at once instead of when they expire.
     */
    static void authenticate(Context ctx, AccessTokens tokens, SessionUseCase sessions) {
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw AuthenticationException.required();
        }
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || header.length() <= 7) {
            throw AuthenticationException.invalidToken();
        }
        AccessTokens.Bearer bearer = tokens.verify(header.substring(7).trim());
        if (!sessions.isActive(bearer.userId(), bearer.login())) {
            throw AuthenticationException.invalidToken();
        }
        ctx.attribute(BEARER, bearer);
    }

    /** Records the member a route authenticated by other means than the Authorization header. */
    static void authenticated(Context ctx, AccessTokens.Bearer bearer) {
        ctx.attribute(BEARER, bearer);
    }

    /** The verified token behind this request; only called on routes that require one. */
    static AccessTokens.Bearer bearer(Context ctx) {
        AccessTokens.Bearer bearer = ctx.attribute(BEARER);
        if (bearer == null) {
            throw AuthenticationException.required();
        }
        return bearer;
    }

    /** The member behind this request; only called on routes that require one. */
    public static Actor.Member member(Context ctx) {
        AccessTokens.Bearer bearer = ctx.attribute(BEARER);
        if (bearer == null) {
            throw AuthenticationException.required();
        }
        return new Actor.Member(bearer.userId());
    }

    /** Once a route knows its business, errors can fall back to the business's language. */
    public static void businessLanguage(Context ctx, Language language) {
        ctx.attribute(BUSINESS_LANGUAGE, language);
    }

    /** Accept-Language first, then the user's own language, then the business's, then the server's default. */
    public static Language language(Context ctx, Language fallback) {
        return fromAcceptLanguage(ctx.header("Accept-Language"))
                .or(() -> Optional.ofNullable(ctx.<AccessTokens.Bearer>attribute(BEARER))
                        .map(AccessTokens.Bearer::language))
                .or(() -> Optional.ofNullable(ctx.<Language>attribute(BUSINESS_LANGUAGE)))
                .orElse(fallback);
    }

    static Optional<Language> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        try {
            String tag = Locale.lookupTag(Locale.LanguageRange.parse(header), SPOKEN);
            return Language.fromTag(tag);
        } catch (IllegalArgumentException malformedHeader) {
            return Optional.empty();
        }
    }
}
