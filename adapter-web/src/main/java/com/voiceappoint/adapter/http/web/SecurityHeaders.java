package com.voiceappoint.adapter.http.web;

import io.javalin.http.Context;
import java.util.List;

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

    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self'",
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            // booking a service with a deposit, connecting the business's Stripe account, subscribing to a plan and
            // managing it answer their form with a redirect to Stripe's own page, and browsers hold a form's
            // redirects to form-action too
            "form-action 'self' " + String.join(" ", STRIPE_PAGES),
            "frame-ancestors 'none'",
            "base-uri 'none'",
            "object-src 'none'");

    private SecurityHeaders() {}

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        // a manage link carries its secret in the path: no other site may see it in a Referer
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
    }
}
