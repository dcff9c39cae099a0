package com.voiceappoint.adapter.http.web;

import com.voiceappoint.domain.shared.Language;
import java.time.Clock;
import java.util.Objects;

/**
 * @param secureCookies whether cookies carry {@code Secure}: always outside development, where pages are served
 *     over HTTPS by the proxy in front
 * @param defaultLanguage the language of a page when nobody says otherwise
 */
public record WebSettings(boolean secureCookies, Language defaultLanguage, Clock clock) {
    public WebSettings {
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        Objects.requireNonNull(clock, "clock");
    }
}
