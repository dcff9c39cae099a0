package com.voiceappoint.adapter.notifications;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where e-mail goes out, read from the environment in one of two ways:
 *
 * <ul>
 *   <li>{@code SMTP_URL}: {@code smtp://user:password@host:port} (STARTTLS, required: credentials never cross in
 *       clear), {@code smtp://host:port?tls=none} (plain, for a server on the same machine or a test server), or
 *       {@code smtps://user:password@host:port} (TLS from the first byte). A user or password holding {@code @ : / ?
 *       #} or {@code %} writes it percent-encoded ({@code %40} for {@code @}). The port defaults to 587 for STARTTLS,
 *       465 for TLS and 25 for none.
 *   <li>{@code SMTP_HOST}, {@code SMTP_PORT}, {@code SMTP_USERNAME}, {@code SMTP_PASSWORD}, {@code SMTP_TLS}
 *       ({@code starttls}, the default, {@code tls} or {@code none}), the same parts one variable each.
 * </ul>
 *
 * {@code MAIL_FROM} is the address messages come from (the business's name is put beside it), required once SMTP is
 * set. SendGrid ({@code smtp://apikey:<key>@smtp.sendgrid.net:587}), Amazon SES and Postmark all take SMTP.
 *
 * @param timeout for connecting, and for each read and write: a server that stops answering fails the send, it never
 *     holds a sender's thread
 */
public record SmtpSettings(
        String host,
        int port,
        Tls tls,
        Optional<String> username,
        Optional<String> password,
        InternetAddress from,
        Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    /** How the connection is protected. */
    public enum Tls {
        /** Plain text: only for a server on the same machine or in tests. */
        NONE(25),
        /** Plain at first, then upgraded by STARTTLS; refused if the server does not offer it. */
        STARTTLS(587),
        /** TLS from the first byte (often called SMTPS). */
        TLS(465);

        private final int defaultPort;

        Tls(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        static Tls parse(String value, String variable) {
            for (Tls tls : values()) {
                if (tls.name().equalsIgnoreCase(value.trim())) {
                    return tls;
                }
            }
            throw new IllegalArgumentException(variable + " is none, starttls or tls, not " + value);
        }
    }

    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(timeout, "timeout");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("an SMTP port is between 1 and 65535, not " + port);
        }
        if (username.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("an SMTP user needs a password, and a password a user");
        }
    }

    /** The domain of {@code MAIL_FROM}, which Message-IDs are made in. */
    String fromDomain() {
        String address = from.getAddress();
        return address.substring(address.lastIndexOf('@') + 1);
    }

    /**
     * The settings the environment gives, or empty when it names no SMTP server at all (mail is then not sent, and
     * each message says so). A half-set or mistyped configuration is an error naming the variable, never silence.
     */
    public static Optional<SmtpSettings> fromEnvironment(Map<String, String> env) {
        Optional<String> url = value(env, "SMTP_URL");
        Optional<String> host = value(env, "SMTP_HOST");
        Optional<String> from = value(env, "MAIL_FROM");
        if (url.isEmpty() && host.isEmpty()) {
            for (String variable :
                    new String[] {"MAIL_FROM", "SMTP_PORT", "SMTP_USERNAME", "SMTP_PASSWORD", "SMTP_TLS"}) {
                if (value(env, variable).isPresent()) {
                    throw new IllegalArgumentException(variable + " is set but neither SMTP_URL nor SMTP_HOST is");
                }
            }
            return Optional.empty();
        }
        if (url.isPresent() && host.isPresent()) {
            throw new IllegalArgumentException("set SMTP_URL or SMTP_HOST, not both");
        }
        InternetAddress sender = from.map(SmtpSettings::address)
                .orElseThrow(() -> new IllegalArgumentException(
                        "MAIL_FROM is required when SMTP is set: the address e-mail comes from"));
        return Optional.of(url.isPresent() ? fromUrl(url.get(), sender) : fromParts(env, host.get(), sender));
    }

    private static SmtpSettings fromUrl(String url, InternetAddress from) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            // the message would repeat the URL, password and all
            throw new IllegalArgumentException(
                    "SMTP_URL is not a URL like smtp://user:password@host:587 (percent-encode @ : / ? # % in the password)");
        }
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!scheme.equals("smtp") && !scheme.equals("smtps")) {
            throw new IllegalArgumentException("SMTP_URL starts with smtp:// or smtps://");
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("SMTP_URL names no host");
        }
        Tls tls = scheme.equals("smtps") ? Tls.TLS : Tls.STARTTLS;
        String query = Optional.ofNullable(uri.getQuery()).orElse("");
        for (String parameter : query.split("&")) {
            if (parameter.isEmpty()) {
                continue;
            }
            String[] pair = parameter.split("=", 2);
            if (!pair[0].equals("tls") || pair.length < 2) {
                throw new IllegalArgumentException("SMTP_URL takes only ?tls=none, ?tls=starttls or ?tls=tls");
            }
            tls = Tls.parse(pair[1], "SMTP_URL's tls");
        }
        if (scheme.equals("smtps") && tls != Tls.TLS) {
            throw new IllegalArgumentException("smtps:// is TLS from the first byte; use smtp:// for " + tls);
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        String userInfo = uri.getUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("SMTP_URL has a user but no password (smtp://user:password@host)");
            }
            user = Optional.of(userInfo.substring(0, colon));
            password = Optional.of(userInfo.substring(colon + 1));
        }
        int port = uri.getPort() == -1 ? tls.defaultPort : uri.getPort();
        return new SmtpSettings(uri.getHost(), port, tls, user, password, from, DEFAULT_TIMEOUT);
    }

    private static SmtpSettings fromParts(Map<String, String> env, String host, InternetAddress from) {
        Tls tls = value(env, "SMTP_TLS").map(v -> Tls.parse(v, "SMTP_TLS")).orElse(Tls.STARTTLS);
        int port = value(env, "SMTP_PORT").map(SmtpSettings::port).orElse(tls.defaultPort);
        Optional<String> user = value(env, "SMTP_USERNAME");
        Optional<String> password =
                Optional.ofNullable(env.get("SMTP_PASSWORD")).filter(p -> !p.isEmpty());
        if (user.isPresent() != password.isPresent()) {
            throw new IllegalArgumentException("SMTP_USERNAME and SMTP_PASSWORD are set together or not at all");
        }
        return new SmtpSettings(host, port, tls, user, password, from, DEFAULT_TIMEOUT);
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value.trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below with the variable's name
        }
        throw new IllegalArgumentException("SMTP_PORT is a port number (1 to 65535), not " + value);
    }

    private static InternetAddress address(String value) {
        try {
            InternetAddress address = new InternetAddress(value.trim(), true);
            if (address.getAddress().indexOf('@') < 1) {
                throw new AddressException("no domain");
            }
            return new InternetAddress(address.getAddress());
        } catch (AddressException e) {
            throw new IllegalArgumentException("MAIL_FROM is an e-mail address like citas@example.com, not " + value);
        }
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
    }

    /** The password stays out of logs and exception messages. */
    @Override
    public String toString() {
        return "SmtpSettings[%s:%d %s user=%s from=%s timeout=%s]"
                .formatted(host, port, tls, username.orElse("-"), from.getAddress(), timeout);
    }
}
