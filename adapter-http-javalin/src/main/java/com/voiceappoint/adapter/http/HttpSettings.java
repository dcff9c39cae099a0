package com.voiceappoint.adapter.http;

import com.voiceappoint.domain.shared.Language;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * @param jwtSecret signs access tokens; at least 32 bytes, from the environment
 * @param accessTokenLifetime how long an access token is accepted
 * @param maxRequestBytes bodies above this are refused with a 413 before they are read
 * @param defaultLanguage the language of answers when neither the caller nor the business says otherwise
 * @param trustProxyHeaders whether X-Forwarded-For names the client (only behind a proxy that sets it)
 * @param metrics where request latencies are recorded, per route and status
 */
public record HttpSettings(
        String jwtSecret,
        Duration accessTokenLifetime,
        long maxRequestBytes,
        Language defaultLanguage,
        boolean trustProxyHeaders,
        Clock clock,
        MeterRegistry metrics) {
    public HttpSettings {
        Objects.requireNonNull(jwtSecret, "jwtSecret");
        Objects.requireNonNull(accessTokenLifetime, "accessTokenLifetime");
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(metrics, "metrics");
    }
}
