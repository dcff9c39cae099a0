package com.voiceappoint.adapter.notifications;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Proves a webhook came from Twilio: {@code X-Twilio-Signature} is the base64 HMAC-SHA1, keyed with the account's
 * auth token, of the full URL Twilio called (query string included) followed by each POST parameter's name and value,
 * sorted by name, with nothing between them. The URL must be the one Twilio was given, as Twilio wrote it: behind a
 * proxy that ends TLS, the public {@code https://} address, not the one the server sees. Twilio has signed some
 * requests with the port in the URL and some without, so, as Twilio's own libraries do, the URL is also tried with
 * its port taken out and with the scheme's default port put in. Comparison takes the same time whatever the guess.
 */
public final class TwilioSignature {
    public static final String HEADER = "X-Twilio-Signature";

    private final byte[] authToken;

    public TwilioSignature(String authToken) {
        Objects.requireNonNull(authToken, "authToken");
        if (authToken.isEmpty()) {
            throw new IllegalArgumentException("an auth token is needed to check Twilio's signatures");
        }
        this.authToken = authToken.getBytes(StandardCharsets.UTF_8);
    }

    /** A form POST with one value per name, as Twilio's message webhooks are. */
    public boolean isValid(String url, Map<String, String> params, String signature) {
        Map<String, List<String>> lists = new TreeMap<>();
        params.forEach((name, value) -> lists.put(name, List.of(value)));
        return isValidForm(url, lists, signature);
    }

    /** A form POST where a name may repeat: its values are signed in sorted order, each after the name. */
    public boolean isValidForm(String url, Map<String, List<String>> params, String signature) {
        if (url == null || params == null || signature == null || signature.isBlank()) {
            return false;
        }
        byte[] given = signature.strip().getBytes(StandardCharsets.US_ASCII);
        boolean valid = false;
        for (String candidate : urls(url)) {
            // no early exit: every candidate is computed and compared
            valid |= MessageDigest.isEqual(given, sign(candidate, params).getBytes(StandardCharsets.US_ASCII));
        }
        return valid;
    }

    /** The signature Twilio would send for this URL and these parameters. */
    public String sign(String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, values) -> {
            List<String> sorted = new ArrayList<>(values);
            sorted.sort(null);
            for (String value : sorted) {
                data.append(name).append(value);
            }
        });
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(authToken, "HmacSHA1"));
            return Base64.getEncoder()
                    .encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every JDK has HmacSHA1", e);
        }
    }

    /** The URL as given, without its port, and with the scheme's default port. */
    private static Set<String> urls(String url) {
        Set<String> candidates = new LinkedHashSet<>();
        candidates.add(url);
        try {
            URI uri = new URI(url);
            if (uri.getHost() != null && uri.getScheme() != null) {
                candidates.add(withPort(uri, -1));
                if (uri.getPort() == -1) {
                    int port = uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
                    candidates.add(withPort(uri, port));
                }
            }
        } catch (URISyntaxException e) {
            // not a URL we can take apart: only the string as given is checked
        }
        return candidates;
    }

    private static String withPort(URI uri, int port) {
        String authority = (uri.getRawUserInfo() == null ? "" : uri.getRawUserInfo() + "@")
                + uri.getHost()
                + (port == -1 ? "" : ":" + port);
        return uri.getScheme() + "://" + authority + Objects.toString(uri.getRawPath(), "")
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }
}
