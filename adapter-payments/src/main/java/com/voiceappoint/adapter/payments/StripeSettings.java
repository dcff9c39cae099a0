package com.voiceappoint.adapter.payments;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * The platform's Stripe account, as the composition root read it: its secret key, and the signing secrets of the two
 * webhook endpoints Stripe posts to (one for the platform's own events, one for its connected accounts' events; each
 * endpoint has its own secret, {@code whsec_...}). Nothing here reads the environment.
 *
 * @param secretKey {@code sk_live_...}/{@code sk_test_...}, or a restricted key ({@code rk_...}) allowed to write
 *     accounts, account links, Checkout Sessions and refunds, and (to bill the businesses) customers and billing portal
 *     sessions
 * @param apiBase where Stripe's API is, when it is not {@code https://api.stripe.com}: a local stand-in in tests
 * @param platformWebhookSecret signs the events of the platform's own account; without it those are refused
 * @param connectWebhookSecret signs the events of connected accounts (those carrying {@code account}); without it
 *     those are refused
 */
public record StripeSettings(
        String secretKey,
        Optional<URI> apiBase,
        Optional<String> platformWebhookSecret,
        Optional<String> connectWebhookSecret) {

    public StripeSettings {
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(platformWebhookSecret, "platformWebhookSecret");
        Objects.requireNonNull(connectWebhookSecret, "connectWebhookSecret");
        // the message never repeats the key: it may be a live one pasted into the wrong variable
        if (!secretKey.matches("(sk|rk)_(live|test)_[0-9A-Za-z_]+")) {
            throw new IllegalArgumentException(
                    "a Stripe secret key starts with sk_live_, sk_test_, rk_live_ or rk_test_ (a publishable pk_ key "
                            + "cannot act for the platform)");
        }
        apiBase.ifPresent(StripeSettings::requireHttp);
        platformWebhookSecret.ifPresent(secret -> requireSigningSecret(secret, "platform"));
        connectWebhookSecret.ifPresent(secret -> requireSigningSecret(secret, "Connect"));
    }

    /** The settings for Stripe itself, with no webhook endpoint configured yet. */
    public static StripeSettings of(String secretKey) {
        return new StripeSettings(secretKey, Optional.empty(), Optional.empty(), Optional.empty());
    }

    public StripeSettings withApiBase(URI base) {
        return new StripeSettings(secretKey, Optional.of(base), platformWebhookSecret, connectWebhookSecret);
    }

    public StripeSettings withWebhookSecrets(Optional<String> platform, Optional<String> connect) {
        return new StripeSettings(secretKey, apiBase, platform, connect);
    }

    /** Test-mode keys move no real money: worth saying in the server's start-up log. */
    public boolean testMode() {
        return secretKey.contains("_test_");
    }

    private static void requireHttp(URI base) {
        if (!("https".equals(base.getScheme()) || "http".equals(base.getScheme())) || base.getHost() == null) {
            throw new IllegalArgumentException("Stripe's API base is a URL like https://api.stripe.com, not " + base);
        }
    }

    private static void requireSigningSecret(String secret, String endpoint) {
        if (secret.isBlank() || !secret.equals(secret.strip())) {
            throw new IllegalArgumentException("the " + endpoint + " webhook signing secret is blank or padded");
        }
    }

    /** Keys and secrets stay out of logs and exception messages. */
    @Override
    public String toString() {
        return "StripeSettings[%s key, api=%s, platform webhook %s, Connect webhook %s]"
                .formatted(
                        testMode() ? "test" : "live",
                        apiBase.map(URI::toString).orElse("https://api.stripe.com"),
                        platformWebhookSecret.isPresent() ? "signed" : "off",
                        connectWebhookSecret.isPresent() ? "signed" : "off");
    }
}
