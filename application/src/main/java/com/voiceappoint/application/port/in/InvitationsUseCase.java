package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.Invitation;
import java.util.List;
import java.util.UUID;

/**
 * The invited person's side. Their account's e-mail is what an invitation is addressed to, so a logged-in user sees
 * and answers the invitations to that e-mail and no other: the inviter, who knows the invitation's id, cannot
 * accept it for them. Anything not addressed to the caller is not found.
 */
public interface InvitationsUseCase {

    /** Invitations to the caller's e-mail that have not expired, oldest first. */
    List<Pending> pending(Actor.Member invitee);

    /**
     * Makes the caller a member in the invited role and consumes the invitation. Of two acceptances at once, one
     * joins and the other finds nothing; one already a member keeps the role they have.
     */
    GetProfileQuery.BusinessMembership accept(Actor.Member invitee, UUID invitationId);

    /** Removes the invitation; the business sees it gone. */
    void decline(Actor.Member invitee, UUID invitationId);

    record Pending(Invitation invitation, Business business) {}
}
