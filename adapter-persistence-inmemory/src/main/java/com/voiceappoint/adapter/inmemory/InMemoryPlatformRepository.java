package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.application.port.out.PlatformRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.domain.account.PlatformOperator;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.BusinessUsage;
import com.voiceappoint.domain.business.StatusChange;
import com.voiceappoint.domain.shared.TimeRange;
import com.voiceappoint.domain.voice.VoiceCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** The usage counted the slow, obvious way over the other fakes: the contract the SQL must match. */
final class InMemoryPlatformRepository implements PlatformRepository {
    private static final Comparator<Business> BY_NAME = Comparator.comparing(
                    (Business b) -> b.name().toLowerCase(Locale.ROOT))
            .thenComparing(b -> b.id().value());

    private final Table<UserId, PlatformOperator> operators;
    private final Table<BusinessId, List<StatusChange>> changes;
    private final InMemoryBusinessRepository businesses;
    private final MembershipRepository memberships;
    private final ServiceRepository services;
    private final InMemoryAppointmentRepository appointments;
    private final InMemoryCallLogRepository calls;

    InMemoryPlatformRepository(
            InMemoryTransactionRunner transactions,
            InMemoryBusinessRepository businesses,
            MembershipRepository memberships,
            ServiceRepository services,
            InMemoryAppointmentRepository appointments,
            InMemoryCallLogRepository calls) {
        this.operators = new Table<>(transactions);
        this.changes = new Table<>(transactions);
        this.businesses = businesses;
        this.memberships = memberships;
        this.services = services;
        this.appointments = appointments;
        this.calls = calls;
    }

    @Override
    public boolean grantOperator(UserId user, Instant at) {
        if (operators.contains(user)) {
            return false;
        }
        operators.put(user, new PlatformOperator(user, at));
        return true;
    }

    @Override
    public boolean revokeOperator(UserId user) {
        return operators.remove(user).isPresent();
    }

    @Override
    public boolean isOperator(UserId user) {
        return operators.contains(user);
    }

    @Override
    public List<PlatformOperator> operators() {
        return operators.stream()
                .sorted(Comparator.comparing(PlatformOperator::since)
                        .thenComparing(o -> o.userId().value()))
                .toList();
    }

    @Override
    public List<BusinessUsage> businesses(String search, TimeRange month, int offset, int limit) {
        return matching(search)
                .skip(offset)
                .limit(limit)
                .map(b -> usage(b, month))
                .toList();
    }

    @Override
    public int countBusinesses(String search) {
        return (int) matching(search).count();
    }

    private Stream<Business> matching(String search) {
        String wanted = search.toLowerCase(Locale.ROOT);
        return businesses.all().stream()
                .filter(b -> b.name().toLowerCase(Locale.ROOT).contains(wanted)
                        || b.slug().value().contains(wanted))
                .sorted(BY_NAME);
    }

    @Override
    public Optional<BusinessUsage> usage(BusinessId business, TimeRange month) {
        return businesses.findById(business).map(b -> usage(b, month));
    }

    private BusinessUsage usage(Business business, TimeRange month) {
        List<Appointment> all = appointments.all(business.id());
        List<Appointment> booked =
                all.stream().filter(a -> a.status().wasBooked()).toList();
        List<VoiceCall> answered = calls.all(business.id());
        Optional<Instant> lastActivity = Stream.concat(
                        all.stream().map(Appointment::updatedAt),
                        answered.stream().map(VoiceCall::firstSeenAt))
                .max(Comparator.naturalOrder());
        return new BusinessUsage(
                business,
                memberships.findByBusiness(business.id()).size(),
                services.findByBusiness(business.id(), false).size(),
                booked.stream().filter(a -> month.contains(a.createdAt())).count(),
                booked.size(),
                answered.stream().filter(c -> month.contains(c.firstSeenAt())).count(),
                lastActivity,
                statusChanges(business.id()).stream().findFirst());
    }

    @Override
    public boolean changeStatus(StatusChange change) {
        if (!businesses.setSuspended(change.businessId(), change.suspended())) {
            return false;
        }
        List<StatusChange> recorded = new ArrayList<>(statusChanges(change.businessId()));
        recorded.add(0, change);
        changes.put(change.businessId(), List.copyOf(recorded));
        return true;
    }

    @Override
    public List<StatusChange> statusChanges(BusinessId business) {
        return changes.find(business).orElse(List.of());
    }
}
