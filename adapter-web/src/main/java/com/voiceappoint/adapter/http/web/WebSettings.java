package com.voiceappoint.adapter.http.web;

import com.voiceappoint.domain.shared.Language;
import java.time.Clock;
import java.util.Objects;

/**
 * @param secureCookies whether cookies carry {@code Secure}: always outside development, where pages are served
 *     over HTTPS by the proxy in front
 * @param defaultLanguage the language of a page when nobody says otherwise
 * @param publicUrl where the public reaches these pages ({@code https://citas.example}, no trailing slash): the links
 *     in e-mails point there, never at whatever host a request names, which anyone can forge
 */
public record WebSettings(boolean secureCookies, Language defaultLanguage, Clock clock, String publicUrl) {
    /** Where a server that is not told otherwise answers on its own machine. */
    public static final String LOCAL_URL = "http://localhost:8000";

    public WebSettings {
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(publicUrl, "publicUrl");
        publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public WebSettings(boolean secureCookies, Language defaultLanguage, Clock clock) {
        this(secureCookies, defaultLanguage, clock, LOCAL_URL);
    }
}
