package com.voiceappoint.application.fakes;

import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Membership;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

public final class InMemoryMembershipRepository implements MembershipRepository {
    private final List<Membership> memberships = new CopyOnWriteArrayList<>();
    private final BusinessRepository businesses;

    InMemoryMembershipRepository(BusinessRepository businesses) {
        this.businesses = businesses;
    }

    @Override
    public synchronized void add(Membership membership) {
        memberships.removeIf(m ->
                m.businessId().equals(membership.businessId()) && m.userId().equals(membership.userId()));
        memberships.add(membership);
    }

    @Override
    public synchronized boolean join(Membership membership) {
        boolean member = memberships.stream()
                .anyMatch(m -> m.businessId().equals(membership.businessId())
                        && m.userId().equals(membership.userId()));
        if (!member) {
            memberships.add(membership);
        }
        return !member;
    }

    @Override
    public Optional<Membership> find(BusinessId businessId, UserId userId) {
        return memberships.stream()
                .filter(m -> m.businessId().equals(businessId) && m.userId().equals(userId))
                .filter(m -> businesses.findById(m.businessId()).isPresent())
                .findFirst();
    }

    @Override
    public synchronized List<Membership> lockTeam(BusinessId businessId) {
        return findByBusiness(businessId);
    }

    @Override
    public List<Membership> findByBusiness(BusinessId businessId) {
        return memberships.stream()
                .filter(m -> m.businessId().equals(businessId))
                .toList();
    }

    @Override
    public boolean remove(BusinessId businessId, UserId userId) {
        return memberships.removeIf(
                m -> m.businessId().equals(businessId) && m.userId().equals(userId));
    }

    @Override
    public List<Membership> findByUser(UserId userId) {
        return memberships.stream()
                .filter(m -> m.userId().equals(userId))
                .filter(m -> businesses.findById(m.businessId()).isPresent())
                .toList();
    }
}
