package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.port.out.BillingRepository;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.billing.BusinessPlan;
import com.voiceappoint.domain.billing.SubscriptionStatus;
import com.voiceappoint.domain.business.BusinessId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Each business's plan on PostgreSQL. Stripe's news is one conditional upsert: written unless the row holds news
 * Stripe made later, so two deliveries racing are applied one after the other under the row's lock, and the older
 * never overwrites the newer. A business's voice bookings are one range of a partial index.
 */
final class JdbiBillingRepository implements BillingRepository {
    private static final String COLUMNS = "business_id, plan, stripe_customer, stripe_subscription, status, "
            + "current_period_end, changed_at, updated_at";
    /** Made by voice and not lapsed: booked (even if cancelled since) or held now. */
    private static final String VOICE_BOOKINGS = "select count(*) from appointments where business_id = :business "
            + "and source = 'voice' and created_at >= :since and status <> '" + AppointmentStatus.EXPIRED.code() + "'";

    private final Jdbi jdbi;

    JdbiBillingRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<BusinessPlan> find(BusinessId business) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from business_plans where business_id = :b")
                .bind("b", business.value())
                .map((rs, ctx) -> plan(rs))
                .findOne());
    }

    @Override
    public Map<BusinessId, BusinessPlan> find(Collection<BusinessId> businesses) {
        if (businesses.isEmpty()) {
            return Map.of();
        }
        List<BusinessPlan> found = jdbi.withHandle(
                h -> h.createQuery("select " + COLUMNS + " from business_plans where business_id = any(:ids)")
                        .bindArray(
                                "ids",
                                UUID.class,
                                businesses.stream().map(BusinessId::value).toList())
                        .map((rs, ctx) -> plan(rs))
                        .list());
        return found.stream().collect(Collectors.toMap(BusinessPlan::businessId, Function.identity()));
    }

    @Override
    public Optional<BusinessId> businessOfCustomer(String customer) {
        return jdbi.withHandle(
                h -> h.createQuery("select business_id from business_plans where stripe_customer = :customer limit 1")
                        .bind("customer", customer)
                        .map((rs, ctx) -> new BusinessId(Rows.uuid(rs, "business_id")))
                        .findOne());
    }

    @Override
    public String keepCustomer(BusinessId business, String customer, String startingPlan, Instant at) {
        // the row is locked by the insert's conflict or the update, so of two racing the second reads the first's
        return jdbi.withHandle(h -> h.createQuery("insert into business_plans (business_id, plan, stripe_customer, "
                        + "status, updated_at) values (:b, :plan, :customer, 'none', :at) on conflict (business_id) "
                        + "do update set stripe_customer = coalesce(business_plans.stripe_customer, "
                        + "excluded.stripe_customer), updated_at = excluded.updated_at returning stripe_customer")
                .bind("b", business.value())
                .bind("plan", startingPlan)
                .bind("customer", customer)
                .bind("at", Rows.timestamp(at))
                .mapTo(String.class)
                .one());
    }

    @Override
    public boolean apply(BusinessPlan next) {
        return jdbi.withHandle(h -> h.createUpdate("insert into business_plans (" + COLUMNS + ") values (:b, :plan, "
                                + ":customer, :subscription, :status, :periodEnd, :changedAt, :updatedAt) "
                                + "on conflict (business_id) do update set plan = excluded.plan, "
                                + "stripe_customer = excluded.stripe_customer, "
                                + "stripe_subscription = excluded.stripe_subscription, status = excluded.status, "
                                + "current_period_end = excluded.current_period_end, "
                                + "changed_at = excluded.changed_at, updated_at = excluded.updated_at "
                                + "where business_plans.changed_at is null "
                                + "or business_plans.changed_at <= excluded.changed_at")
                        .bind("b", next.businessId().value())
                        .bind("plan", next.plan())
                        .bind("customer", next.customer().orElse(null))
                        .bind("subscription", next.subscription().orElse(null))
                        .bind("status", next.status().code())
                        .bind(
                                "periodEnd",
                                Rows.timestamp(next.currentPeriodEnd().orElse(null)))
                        .bind("changedAt", Rows.timestamp(next.changedAt().orElse(null)))
                        .bind("updatedAt", Rows.timestamp(next.updatedAt()))
                        .execute())
                == 1;
    }

    @Override
    public long voiceBookings(BusinessId business, Instant since) {
        return jdbi.withHandle(h -> h.createQuery(VOICE_BOOKINGS)
                .bind("business", business.value())
                .bind("since", Rows.timestamp(since))
                .mapTo(Long.class)
                .one());
    }

    /**
     * One statement: the plan, and the count only when the plan is capped. The count is an init plan, which PostgreSQL
     * runs when the CASE's branch first needs it and not otherwise ("never executed" in EXPLAIN ANALYZE); the plan is a
     * materialised CTE so that it is looked up once, not once for each place the CASE names it.
     */
    @Override
    public VoiceUsage voiceUsage(BusinessId business, String startingPlan, Set<String> capped, Instant since) {
        return jdbi.withHandle(h -> h.createQuery("with p as materialized (select coalesce((select plan from "
                        + "business_plans where business_id = :business), :starting) as plan) "
                        + "select p.plan, case when p.plan = any(:capped) then (" + VOICE_BOOKINGS
                        + ") end as booked from p")
                .bind("business", business.value())
                .bind("since", Rows.timestamp(since))
                .bind("starting", startingPlan)
                .bindArray("capped", String.class, List.copyOf(capped))
                .map((rs, ctx) -> {
                    long booked = rs.getLong("booked");
                    Optional<Long> counted = rs.wasNull() ? Optional.empty() : Optional.of(booked);
                    return new VoiceUsage(rs.getString("plan"), counted);
                })
                .one());
    }

    private static BusinessPlan plan(ResultSet rs) throws SQLException {
        return new BusinessPlan(
                new BusinessId(Rows.uuid(rs, "business_id")),
                rs.getString("plan"),
                Rows.optionalString(rs, "stripe_customer"),
                Rows.optionalString(rs, "stripe_subscription"),
                SubscriptionStatus.of(rs.getString("status")).orElseThrow(),
                Rows.optionalInstant(rs, "current_period_end"),
                Rows.optionalInstant(rs, "changed_at"),
                Rows.instant(rs, "updated_at"));
    }
}
