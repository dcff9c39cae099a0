package com.voiceappoint.application.fakes;

import com.voiceappoint.application.port.out.InvitationRepository;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Invitation;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

public final class InMemoryInvitationRepository implements InvitationRepository {
    private final List<Invitation> invitations = new CopyOnWriteArrayList<>();

    @Override
    public synchronized void save(Invitation invitation) {
        invitations.removeIf(
                i -> i.businessId().equals(invitation.businessId()) && i.email().equals(invitation.email()));
        invitations.add(invitation);
    }

    @Override
    public List<Invitation> findByBusiness(BusinessId businessId) {
        return invitations.stream()
                .filter(i -> i.businessId().equals(businessId))
                .toList();
    }

    @Override
    public List<Invitation> findByEmail(EmailAddress email) {
        return invitations.stream().filter(i -> i.email().equals(email)).toList();
    }

    @Override
    public boolean remove(BusinessId businessId, UUID invitationId) {
        return invitations.removeIf(i -> i.businessId().equals(businessId) && i.id().equals(invitationId));
    }
}
