package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Invitation;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Invitations to join a business, waiting for the invited person's answer. One per business and e-mail. */
public interface InvitationRepository {

    /**
     * Adds the invitation or, when the business already invited that e-mail, renews that one (same id) with this
     * role, inviter and dates. Answers the invitation as stored.
     */
    Invitation save(Invitation invitation);

    List<Invitation> findByBusiness(BusinessId businessId);

    /** Invitations to this e-mail not expired at {@code now}, from businesses that still exist, oldest first. */
    List<Invitation> findPending(EmailAddress email, Instant now);

    /** The invitation by id, only if it is addressed to this e-mail and its business still exists. */
    Optional<Invitation> findAddressedTo(UUID invitationId, EmailAddress email);

    /**
     * Removes and answers the invitation, only if it is addressed to this e-mail, not expired at {@code now}, and its
     * business still exists: in one statement, so of two takers at once only one gets it.
     */
    Optional<Invitation> take(UUID invitationId, EmailAddress email, Instant now);

    /** Withdrawn by the business (cancel). */
    boolean remove(BusinessId businessId, UUID invitationId);

    /** Declined by the person it is addressed to. */
    boolean removeAddressedTo(UUID invitationId, EmailAddress email);
}
