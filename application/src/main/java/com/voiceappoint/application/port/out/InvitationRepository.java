package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Invitation;
import java.util.List;
import java.util.UUID;

/** Invitations to join a business, waiting for the invited e-mail to sign up. One per business and e-mail. */
public interface InvitationRepository {

    /** Adds the invitation, or replaces the role of the one the business already sent to that e-mail. */
    void save(Invitation invitation);

    List<Invitation> findByBusiness(BusinessId businessId);

    List<Invitation> findByEmail(EmailAddress email);

    boolean remove(BusinessId businessId, UUID invitationId);
}
