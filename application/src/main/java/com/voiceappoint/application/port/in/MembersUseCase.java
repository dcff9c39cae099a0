package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Invitation;
import com.voiceappoint.domain.business.Role;
import java.util.List;
import java.util.UUID;

/**
 * Who works in a business and with which role. Only an owner makes or unmakes owners, and a business always keeps
 * at least one owner.
 */
public interface MembersUseCase {

    Team team(Actor actor, BusinessId businessId);

    /**
     * Invites the e-mail to join in that role, whether or not it has an account: the person accepts or declines
     * ({@link InvitationsUseCase}). The answer is the same either way, so it tells the inviter nothing about who has
     * an account. Inviting the same e-mail again renews the invitation with the new role.
     */
    Invitation invite(Actor actor, BusinessId businessId, String email, String role);

    Member changeRole(Actor actor, BusinessId businessId, UserId userId, String role);

    /** Removes a member; anyone may leave, except the last owner. */
    void remove(Actor actor, BusinessId businessId, UserId userId);

    void cancelInvitation(Actor actor, BusinessId businessId, UUID invitationId);

    record Member(UserId userId, String email, String fullName, Role role) {}

    record Team(List<Member> members, List<Invitation> invitations) {}
}
