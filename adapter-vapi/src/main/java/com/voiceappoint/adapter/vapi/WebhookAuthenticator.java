package com.voiceappoint.adapter.vapi;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Decides, from the raw body and headers and before anything is parsed, whether a request comes from Vapi. Any one
 * configured credential suffices: the shared secret (as {@code x-vapi-secret}, or as a Bearer token in the configured
 * header) or the HMAC signature with a fresh timestamp. Comparisons take constant time; an empty header proves
 * nothing, since Vapi sends {@code x-vapi-secret: ""} when no secret is set.
 */
final class WebhookAuthenticator {
    private static final String VAPI_SECRET_HEADER = "x-vapi-secret";
    private static final String BEARER = "bearer ";

    private final VapiSettings settings;

    WebhookAuthenticator(VapiSettings settings) {
        this.settings = settings;
    }

    boolean authentic(byte[] body, Function<String, Optional<String>> header, Instant now) {
        if (settings.secret().isPresent()) {
            String secret = settings.secret().get();
            if (header.apply(VAPI_SECRET_HEADER).filter(v -> matches(v, secret)).isPresent()) {
                return true;
            }
            Optional<String> credential =
                    header.apply(settings.credentialHeader()).map(String::strip);
            if (credential
                    .map(v -> v.toLowerCase(Locale.ROOT).startsWith(BEARER)
                            ? v.substring(BEARER.length()).strip()
                            : v)
                    .filter(v -> matches(v, secret))
                    .isPresent()) {
                return true;
            }
        }
        return settings.hmacSecret().isPresent()
                && signed(body, header, now, settings.hmacSecret().get());
    }

    private boolean signed(byte[] body, Function<String, Optional<String>> header, Instant now, String key) {
        Optional<String> signature = header.apply(settings.signatureHeader()).map(String::strip);
        Optional<String> timestamp = header.apply(settings.timestampHeader()).map(String::strip);
        if (signature.isEmpty() || timestamp.isEmpty() || !fresh(timestamp.get(), now)) {
            return false;
        }
        byte[] expected = hmac(key, timestamp.get(), body);
        byte[] given;
        try {
            given = HexFormat.of()
                    .parseHex(signature.get().toLowerCase(Locale.ROOT).replaceFirst("^sha256=", ""));
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    /** Within the replay window either way; seconds or milliseconds since the epoch, whichever Vapi sent. */
    private boolean fresh(String timestamp, Instant now) {
        long value;
        try {
            value = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        long seconds = Math.abs(value) > 100_000_000_000L ? value / 1000 : value;
        // compared in seconds, so no value a sender picks can overflow a date
        return Math.abs(seconds - now.getEpochSecond())
                <= settings.replayWindow().toSeconds();
    }

    private static byte[] hmac(String key, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static boolean matches(String given, String secret) {
        return !given.isEmpty()
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }
}
