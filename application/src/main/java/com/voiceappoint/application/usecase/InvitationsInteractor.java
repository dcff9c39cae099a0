package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.GetProfileQuery;
import com.voiceappoint.application.port.in.InvitationsUseCase;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.InvitationRepository;
import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Invitation;
import com.voiceappoint.domain.business.Membership;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

public final class InvitationsInteractor implements InvitationsUseCase {
    private final TransactionRunner transactions;
    private final InvitationRepository invitations;
    private final MembershipRepository memberships;
    private final UserRepository users;
    private final BusinessRepository businesses;
    private final Clock clock;

    InvitationsInteractor(
            TransactionRunner transactions,
            InvitationRepository invitations,
            MembershipRepository memberships,
            UserRepository users,
            BusinessRepository businesses,
            Clock clock) {
        this.transactions = transactions;
        this.invitations = invitations;
        this.memberships = memberships;
        this.users = users;
        this.businesses = businesses;
        this.clock = clock;
    }

    @Override
    public List<Pending> pending(Actor.Member invitee) {
        List<Invitation> mine = invitations.findPending(invitee(invitee).email(), clock.instant());
        Map<BusinessId, Business> byId =
                businesses.findByIds(mine.stream().map(Invitation::businessId).toList()).stream()
                        .collect(Collectors.toMap(Business::id, Function.identity()));
        return mine.stream()
                .filter(i -> byId.containsKey(i.businessId()))
                .map(i -> new Pending(i, byId.get(i.businessId())))
                .toList();
    }

    @Override
    public GetProfileQuery.BusinessMembership accept(Actor.Member invitee, UUID invitationId) {
        User user = invitee(invitee);
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            Invitation invitation =
                    invitations.take(invitationId, user.email(), now).orElseThrow(() -> gone(invitationId, user));
            Membership joined = new Membership(invitation.businessId(), user.id(), invitation.role());
            if (!memberships.join(joined)) {
                // a member already (an earlier invitation, accepted meanwhile): their role stays what it is
                joined = memberships.find(invitation.businessId(), user.id()).orElse(joined);
            }
            Business business =
                    businesses.findById(invitation.businessId()).orElseThrow(() -> new NotFoundException("invitation"));
            return new GetProfileQuery.BusinessMembership(business, joined.role());
        });
    }

    @Override
    public void decline(Actor.Member invitee, UUID invitationId) {
        EmailAddress email = invitee(invitee).email();
        if (!transactions.inTransaction(() -> invitations.removeAddressedTo(invitationId, email))) {
            throw new NotFoundException("invitation");
        }
    }

    private User invitee(Actor.Member member) {
        return users.findById(member.userId()).orElseThrow(() -> new NotFoundException("user"));
    }

    /** Not takeable: expired (worth saying, a new one can be asked for), or not there for this user at all. */
    private DomainException gone(UUID invitationId, User user) {
        boolean expired = invitations
                .findAddressedTo(invitationId, user.email())
                .map(i -> i.isExpired(clock.instant()))
                .orElse(false);
        return expired
                ? new DomainException(ErrorCode.INVITATION_EXPIRED, null, "this invitation has expired", Map.of())
                : new NotFoundException("invitation");
    }
}
