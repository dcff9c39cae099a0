package com.voiceappoint.adapter.notifications;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Twilio's account and sender, read from the environment: {@code TWILIO_ACCOUNT_SID} ({@code AC...}),
 * {@code TWILIO_AUTH_TOKEN}, and either {@code TWILIO_FROM} (a Twilio number in E.164, or an alphanumeric sender
 * ID where the country allows one) or {@code TWILIO_MESSAGING_SERVICE_SID} ({@code MG...}, which picks the number
 * itself). {@code TWILIO_BASE_URL} points the channel elsewhere than {@code https://api.twilio.com}: a local stand-in
 * in tests.
 *
 * @param sender the {@code From} number, or the Messaging Service's SID
 * @param timeout for connecting and for the whole answer: a Twilio that does not answer fails the send
 */
public record TwilioSettings(String accountSid, String authToken, Sender sender, URI baseUrl, Duration timeout) {

    public static final URI DEFAULT_BASE_URL = URI.create("https://api.twilio.com");
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
    private static final Pattern SERVICE_SID = Pattern.compile("MG[0-9a-fA-F]{32}");

    /** Who a text message comes from, as Twilio's form spells it. */
    public record Sender(String field, String value) {
        public static Sender number(String from) {
            return new Sender("From", from);
        }

        public static Sender messagingService(String sid) {
            return new Sender("MessagingServiceSid", sid);
        }
    }

    public TwilioSettings {
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(authToken, "authToken");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * The settings the environment gives, or empty when it sets no Twilio variable at all (texts are then not sent,
     * and each says so). A half-set configuration is an error naming what is missing.
     */
    public static Optional<TwilioSettings> fromEnvironment(Map<String, String> env) {
        Optional<String> sid = value(env, "TWILIO_ACCOUNT_SID");
        Optional<String> token = value(env, "TWILIO_AUTH_TOKEN");
        Optional<String> from = value(env, "TWILIO_FROM");
        Optional<String> service = value(env, "TWILIO_MESSAGING_SERVICE_SID");
        Optional<String> base = value(env, "TWILIO_BASE_URL");
        if (sid.isEmpty() && token.isEmpty() && from.isEmpty() && service.isEmpty() && base.isEmpty()) {
            return Optional.empty();
        }
        String accountSid = sid.orElseThrow(
                () -> new IllegalArgumentException("TWILIO_ACCOUNT_SID is required once a TWILIO_ variable is set"));
        if (!ACCOUNT_SID.matcher(accountSid).matches()) {
            throw new IllegalArgumentException("TWILIO_ACCOUNT_SID is AC followed by 32 hexadecimal digits");
        }
        String authToken = token.orElseThrow(
                () -> new IllegalArgumentException("TWILIO_AUTH_TOKEN is required with TWILIO_ACCOUNT_SID"));
        if (from.isPresent() && service.isPresent()) {
            throw new IllegalArgumentException("set TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID, not both");
        }
        Sender sender;
        if (service.isPresent()) {
            if (!SERVICE_SID.matcher(service.get()).matches()) {
                throw new IllegalArgumentException(
                        "TWILIO_MESSAGING_SERVICE_SID is MG followed by 32 hexadecimal digits");
            }
            sender = Sender.messagingService(service.get());
        } else {
            sender = Sender.number(from.orElseThrow(() -> new IllegalArgumentException(
                    "TWILIO_FROM (a number like +34600123456) or TWILIO_MESSAGING_SERVICE_SID is required")));
        }
        URI baseUrl = base.map(TwilioSettings::baseUrl).orElse(DEFAULT_BASE_URL);
        return Optional.of(new TwilioSettings(accountSid, authToken, sender, baseUrl, DEFAULT_TIMEOUT));
    }

    private static URI baseUrl(String value) {
        URI uri;
        try {
            uri = URI.create(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("TWILIO_BASE_URL is a URL like https://api.twilio.com, not " + value);
        }
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("TWILIO_BASE_URL is a URL like https://api.twilio.com, not " + value);
        }
        return uri;
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** The token stays out of logs and exception messages. */
    @Override
    public String toString() {
        return "TwilioSettings[%s %s=%s %s timeout=%s]"
                .formatted(accountSid, sender.field(), sender.value(), baseUrl, timeout);
    }
}
