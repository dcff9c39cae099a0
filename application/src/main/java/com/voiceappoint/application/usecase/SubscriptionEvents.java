package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.PaymentEventsUseCase.Outcome;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.PaymentEvent;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.SubscriptionChanged;
import com.voiceappoint.application.port.in.PaymentEventsUseCase.SubscriptionCheckoutCompleted;
import com.voiceappoint.application.port.out.BillingPorts;
import com.voiceappoint.application.port.out.BillingRepository;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.PaymentRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.billing.BusinessPlan;
import com.voiceappoint.domain.billing.Plan;
import com.voiceappoint.domain.billing.Plans;
import com.voiceappoint.domain.billing.SubscriptionStatus;
import com.voiceappoint.domain.business.BusinessId;
import java.time.Clock;
import java.util.Optional;

/**
 * Stripe Billing's news of the businesses' subscriptions on the platform's own account, each event applied once: its
 * id is recorded in the transaction of its effect, as every payment event's is. News arrives in any order, and a
 * delivery may be days late: each is applied only over news Stripe made no later than it ({@code created}), so a late
 * "active" never undoes a "canceled" that came before it, and a subscription that ended takes the business back to the
 * plan it started on. The business is the one the customer was made for; the metadata we put on the subscription
 * names it when the customer is not known here (another server made it).
 */
final class SubscriptionEvents {
    private static final System.Logger LOG = System.getLogger(SubscriptionEvents.class.getName());

    private final TransactionRunner transactions;
    private final BillingPorts ports;
    private final PaymentRepository events;
    private final BusinessRepository businesses;
    private final Clock clock;

    /** @param events where every Stripe event applied is recorded, whichever account it is about */
    SubscriptionEvents(
            TransactionRunner transactions,
            BillingPorts ports,
            PaymentRepository events,
            BusinessRepository businesses,
            Clock clock) {
        this.transactions = transactions;
        this.ports = ports;
        this.events = events;
        this.businesses = businesses;
        this.clock = clock;
    }

    static boolean about(PaymentEvent event) {
        return event instanceof SubscriptionCheckoutCompleted || event instanceof SubscriptionChanged;
    }

    Outcome apply(PaymentEvent event) {
        if (event.account().isPresent()) {
            // a connected account's own subscriptions are its business with its clients, not ours
            return Outcome.IGNORED;
        }
        if (event instanceof SubscriptionCheckoutCompleted completed) {
            return completed(completed);
        }
        return changed((SubscriptionChanged) event);
    }

    /**
     * The owner paid on the Checkout page: the business has the plan from now, unless news of the subscription itself
     * came first, which says more (its period, its status).
     */
    private Outcome completed(SubscriptionCheckoutCompleted event) {
        Optional<BusinessId> business = business(event.customer(), event.business());
        if (business.isEmpty()) {
            return none(event, "checkout.session.completed");
        }
        BusinessId id = business.get();
        Optional<Plan> plan = event.plan().flatMap(plans()::find);
        return once(event, "checkout.session.completed", () -> {
            BusinessPlan current = current(id);
            boolean told =
                    current.subscription().filter(event.subscription()::equals).isPresent()
                            && current.changedAt().isPresent();
            if (told || !current.supersededBy(event.created()) || plan.isEmpty()) {
                return;
            }
            SubscriptionStatus status = event.paid() ? SubscriptionStatus.ACTIVE : SubscriptionStatus.INCOMPLETE;
            store().apply(new BusinessPlan(
                    id,
                    plans().planFor(plan.get().code(), status),
                    Optional.of(event.customer()),
                    Optional.of(event.subscription()),
                    status,
                    Optional.empty(),
                    Optional.of(event.created()),
                    clock.instant()));
        });
    }

    private Outcome changed(SubscriptionChanged event) {
        Optional<BusinessId> business = business(event.customer(), event.business());
        if (business.isEmpty()) {
            return none(event, "customer.subscription");
        }
        BusinessId id = business.get();
        return once(event, "customer.subscription", () -> {
            BusinessPlan current = current(id);
            if (!current.supersededBy(event.created())) {
                return;
            }
            boolean another = current.subscription()
                    .filter(s -> !s.equals(event.subscription()))
                    .isPresent();
            if (another && current.status().entitles() && !event.status().entitles()) {
                // an earlier subscription ending says nothing of the one the business has now
                return;
            }
            String subscribed = subscribedPlan(event, current);
            store().apply(new BusinessPlan(
                    id,
                    plans().planFor(subscribed, event.status()),
                    Optional.of(event.customer()),
                    Optional.of(event.subscription()),
                    event.status(),
                    event.currentPeriodEnd(),
                    Optional.of(event.created()),
                    clock.instant()));
        });
    }

    /**
     * The plan subscribed to: the one with the subscription's Price (a change of plan in the Customer Portal changes
     * the Price, and leaves our metadata as it was), else the metadata's, else what the business had.
     */
    private String subscribedPlan(SubscriptionChanged event, BusinessPlan current) {
        Optional<String> byPrice = event.price().flatMap(plans()::byStripePrice).map(Plan::code);
        if (byPrice.isEmpty() && event.status().entitles()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "subscription {0} is for a Price no plan has ({1}): the plan is taken from its metadata",
                    event.subscription(),
                    event.price().orElse("none"));
        }
        return byPrice.or(event::plan).orElse(current.plan());
    }

    /** The customer's business, or the one the metadata names if it is one of ours (a deleted one is not). */
    private Optional<BusinessId> business(String customer, Optional<BusinessId> named) {
        return store().businessOfCustomer(customer)
                .or(() -> named.filter(id -> businesses.findById(id).isPresent()));
    }

    private BusinessPlan current(BusinessId business) {
        return store().find(business)
                .orElseGet(
                        () -> BusinessPlan.starting(business, plans().starting().code(), clock.instant()));
    }

    /** News of a customer of no business of ours: recorded, so a redelivery is answered the same. */
    private Outcome none(PaymentEvent event, String type) {
        return once(event, type, () -> {}) == Outcome.APPLIED ? Outcome.IGNORED : Outcome.ALREADY_APPLIED;
    }

    private Outcome once(PaymentEvent event, String type, Runnable effect) {
        return transactions.inTransaction(() -> {
            if (!events.recordEvent(event.id(), type, clock.instant())) {
                return Outcome.ALREADY_APPLIED;
            }
            effect.run();
            return Outcome.APPLIED;
        });
    }

    private Plans plans() {
        return ports.plans();
    }

    private BillingRepository store() {
        return ports.store();
    }
}
