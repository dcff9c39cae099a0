package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.BillingUseCase;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code /pricing}: the plans businesses pay the platform for, with their price and how many voice bookings each
 * allows a month. A server that bills no one has no pricing to show: the page is not there.
 */
final class PricingPage implements PageGroup {
    private final WebPages pages;
    private final BillingUseCase billing;

    PricingPage(WebPages pages, BillingUseCase billing) {
        this.pages = pages;
        this.billing = billing;
    }

    @Override
    public void addTo(WebPages pages) {
        pages.get("/pricing", this::show);
    }

    private void show(Context ctx) {
        BillingUseCase.Offer offer = billing.plans();
        if (!offer.subscriptions()) {
            throw PageException.notFound();
        }
        Visit v = pages.visit(ctx);
        pages.render(ctx, "pricing.jte", Map.of("v", v, "p", new PlanText(v), "offer", offer));
    }
}
