package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.port.in.BillingUseCase;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.InvalidValueException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The business paying the platform, under its settings: the plan it is on, its voice bookings this month against the
 * plan's cap, the plans it can subscribe to (off to Stripe Checkout, and back here), and Stripe's Customer Portal to
 * change plan, cancel and read invoices. Owners and admins only: the use case refuses everyone else even a look, so
 * the page does too.
 */
final class BillingPages implements PageGroup {
    static final String PAGE = "settings/billing";
    private static final String PATH = "/dashboard/{" + Dashboards.SLUG + "}/" + PAGE;

    private final WebPages pages;
    private final Dashboards dashboards;
    private final BillingUseCase billing;

    BillingPages(WebPages pages, Dashboards dashboards, BillingUseCase billing) {
        this.pages = pages;
        this.dashboards = dashboards;
        this.billing = billing;
    }

    @Override
    public void addTo(WebPages pages) {
        pages.get(PATH, this::show);
        pages.post(PATH + "/checkout", this::checkout);
        pages.post(PATH + "/portal", this::portal);
    }

    private void show(Context ctx) {
        Workplace w = SettingsPages.requiring(dashboards, ctx, Permission.MANAGE_SETTINGS);
        // back from Stripe Checkout: the plan is the business's once Stripe's news of it arrives, seconds later
        boolean subscribed = ctx.queryParam("subscribed") != null;
        render(ctx, w, Optional.empty(), subscribed);
    }

    /** Off to Stripe's page where the owner subscribes to the plan chosen. */
    private void checkout(Context ctx) {
        Workplace w = SettingsPages.requiring(dashboards, ctx, Permission.MANAGE_SETTINGS);
        String plan = Optional.ofNullable(ctx.formParam("plan")).orElse("");
        off(ctx, w, () -> billing.checkout(w.member(), w.business().id(), plan));
    }

    /** Off to Stripe's Customer Portal. */
    private void portal(Context ctx) {
        Workplace w = SettingsPages.requiring(dashboards, ctx, Permission.MANAGE_SETTINGS);
        off(ctx, w, () -> billing.portal(w.member(), w.business().id()));
    }

    /**
     * Redirects to the Stripe page {@code stripe} opens; what keeps it from opening is said on this page, with the
     * status it would have in the API. Any other refusal (not allowed, not found) is the error page's to tell.
     */
    private void off(Context ctx, Workplace w, Supplier<URI> stripe) {
        String problem;
        HttpStatus status;
        try {
            WebPages.redirect(ctx, stripe.get().toString());
            return;
        } catch (InvalidValueException notOffered) {
            status = HttpStatus.UNPROCESSABLE_CONTENT;
            problem = "settings.billing.error.plan";
        } catch (StoreUnavailableException away) {
            status = HttpStatus.SERVICE_UNAVAILABLE;
            ctx.header("Retry-After", Long.toString(ErrorPages.RETRY_AFTER_SECONDS));
            problem = "settings.billing.error.unreachable";
        } catch (DomainException refused) {
            if (refused.code() == ErrorCode.ALREADY_SUBSCRIBED) {
                status = HttpStatus.CONFLICT;
                problem = "settings.billing.error.subscribed";
            } else if (refused.code() == ErrorCode.NOT_SUBSCRIBED
                    || refused.code() == ErrorCode.PAYMENTS_NOT_CONNECTED) {
                status = HttpStatus.CONFLICT;
                problem = "settings.billing.error.nothing_to_manage";
            } else if (refused.code() == ErrorCode.PAYMENT_REFUSED) {
                status = HttpStatus.UNPROCESSABLE_CONTENT;
                problem = "settings.billing.error.refused";
            } else {
                throw refused;
            }
        }
        ctx.status(status);
        render(ctx, w, Optional.of(problem), false);
    }

    private void render(Context ctx, Workplace w, Optional<String> problem, boolean subscribed) {
        Visit v = w.v();
        Map<String, Object> model = new HashMap<>();
        model.put("w", w);
        model.put("f", SettingsForm.showing(Map.of()));
        model.put("notice", Optional.empty());
        model.put("billing", billing.billing(w.member(), w.business().id()));
        model.put("offer", billing.plans());
        model.put("p", new PlanText(v));
        model.put("fmt", Formats.of(w));
        model.put("problem", problem);
        model.put("subscribed", subscribed);
        pages.render(ctx, "settings/billing.jte", model);
    }
}
