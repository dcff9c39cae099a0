package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.InvitationRepository;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Invitation;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

final class InMemoryInvitationRepository implements InvitationRepository {
    private final Table<UUID, Invitation> invitations;
    private final BusinessRepository businesses;

    InMemoryInvitationRepository(InMemoryTransactionRunner transactions, BusinessRepository businesses) {
        this.invitations = new Table<>(transactions);
        this.businesses = businesses;
    }

    @Override
    public Invitation save(Invitation invitation) {
        Optional<Invitation> earlier = invitations.stream()
                .filter(i -> i.businessId().equals(invitation.businessId())
                        && i.email().equals(invitation.email()))
                .findFirst();
        Invitation stored = earlier.map(e -> new Invitation(
                        e.id(),
                        invitation.businessId(),
                        invitation.email(),
                        invitation.role(),
                        invitation.invitedBy(),
                        invitation.createdAt(),
                        invitation.expiresAt()))
                .orElse(invitation);
        earlier.ifPresent(e -> invitations.remove(e.id()));
        invitations.put(stored.id(), stored);
        return stored;
    }

    @Override
    public List<Invitation> findByBusiness(BusinessId businessId) {
        return invitations.stream()
                .filter(i -> i.businessId().equals(businessId))
                .sorted(Comparator.comparing(Invitation::createdAt))
                .toList();
    }

    @Override
    public List<Invitation> findPending(EmailAddress email, Instant now) {
        return invitations.stream()
                .filter(i -> i.email().equals(email) && !i.isExpired(now) && ofLiveBusiness(i))
                .sorted(Comparator.comparing(Invitation::createdAt).thenComparing(Invitation::id))
                .toList();
    }

    @Override
    public Optional<Invitation> findAddressedTo(UUID invitationId, EmailAddress email) {
        return invitations.stream()
                .filter(i -> i.id().equals(invitationId) && i.email().equals(email) && ofLiveBusiness(i))
                .findFirst();
    }

    @Override
    public Optional<Invitation> take(UUID invitationId, EmailAddress email, Instant now) {
        Optional<Invitation> taken = findAddressedTo(invitationId, email).filter(i -> !i.isExpired(now));
        taken.ifPresent(i -> invitations.remove(i.id()));
        return taken;
    }

    @Override
    public boolean remove(BusinessId businessId, UUID invitationId) {
        return invitations.removeIf(i -> i.businessId().equals(businessId) && i.id().equals(invitationId));
    }

    @Override
    public boolean removeAddressedTo(UUID invitationId, EmailAddress email) {
        return invitations.removeIf(
                i -> i.id().equals(invitationId) && i.email().equals(email));
    }

    private boolean ofLiveBusiness(Invitation invitation) {
        return businesses.findById(invitation.businessId()).isPresent();
    }
}
