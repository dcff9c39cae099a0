package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BillingUseCase;
import com.voiceappoint.application.port.out.BillingPorts;
import com.voiceappoint.application.port.out.BillingRepository;
import com.voiceappoint.application.port.out.PaymentGateway;
import com.voiceappoint.application.port.out.PlatformRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.domain.billing.BusinessPlan;
import com.voiceappoint.domain.billing.Plan;
import com.voiceappoint.domain.billing.Plans;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.InvalidValueException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plans, a business's subscription and its voice bookings against its plan's cap. Stripe is never called inside a
 * transaction: the customer is made first, under a key derived from the business so that two owners clicking at once
 * make one, and kept afterwards in a transaction of its own.
 */
final class BillingInteractor implements BillingUseCase {
    private final BusinessAccess access;
    private final TransactionRunner transactions;
    private final BillingPorts ports;
    private final UserRepository users;
    private final PlatformRepository platform;
    private final Clock clock;

    BillingInteractor(
            BusinessAccess access,
            TransactionRunner transactions,
            BillingPorts ports,
            UserRepository users,
            PlatformRepository platform,
            Clock clock) {
        this.access = access;
        this.transactions = transactions;
        this.ports = ports;
        this.users = users;
        this.platform = platform;
        this.clock = clock;
    }

    @Override
    public Offer plans() {
        return new Offer(catalogue().all(), ports.subscriptions());
    }

    @Override
    public Billing billing(Actor actor, BusinessId businessId) {
        Business business =
                access.require(actor, businessId, Permission.MANAGE_SETTINGS).business();
        BusinessPlan state = state(businessId);
        Instant now = clock.instant();
        Plan plan = catalogue().of(state.plan());
        long booked = store().voiceBookings(businessId, VoiceCaps.monthStart(business.zone(), now));
        return new Billing(
                state,
                allowance(business, plan, booked, now),
                ports.subscriptions(),
                state.customer().isPresent() && ports.gateway().configured());
    }

    @Override
    public Optional<VoiceAllowance> cappedVoice(Actor actor, BusinessId businessId) {
        Business business =
                access.require(actor, businessId, Permission.VIEW_BUSINESS).business();
        Plans plans = catalogue();
        if (plans.capped().isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        BillingRepository.VoiceUsage usage = store().voiceUsage(
                        businessId,
                        plans.starting().code(),
                        plans.capped(),
                        VoiceCaps.monthStart(business.zone(), now));
        return usage.voiceBookings().map(booked -> allowance(business, plans.of(usage.plan()), booked, now));
    }

    private VoiceAllowance allowance(Business business, Plan plan, long booked, Instant now) {
        return new VoiceAllowance(
                plan, YearMonth.from(now.atZone(business.zone())), booked, !plan.allowsVoiceBooking(booked));
    }

    @Override
    public URI checkout(Actor actor, BusinessId businessId, String code) {
        Business business =
                access.require(actor, businessId, Permission.MANAGE_SETTINGS).business();
        Plan plan = catalogue()
                .find(code == null ? "" : code.strip())
                .orElseThrow(() -> new InvalidValueException("plan", "no such plan"));
        InvalidValueException.check(
                plan.subscribable() && ports.subscriptions(), "plan", "this plan cannot be subscribed to here");
        BusinessPlan state = state(businessId);
        if (state.status().entitles()) {
            throw new DomainException(
                    ErrorCode.ALREADY_SUBSCRIBED,
                    "plan",
                    "the business is subscribed already: its plan is changed in the billing portal",
                    Map.of("plan", state.plan()));
        }
        String customer = state.customer().orElseGet(() -> becomeCustomer(actor, business));
        URI billingPage = billingPage(business);
        return ports.gateway()
                .openSubscriptionCheckout(new PaymentGateway.SubscriptionCheckoutRequest(
                        customer,
                        plan.stripePrice().orElseThrow(),
                        business.language(),
                        URI.create(billingPage + "?subscribed=" + plan.code()),
                        billingPage,
                        Map.of("business_id", businessId.toString(), "plan", plan.code()),
                        // a second click gives the same page; once Stripe's news of a subscription has changed
                        // the business's state, a new page is a new request
                        "subscribe-" + businessId + "-" + plan.code() + "-"
                                + business.language().code() + "-"
                                + state.changedAt().map(Instant::getEpochSecond).orElse(0L)))
                .url();
    }

    /** The business as a customer of the platform, made now; the one kept first if two were made at once. */
    private String becomeCustomer(Actor actor, Business business) {
        Optional<String> email = actor instanceof Actor.Member member
                ? users.findById(member.userId()).map(user -> user.email().value())
                : Optional.empty();
        String made = ports.gateway()
                .createCustomer(new PaymentGateway.NewCustomer(
                        business.name(),
                        email,
                        Map.of("business_id", business.id().toString()),
                        "customer-" + business.id()));
        return transactions.inTransaction(() ->
                store().keepCustomer(business.id(), made, catalogue().starting().code(), clock.instant()));
    }

    @Override
    public URI portal(Actor actor, BusinessId businessId) {
        Business business =
                access.require(actor, businessId, Permission.MANAGE_SETTINGS).business();
        String customer = state(businessId)
                .customer()
                .orElseThrow(() -> new DomainException(
                        ErrorCode.NOT_SUBSCRIBED, "the business never subscribed: there is nothing to manage yet"));
        if (!ports.gateway().configured()) {
            throw new DomainException(ErrorCode.PAYMENTS_NOT_CONNECTED, "this server is not set up with Stripe");
        }
        return ports.gateway().openBillingPortal(customer, billingPage(business), business.language());
    }

    @Override
    public Map<BusinessId, Plan> plansOf(Actor.Member operator, Collection<BusinessId> businesses) {
        if (!platform.isOperator(operator.userId())) {
            throw new NotFoundException("operator");
        }
        List<BusinessId> asked = List.copyOf(businesses);
        Map<BusinessId, BusinessPlan> stored = asked.isEmpty() ? Map.of() : store().find(asked);
        return asked.stream()
                .distinct()
                .collect(Collectors.toMap(
                        Function.identity(),
                        id -> Optional.ofNullable(stored.get(id))
                                .map(state -> catalogue().of(state.plan()))
                                .orElse(catalogue().starting())));
    }

    private BusinessPlan state(BusinessId business) {
        return store().find(business)
                .orElseGet(() ->
                        BusinessPlan.starting(business, catalogue().starting().code(), clock.instant()));
    }

    /** The business's billing page in the web app: where Stripe sends its owner back to. */
    private URI billingPage(Business business) {
        return URI.create(ports.publicUrl().orElseThrow() + "/dashboard/"
                + business.slug().value() + "/settings/billing");
    }

    private Plans catalogue() {
        return ports.plans();
    }

    private BillingRepository store() {
        return ports.store();
    }
}
