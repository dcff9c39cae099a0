package com.voiceappoint.adapter.http.web;

import com.voiceappoint.domain.shared.Language;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * @param secureCookies whether cookies carry {@code Secure}: always outside development, where pages are served
 *     over HTTPS by the proxy in front
 * @param defaultLanguage the language of a page when nobody says otherwise
 * @param publicUrl where the public reaches these pages ({@code https://citas.example}, no trailing slash): the links
 *     in e-mails point there, never at whatever host a request names, which anyone can forge
 * @param paymentPages where else a form may send the browser to pay or to connect a Stripe account, besides Stripe's
 *     own pages: a local stand-in for Stripe, named by any address on it and kept as its origin ({@code
 *     http://127.0.0.1:12111}). None in production
 */
public record WebSettings(
        boolean secureCookies, Language defaultLanguage, Clock clock, String publicUrl, List<URI> paymentPages) {
    /** Where a server that is not told otherwise answers on its own machine. */
    public static final String LOCAL_URL = "http://localhost:8000";

    public WebSettings {
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(publicUrl, "publicUrl");
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        paymentPages = Objects.requireNonNull(paymentPages, "paymentPages").stream()
                .map(WebSettings::origin)
                .distinct()
                .toList();
    }

    public WebSettings(boolean secureCookies, Language defaultLanguage, Clock clock, String publicUrl) {
        this(secureCookies, defaultLanguage, clock, publicUrl, List.of());
    }

    public WebSettings(boolean secureCookies, Language defaultLanguage, Clock clock) {
        this(secureCookies, defaultLanguage, clock, LOCAL_URL);
    }

    /**
     * Only the scheme, host and port: what a Content-Security-Policy source names, with nothing in it (a path, a
     * space, a semicolon) that could widen the policy or break it.
     */
    private static URI origin(URI page) {
        Objects.requireNonNull(page, "paymentPages");
        String scheme = page.getScheme() == null ? "" : page.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || page.getHost() == null
                || page.getRawUserInfo() != null) {
            throw new IllegalArgumentException(
                    "a payment page is an http or https address with a host, such as http://127.0.0.1:12111, not "
                            + page);
        }
        return URI.create(scheme + "://" + page.getHost().toLowerCase(Locale.ROOT)
                + (page.getPort() == -1 ? "" : ":" + page.getPort()));
    }
}
