package com.voiceappoint.adapter.http.web;

import com.voiceappoint.domain.shared.Language;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.util.Locale;
import java.util.Optional;

/**
 * Which language a page speaks: the one the visitor chose with the switch ({@code ?lang=}, kept in a cookie), else
 * the page's own (the business's on its public pages, the member's in the dashboard), else what the browser asks
 * for, else the server's default.
 */
final class Languages {
    static final String COOKIE = "va_lang";
    private static final int A_YEAR = 365 * 24 * 3600;

    private final Language fallback;
    private final boolean secureCookies;

    Languages(Language fallback, boolean secureCookies) {
        this.fallback = fallback;
        this.secureCookies = secureCookies;
    }

    Language of(Context ctx, Optional<Language> pages) {
        Optional<Language> chosen = Optional.ofNullable(ctx.queryParam("lang")).flatMap(Language::fromTag);
        if (chosen.isPresent()) {
            Cookie cookie = new Cookie(COOKIE, chosen.get().code());
            cookie.setMaxAge(A_YEAR);
            cookie.setPath("/");
            cookie.setSameSite(SameSite.LAX);
            cookie.setSecure(secureCookies);
            cookie.setHttpOnly(true);
            ctx.cookie(cookie);
            return chosen.get();
        }
        return Optional.ofNullable(ctx.cookie(COOKIE))
                .flatMap(Language::fromTag)
                .or(() -> pages)
                .or(() -> browsers(ctx.header("Accept-Language")))
                .orElse(fallback);
    }

    /** The first language of the header's list that we speak, in its order (weights are rarely out of order). */
    private static Optional<Language> browsers(String acceptLanguage) {
        if (acceptLanguage == null) {
            return Optional.empty();
        }
        for (String range : acceptLanguage.split(",")) {
            Optional<Language> language =
                    Language.fromTag(range.split(";", 2)[0].trim().toLowerCase(Locale.ROOT));
            if (language.isPresent()) {
                return language;
            }
        }
        return Optional.empty();
    }
}
