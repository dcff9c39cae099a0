package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.billing.BusinessPlan;
import com.voiceappoint.domain.business.BusinessId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The plan each business is on, its subscription on the platform's Stripe account, and how many appointments its
 * callers booked by voice: what a plan's cap is counted against. A business without a row is on the plan businesses
 * start on. Stripe's news is applied with {@link #apply}, which keeps news older than what it holds from undoing it.
 */
public interface BillingRepository {

    Optional<BusinessPlan> find(BusinessId business);

    /** The plans of those of {@code businesses} that have a row: for a page of the platform's businesses. */
    Map<BusinessId, BusinessPlan> find(Collection<BusinessId> businesses);

    /** The business this Stripe customer was made for. */
    Optional<BusinessId> businessOfCustomer(String customer);

    /**
     * Keeps the Stripe customer made for the business, unless it has one already: the customer it has now.
     *
     * @param startingPlan the plan a business without a row is on
     */
    String keepCustomer(BusinessId business, String customer, String startingPlan, Instant at);

    /**
     * Writes {@code next} unless the business's row holds news Stripe made later than {@code next.changedAt()}, in one
     * step: two deliveries racing are applied one after the other, and the older never overwrites the newer.
     *
     * @return false when the row held newer news, and nothing was written
     */
    boolean apply(BusinessPlan next);

    /**
     * Appointments made by voice for the business since {@code since} (booked, even if cancelled or missed later, or
     * held right now; a hold or a deposit that lapsed books nothing).
     */
    long voiceBookings(BusinessId business, Instant since);

    /**
     * The plan the business is on and, only when that plan is one of {@code capped}, its {@link #voiceBookings} since
     * {@code since}: what a voice booking asks before it is made, in one round trip, and with no count at all for a
     * business whose plan has no limit.
     *
     * @param startingPlan the plan a business without a row is on
     */
    VoiceUsage voiceUsage(BusinessId business, String startingPlan, Set<String> capped, Instant since);

    /** @param voiceBookings empty when the plan was not one to count for */
    record VoiceUsage(String plan, Optional<Long> voiceBookings) {}
}
