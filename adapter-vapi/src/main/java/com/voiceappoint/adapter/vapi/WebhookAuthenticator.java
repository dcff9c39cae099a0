package com.voiceappoint.adapter.vapi;

import java.io.IOException;
import java.io.InputStream;
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
 * Decides, from the raw body and headers and before anything is acted on, whether a request comes from Vapi. Any one
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
        return check(header, now)
                .map(check -> {
                    check.update(body, 0, body.length);
                    return check.authentic();
                })
                .orElse(false);
    }

    /**
     * What the body must pass, as far as the headers tell: nothing more when they carry the shared secret, the HMAC
     * over all its bytes when they carry a fresh signature. Empty when they carry neither: the body need not be read.
     */
    Optional<BodyCheck> check(Function<String, Optional<String>> header, Instant now) {
        if (settings.secret().isPresent()
                && carriesSecret(header, settings.secret().get())) {
            return Optional.of(BodyCheck.PASSED);
        }
        if (settings.hmacSecret().isEmpty()) {
            return Optional.empty();
        }
        Optional<String> signature = header.apply(settings.signatureHeader()).map(String::strip);
        Optional<String> timestamp = header.apply(settings.timestampHeader()).map(String::strip);
        if (signature.isEmpty() || timestamp.isEmpty() || !fresh(timestamp.get(), now)) {
            return Optional.empty();
        }
        byte[] given;
        try {
            given = HexFormat.of()
                    .parseHex(signature.get().toLowerCase(Locale.ROOT).replaceFirst("^sha256=", ""));
        } catch (IllegalArgumentException notHex) {
            return Optional.empty();
        }
        return Optional.of(new Signed(mac(settings.hmacSecret().get(), timestamp.get()), given));
    }

    /** A body's bytes, fed as they are read, and whether they carried the credential. */
    abstract static class BodyCheck {
        static final BodyCheck PASSED = new BodyCheck() {
            @Override
            void update(byte[] bytes, int offset, int length) {
                // the headers proved it
            }

            @Override
            boolean authentic() {
                return true;
            }
        };

        abstract void update(byte[] bytes, int offset, int length);

        abstract boolean authentic();

        /** The body, fed to this check as it is read. */
        InputStream reading(InputStream body) {
            // skipped bytes are signed too
            return new ReadThroughStream(body) {
                @Override
                public int read() throws IOException {
                    int b = super.read();
                    if (b >= 0) {
                        update(new byte[] {(byte) b}, 0, 1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] bytes, int offset, int length) throws IOException {
                    int n = super.read(bytes, offset, length);
                    if (n > 0) {
                        update(bytes, offset, n);
                    }
                    return n;
                }
            };
        }
    }

    private static final class Signed extends BodyCheck {
        private final Mac mac;
        private final byte[] given;

        Signed(Mac mac, byte[] given) {
            this.mac = mac;
            this.given = given;
        }

        @Override
        void update(byte[] bytes, int offset, int length) {
            mac.update(bytes, offset, length);
        }

        @Override
        boolean authentic() {
            return MessageDigest.isEqual(mac.doFinal(), given);
        }
    }

    private boolean carriesSecret(Function<String, Optional<String>> header, String secret) {
        if (header.apply(VAPI_SECRET_HEADER).filter(v -> matches(v, secret)).isPresent()) {
            return true;
        }
        return header.apply(settings.credentialHeader())
                .map(String::strip)
                .map(v -> v.toLowerCase(Locale.ROOT).startsWith(BEARER)
                        ? v.substring(BEARER.length()).strip()
                        : v)
                .filter(v -> matches(v, secret))
                .isPresent();
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

    /** HMAC-SHA256 under the key, already fed {@code "<timestamp>."}: the body follows. */
    private static Mac mac(String key, String timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac;
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
