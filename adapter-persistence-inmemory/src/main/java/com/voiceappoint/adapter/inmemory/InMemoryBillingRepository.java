package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.port.out.BillingRepository;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.billing.BusinessPlan;
import com.voiceappoint.domain.business.BusinessId;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Each business's plan, keeping the database's promises: news older than what a row holds never overwrites it, and a
 * customer is kept once. Voice bookings are counted over the appointments' fake, the slow, obvious way.
 */
final class InMemoryBillingRepository implements BillingRepository {
    private final Table<BusinessId, BusinessPlan> plans;
    private final InMemoryAppointmentRepository appointments;

    InMemoryBillingRepository(InMemoryTransactionRunner transactions, InMemoryAppointmentRepository appointments) {
        this.plans = new Table<>(transactions);
        this.appointments = appointments;
    }

    @Override
    public Optional<BusinessPlan> find(BusinessId business) {
        return plans.find(business);
    }

    @Override
    public Map<BusinessId, BusinessPlan> find(Collection<BusinessId> businesses) {
        Map<BusinessId, BusinessPlan> found = new LinkedHashMap<>();
        businesses.forEach(id -> plans.find(id).ifPresent(plan -> found.put(id, plan)));
        return found;
    }

    @Override
    public Optional<BusinessId> businessOfCustomer(String customer) {
        return plans.stream()
                .filter(p -> p.customer().filter(customer::equals).isPresent())
                .map(BusinessPlan::businessId)
                .findFirst();
    }

    @Override
    public String keepCustomer(BusinessId business, String customer, String startingPlan, Instant at) {
        BusinessPlan current = plans.find(business).orElseGet(() -> BusinessPlan.starting(business, startingPlan, at));
        if (current.customer().isPresent()) {
            return current.customer().get();
        }
        plans.put(business, current.withCustomer(customer, at));
        return customer;
    }

    @Override
    public boolean apply(BusinessPlan next) {
        Optional<Optional<Instant>> held = plans.find(next.businessId()).map(BusinessPlan::changedAt);
        boolean newer = held.isEmpty()
                || held.get().isEmpty()
                || next.changedAt()
                        .filter(made -> !held.get().get().isAfter(made))
                        .isPresent();
        if (!newer) {
            return false;
        }
        plans.put(next.businessId(), next);
        return true;
    }

    @Override
    public long voiceBookings(BusinessId business, Instant since) {
        return appointments.all(business).stream()
                .filter(a -> a.source() == BookingSource.VOICE
                        && !a.createdAt().isBefore(since)
                        && a.status() != AppointmentStatus.EXPIRED)
                .count();
    }

    @Override
    public VoiceUsage voiceUsage(BusinessId business, String startingPlan, Set<String> capped, Instant since) {
        String plan = plans.find(business).map(BusinessPlan::plan).orElse(startingPlan);
        return new VoiceUsage(
                plan, capped.contains(plan) ? Optional.of(voiceBookings(business, since)) : Optional.empty());
    }
}
