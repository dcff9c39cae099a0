package com.voiceappoint.adapter.http;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BillingUseCase;
import com.voiceappoint.application.port.in.GetBusinessQuery;
import com.voiceappoint.domain.billing.BusinessPlan;
import com.voiceappoint.domain.billing.Plan;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import io.javalin.http.Context;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The business paying the platform: the plans offered (public), the plan a business is on with its voice bookings
 * this month against the plan's cap, and the addresses where its owner subscribes (Stripe Checkout) and manages the
 * subscription (Stripe's Customer Portal). Stripe's news of subscriptions comes in through its webhook, not here.
 */
final class BillingRoutes {
    private final GetBusinessQuery businessQuery;
    private final BillingUseCase billing;
    private final Bodies bodies;

    BillingRoutes(GetBusinessQuery businessQuery, BillingUseCase billing, Bodies bodies) {
        this.businessQuery = businessQuery;
        this.billing = billing;
        this.bodies = bodies;
    }

    record CheckoutRequest(
            @NotBlank(message = "validation.required") @Size(max = 32, message = "validation.too_long")
            String plan) {}

    /**
     * @param monthlyPrice what it costs a month, in {@code currency}, as a decimal string
     * @param voiceBookingsPerMonth the cap on voice bookings; left out for none
     * @param subscribable whether a business can subscribe to it (it has its Stripe Price)
     */
    record PlanView(
            String code,
            String name,
            String monthlyPrice,
            String currency,
            Integer voiceBookingsPerMonth,
            boolean subscribable) {
        static PlanView of(Plan plan) {
            return new PlanView(
                    plan.code(),
                    plan.name(),
                    Views.amount(plan.monthlyPrice()),
                    plan.monthlyPrice().currency().getCurrencyCode(),
                    plan.voiceBookingsPerMonth().orElse(null),
                    plan.subscribable());
        }
    }

    record PlansView(List<PlanView> plans, boolean subscriptions) {}

    /**
     * @param month the calendar month counted, {@code 2026-11}, in the business's zone
     * @param overCap whether the cap is reached: callers are offered the web instead of a booking by phone
     */
    record BillingView(
            UUID business,
            PlanView plan,
            String status,
            OffsetDateTime currentPeriodEnd,
            String month,
            long voiceBookings,
            Integer voiceBookingsCap,
            boolean overCap,
            boolean subscriptions,
            boolean manageable) {
        static BillingView of(BillingUseCase.Billing billing, Business business) {
            BusinessPlan state = billing.state();
            BillingUseCase.VoiceAllowance voice = billing.voice();
            return new BillingView(
                    business.id().value(),
                    PlanView.of(billing.plan()),
                    state.status().code(),
                    state.currentPeriodEnd()
                            .map(end -> Views.at(end, business.zone()))
                            .orElse(null),
                    voice.month().toString(),
                    voice.voiceBookings(),
                    voice.cap().orElse(null),
                    voice.overCap(),
                    billing.subscriptions(),
                    billing.manageable());
        }
    }

    record LinkView(String url) {}

    void plans(Context ctx) {
        BillingUseCase.Offer offer = billing.plans();
        ctx.json(new PlansView(offer.plans().stream().map(PlanView::of).toList(), offer.subscriptions()));
    }

    void billing(Context ctx) {
        Actor.Member member = RequestContext.member(ctx);
        BusinessId id = businessId(ctx);
        BillingUseCase.Billing found = billing.billing(member, id);
        ctx.json(BillingView.of(found, businessQuery.get(member, id)));
    }

    void checkout(Context ctx) {
        Actor.Member member = RequestContext.member(ctx);
        BusinessId id = businessId(ctx);
        CheckoutRequest r = bodies.read(ctx, CheckoutRequest.class);
        ctx.json(new LinkView(billing.checkout(member, id, r.plan()).toString()));
    }

    void portal(Context ctx) {
        ctx.json(new LinkView(
                billing.portal(RequestContext.member(ctx), businessId(ctx)).toString()));
    }

    private static BusinessId businessId(Context ctx) {
        return new BusinessId(Params.pathUuid(ctx, "id"));
    }
}
