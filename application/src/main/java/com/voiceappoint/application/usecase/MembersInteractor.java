package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.ForbiddenException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.MembersUseCase;
import com.voiceappoint.application.port.out.InvitationRepository;
import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Invitation;
import com.voiceappoint.domain.business.Membership;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.business.Role;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

public final class MembersInteractor implements MembersUseCase {
    private final BusinessAccess access;
    private final TransactionRunner transactions;
    private final MembershipRepository memberships;
    private final InvitationRepository invitations;
    private final UserRepository users;
    private final Clock clock;

    MembersInteractor(
            BusinessAccess access,
            TransactionRunner transactions,
            MembershipRepository memberships,
            InvitationRepository invitations,
            UserRepository users,
            Clock clock) {
        this.access = access;
        this.transactions = transactions;
        this.memberships = memberships;
        this.invitations = invitations;
        this.users = users;
        this.clock = clock;
    }

    @Override
    public Team team(Actor actor, BusinessId businessId) {
        BusinessAccess.Granted granted = access.require(actor, businessId, Permission.VIEW_BUSINESS);
        List<Membership> team = memberships.findByBusiness(businessId);
        Map<UserId, User> byId = users
                .findByIds(team.stream().map(Membership::userId).toList())
                .stream()
                .collect(Collectors.toMap(User::id, Function.identity()));
        List<Member> members = team.stream()
                .filter(m -> byId.containsKey(m.userId()))
                .map(m -> member(m, byId.get(m.userId())))
                .toList();
        // who has been invited is for those who invite
        List<Invitation> pending =
                granted.allows(Permission.MANAGE_MEMBERS) ? invitations.findByBusiness(businessId) : List.of();
        return new Team(members, pending);
    }

    @Override
    public Invitation invite(Actor actor, BusinessId businessId, String email, String roleCode) {
        BusinessAccess.Granted granted = access.require(actor, businessId, Permission.MANAGE_MEMBERS);
        Role role = Role.parse(roleCode);
        requireOwnerRights(granted, role == Role.OWNER);
        EmailAddress address = new EmailAddress(email);
        // the team is read whole, whoever is invited: the same work for an address with an account or without,
        // and it tells only what the member list already shows
        boolean member =
                users
                        .findByIds(memberships.findByBusiness(businessId).stream()
                                .map(Membership::userId)
                                .toList())
                        .stream()
                        .anyMatch(user -> user.email().equals(address));
        if (member) {
            throw new DomainException(ErrorCode.ALREADY_MEMBER, "email", "already a member", Map.of());
        }
        Actor.Member inviter = (Actor.Member) actor;
        Invitation invitation = Invitation.send(businessId, address, role, inviter.userId(), clock.instant());
        return transactions.inTransaction(() -> invitations.save(invitation));
    }

    @Override
    public Member changeRole(Actor actor, BusinessId businessId, UserId userId, String roleCode) {
        BusinessAccess.Granted granted = access.require(actor, businessId, Permission.MANAGE_MEMBERS);
        Role role = Role.parse(roleCode);
        return transactions.inTransaction(() -> {
            List<Membership> team = memberships.lockTeam(businessId);
            Membership target = find(team, userId);
            requireOwnerRights(granted, target.role() == Role.OWNER || role == Role.OWNER);
            if (target.role() == Role.OWNER && role != Role.OWNER) {
                requireAnotherOwner(team);
            }
            Membership changed = new Membership(businessId, userId, role);
            memberships.add(changed);
            return member(changed, users.findById(userId).orElseThrow(() -> new NotFoundException("member")));
        });
    }

    @Override
    public void remove(Actor actor, BusinessId businessId, UserId userId) {
        boolean leaving =
                actor instanceof Actor.Member member && member.userId().equals(userId);
        BusinessAccess.Granted granted =
                access.require(actor, businessId, leaving ? Permission.VIEW_BUSINESS : Permission.MANAGE_MEMBERS);
        transactions.inTransaction(() -> {
            List<Membership> team = memberships.lockTeam(businessId);
            Membership target = find(team, userId);
            if (target.role() == Role.OWNER) {
                if (!leaving) {
                    requireOwnerRights(granted, true);
                }
                requireAnotherOwner(team);
            }
            memberships.remove(businessId, userId);
            return null;
        });
    }

    @Override
    public void cancelInvitation(Actor actor, BusinessId businessId, UUID invitationId) {
        access.require(actor, businessId, Permission.MANAGE_MEMBERS);
        if (!transactions.inTransaction(() -> invitations.remove(businessId, invitationId))) {
            throw new NotFoundException("invitation");
        }
    }

    private static Membership find(List<Membership> team, UserId userId) {
        return team.stream()
                .filter(m -> m.userId().equals(userId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("member"));
    }

    private static void requireOwnerRights(BusinessAccess.Granted granted, boolean ownersConcerned) {
        if (ownersConcerned && !granted.allows(Permission.MANAGE_OWNERS)) {
            throw new ForbiddenException(Permission.MANAGE_OWNERS);
        }
    }

    private static void requireAnotherOwner(List<Membership> team) {
        long owners = team.stream().filter(m -> m.role() == Role.OWNER).count();
        if (owners <= 1) {
            throw new DomainException(ErrorCode.LAST_OWNER, null, "a business keeps at least one owner", Map.of());
        }
    }

    private static Member member(Membership membership, User user) {
        return new Member(user.id(), user.email().value(), user.fullName(), membership.role());
    }
}
