package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Membership;
import java.util.List;
import java.util.Optional;

final class InMemoryMembershipRepository implements MembershipRepository {
    private record Member(BusinessId businessId, UserId userId) {
        static Member of(Membership membership) {
            return new Member(membership.businessId(), membership.userId());
        }
    }

    private final Table<Member, Membership> memberships;
    private final BusinessRepository businesses;

    InMemoryMembershipRepository(InMemoryTransactionRunner transactions, BusinessRepository businesses) {
        this.memberships = new Table<>(transactions);
        this.businesses = businesses;
    }

    @Override
    public void add(Membership membership) {
        memberships.put(Member.of(membership), membership);
    }

    @Override
    public boolean join(Membership membership) {
        boolean member = memberships.contains(Member.of(membership));
        if (!member) {
            memberships.put(Member.of(membership), membership);
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
    public List<Membership> lockTeam(BusinessId businessId) {
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
