package com.voiceappoint.adapter.http.web;

import io.javalin.http.Context;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What every page tells the browser: run only our own scripts and styles (no inline ones, so an injected script
 * runs nowhere), never be framed, never sniff types, and send no page address to other sites.
 */
final class SecurityHeaders {
    /**
     * Where Stripe's pages are: the one a client pays a deposit on (and an owner subscribes to a plan on), the one a
     * business connects its account on, and the Customer Portal where an owner manages the business's subscription.
     */
    static final List<String> STRIPE_PAGES =
            List.of("https://checkout.stripe.com", "https://connect.stripe.com", "https://billing.stripe.com");

    /** The policy of a server whose payment pages are Stripe's only: every server in production. */
    static final String CONTENT_SECURITY_POLICY = policy(List.of());

    private SecurityHeaders() {}

    /**
     * The policy, letting forms lead to Stripe's pages and to {@code paymentPages} (origins only, as {@link
     * WebSettings} keeps them): a stand-in for Stripe serves its Checkout and onboarding pages elsewhere.
     */
    static String policy(List<URI> paymentPages) {
        String formAction = Stream.concat(
                        Stream.of("'self'"),
                        Stream.concat(
                                STRIPE_PAGES.stream(), paymentPages.stream().map(URI::toString)))
                .distinct()
                .collect(Collectors.joining(" "));
        return String.join(
                "; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "font-src 'self'",
                "connect-src 'self'",
                // booking a service with a deposit, and connecting the business's Stripe account, answer their form
                // with a redirect to Stripe's own page, and browsers hold a form's redirects to form-action too
                "form-action " + formAction,
                "frame-ancestors 'none'",
                "base-uri 'none'",
                "object-src 'none'");
    }

    static void apply(Context ctx, String policy) {
        ctx.header("Content-Security-Policy", policy);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        // a manage link carries its secret in the path: no other site may see it in a Referer
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }
}
