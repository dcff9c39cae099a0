package com.voiceappoint.adapter.vapi;

import com.voiceappoint.domain.shared.Language;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How Vapi reaches us and how we answer it.
 *
 * @param secret what Vapi sends as {@code x-vapi-secret}, or as a Bearer credential in {@code credentialHeader}
 * @param hmacSecret the key of Vapi's HMAC credential: {@code signatureHeader} holds the hex HMAC-SHA256 of
 *     {@code "<timestamp>.<raw body>"}, {@code timestampHeader} the timestamp, which must be within {@code replayWindow}
 * @param assistantId the shared assistant an assistant-request is answered with (a business may override it)
 */
public record VapiSettings(
        Optional<String> secret,
        String credentialHeader,
        Optional<String> hmacSecret,
        String signatureHeader,
        String timestampHeader,
        Duration replayWindow,
        Optional<String> assistantId,
        Language defaultLanguage) {
    public static final Duration DEFAULT_REPLAY_WINDOW = Duration.ofMinutes(5);

    public VapiSettings {
        secret = secret.filter(s -> !s.isBlank());
        hmacSecret = hmacSecret.filter(s -> !s.isBlank());
        assistantId = assistantId.filter(s -> !s.isBlank());
        credentialHeader = credentialHeader.toLowerCase(Locale.ROOT);
        signatureHeader = signatureHeader.toLowerCase(Locale.ROOT);
        timestampHeader = timestampHeader.toLowerCase(Locale.ROOT);
        Objects.requireNonNull(replayWindow, "replayWindow");
        Objects.requireNonNull(defaultLanguage, "defaultLanguage");
    }

    /** With neither secret set, every request is refused: an open webhook would book for anyone who finds it. */
    public boolean acceptsNothing() {
        return secret.isEmpty() && hmacSecret.isEmpty();
    }

    public static VapiSettings withSecret(String secret, Language defaultLanguage) {
        return new VapiSettings(
                Optional.of(secret),
                "authorization",
                Optional.empty(),
                "x-signature",
                "x-timestamp",
                DEFAULT_REPLAY_WINDOW,
                Optional.empty(),
                defaultLanguage);
    }
}
