package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.port.in.PaymentsUseCase;
import com.voiceappoint.application.port.in.PaymentsUseCase.Setup;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.payment.PaymentSettings;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the business takes its clients' payments, under its settings: connecting its own Stripe account (Stripe's
 * onboarding, and back here to see whether it can take payments yet), how long a time is kept for its deposit, and
 * how much of a deposit a timely cancellation gives back. Owners and admins only: the use case refuses everyone else
 * even a look, so the page does too.
 */
public final class PaymentSettingsPages implements PageGroup {
    static final String PAGE = "settings/payments";
    private static final String PATH = "/dashboard/{" + Dashboards.SLUG + "}/" + PAGE;
    private static final int SHORTEST_WINDOW = (int) PaymentSettings.SHORTEST_WINDOW.toMinutes();
    private static final int LONGEST_WINDOW = (int) PaymentSettings.LONGEST_WINDOW.toMinutes();

    /** The domain's names of the form's fields, to the form's. */
    private static final Map<String, String> FIELDS =
            Map.of("paymentWindowMinutes", "paymentWindowMinutes", "refundPercent", "refundPercent");

    private final WebPages pages;
    private final Dashboards dashboards;
    private final PaymentsUseCase payments;
    private final String publicUrl;

    PaymentSettingsPages(WebPages pages, Dashboards dashboards, PaymentsUseCase payments, String publicUrl) {
        this.pages = pages;
        this.dashboards = dashboards;
        this.payments = payments;
        this.publicUrl = publicUrl;
    }

    @Override
    public void addTo(WebPages pages) {
        pages.get(PATH, this::show);
        pages.post(PATH, this::save);
        pages.post(PATH + "/connect", this::connect);
    }

    /** What the business's Stripe account can do, as the page words it. */
    public enum AccountStatus {
        /** This server has no Stripe: nothing to connect. */
        UNAVAILABLE,
        NOT_CONNECTED,
        /** Opened, but Stripe does not let it take payments yet: its owner has more to fill in. */
        ONBOARDING,
        TAKING_PAYMENTS;

        static AccountStatus of(Setup setup) {
            if (!setup.configured()) {
                return UNAVAILABLE;
            }
            if (setup.settings().account().isEmpty()) {
                return NOT_CONNECTED;
            }
            return setup.settings().chargesEnabled() ? TAKING_PAYMENTS : ONBOARDING;
        }

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private void show(Context ctx) {
        Workplace w = SettingsPages.requiring(dashboards, ctx, Permission.MANAGE_SETTINGS);
        boolean back = ctx.queryParam("connected") != null;
        if (!back) {
            render(ctx, w, payments.setup(w.member(), w.business().id()), null, Optional.empty(), false);
            return;
        }
        // back from Stripe's onboarding: whether the account can take payments now is Stripe's to say
        try {
            render(ctx, w, payments.refreshAccount(w.member(), w.business().id()), null, Optional.empty(), true);
        } catch (StoreUnavailableException | DomainException notAsked) {
            rethrowUnlessStripes(notAsked);
            render(
                    ctx,
                    w,
                    payments.setup(w.member(), w.business().id()),
                    null,
                    Optional.of("settings.payments.error.unreachable"),
                    false);
        }
    }

    private void save(Context ctx) {
        Workplace w = SettingsPages.requiring(dashboards, ctx, Permission.MANAGE_SETTINGS);
        SettingsForm f = SettingsForm.submitted(ctx);
        Optional<Integer> window = f.wholeNumber("paymentWindowMinutes", SHORTEST_WINDOW, LONGEST_WINDOW);
        Optional<Integer> refund = f.wholeNumber("refundPercent", 0, 100);
        if (!f.hasErrors()) {
            try {
                payments.change(w.member(), w.business().id(), window.map(Duration::ofMinutes), refund);
                SettingsPages.saved(ctx, w, "payments");
                return;
            } catch (DomainException refused) {
                f.refused(refused, FIELDS);
            }
        }
        render(ctx, w, payments.setup(w.member(), w.business().id()), f, Optional.empty(), false);
    }

    /** Off to Stripe, where the owner opens or completes the business's account, and back to this page. */
    private void connect(Context ctx) {
        Workplace w = SettingsPages.requiring(dashboards, ctx, Permission.MANAGE_SETTINGS);
        URI here = URI.create(publicUrl + w.at(PAGE));
        URI onboarding;
        try {
            onboarding = payments.connect(w.member(), w.business().id(), here, URI.create(here + "?connected=1"));
        } catch (StoreUnavailableException | DomainException notOpened) {
            rethrowUnlessStripes(notOpened);
            boolean noStripe =
                    notOpened instanceof DomainException refused && refused.code() == ErrorCode.PAYMENTS_NOT_CONNECTED;
            ctx.status(noStripe ? HttpStatus.CONFLICT : HttpStatus.SERVICE_UNAVAILABLE);
            if (!noStripe) {
                ctx.header("Retry-After", Long.toString(ErrorPages.RETRY_AFTER_SECONDS));
            }
            render(
                    ctx,
                    w,
                    payments.setup(w.member(), w.business().id()),
                    null,
                    Optional.of(noStripe ? "settings.payments.error.no_stripe" : "settings.payments.error.unreachable"),
                    false);
            return;
        }
        WebPages.redirect(ctx, onboarding.toString());
    }

    /**
     * Stripe unreachable, or refusing, is said on the page; any other refusal (not allowed, not found) is the error
     * page's to tell.
     */
    private static void rethrowUnlessStripes(RuntimeException failure) {
        if (failure instanceof DomainException refused
                && refused.code() != ErrorCode.PAYMENT_REFUSED
                && refused.code() != ErrorCode.PAYMENTS_NOT_CONNECTED) {
            throw refused;
        }
    }

    private void render(
            Context ctx, Workplace w, Setup setup, SettingsForm sent, Optional<String> problem, boolean back) {
        SettingsForm form = sent == null ? asStored(setup.settings()) : sent.fillingIn(asStored(setup.settings()));
        if (form.hasErrors()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("w", w);
        model.put("f", form);
        model.put("notice", form.hasErrors() ? Optional.empty() : SettingsPages.notice(ctx));
        model.put("setup", setup);
        model.put("status", AccountStatus.of(setup));
        model.put("back", back);
        model.put("problem", problem);
        pages.render(ctx, "settings/payments.jte", model);
    }

    private static SettingsForm asStored(PaymentSettings settings) {
        return SettingsForm.showing(Map.of(
                "paymentWindowMinutes", Long.toString(settings.paymentWindow().toMinutes()),
                "refundPercent", Integer.toString(settings.refundPercent())));
    }
}
