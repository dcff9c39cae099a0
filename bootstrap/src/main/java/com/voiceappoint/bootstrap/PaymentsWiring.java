package com.voiceappoint.bootstrap;

import com.voiceappoint.adapter.http.RawRoute;
import com.voiceappoint.adapter.payments.StripePaymentGateway;
import com.voiceappoint.adapter.payments.StripeSettings;
import com.voiceappoint.adapter.payments.StripeWebhook;
import com.voiceappoint.application.port.in.PaymentEventsUseCase;
import com.voiceappoint.application.port.out.PaymentGateway;
import com.voiceappoint.domain.billing.Plans;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stripe for the application (the gateway, and the plans the businesses are billed for) and for Stripe (its webhook on
 * the HTTP server).
 */
final class PaymentsWiring {
    private static final Logger LOG = LoggerFactory.getLogger(PaymentsWiring.class);

    private PaymentsWiring() {}

    static PaymentGateway gateway(ServerConfig config, Clock clock) {
        return config.payments()
                .stripe()
                .<PaymentGateway>map(stripe -> {
                    LOG.info(
                            "Stripe {}: businesses can connect their accounts and ask for deposits",
                            stripe.testMode() ? "in test mode" : "LIVE");
                    return new StripePaymentGateway(stripe, clock);
                })
                .orElseGet(() -> {
                    LOG.info("no STRIPE_SECRET_KEY: no business can take payments; deposit services book as any other");
                    return PaymentGateway.NOT_CONFIGURED;
                });
    }

    /**
     * Where the web app's forms may send a browser besides Stripe's own pages: a stand-in for Stripe
     * ({@code STRIPE_API_BASE}) serves its Checkout and onboarding pages where it serves its API, and a browser follows
     * a form's redirect only to where the page's policy lets it. Nothing more with Stripe itself.
     */
    static List<URI> paymentPages(ServerConfig config) {
        Optional<URI> standIn = config.payments().stripe().flatMap(StripeSettings::apiBase);
        standIn.ifPresent(base -> LOG.info("STRIPE_API_BASE is set: the pages' forms may also lead to {}", base));
        return standIn.stream().toList();
    }

    /**
     * Stripe's events, each proven by its signature on the raw body. Without Stripe configured there is no secret to
     * prove one with, so every request is refused as not Stripe's.
     */
    static RawRoute webhook(ServerConfig config, PaymentEventsUseCase events, Clock clock) {
        Optional<StripeWebhook> webhook =
                config.payments().stripe().map(stripe -> new StripeWebhook(events, stripe, clock));
        return new RawRoute("POST", List.of(StripeWebhook.PATH), StripeWebhook.MAX_BODY_BYTES, (body, header) -> {
            if (webhook.isEmpty()) {
                return RawRoute.Reply.json(400, "{\"error\":\"payments are not configured on this server\"}");
            }
            StripeWebhook.Answer answer = webhook.get().handle(body, header);
            return new RawRoute.Reply(answer.status(), answer.contentType(), answer.body());
        });
    }

    /**
     * The plans the businesses are billed for, and so capped by: those configured when this server can take a
     * subscription (Stripe, and a plan's Price), else none with a limit.
     */
    static Plans plans(ServerConfig config, PaymentGateway stripe) {
        Plans plans = config.billing().plans();
        if (!plans.subscribable() || !stripe.configured()) {
            LOG.info("no STRIPE_PRICE_ set: businesses are not billed, and none is limited in its voice bookings");
            return Plans.UNLIMITED;
        }
        LOG.info(
                "businesses are billed through Stripe: {} (a business starts on {}, {} voice bookings a month)",
                plans.all().stream()
                        .map(plan -> plan.code() + (plan.subscribable() ? "" : " (no Price: not offered)"))
                        .toList(),
                plans.starting().code(),
                plans.starting().voiceBookingsPerMonth().map(String::valueOf).orElse("no limit on"));
        return plans;
    }
}
