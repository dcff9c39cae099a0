package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Membership;
import java.util.List;
import java.util.Optional;

public interface MembershipRepository {

    void add(Membership membership);

    Optional<Membership> find(BusinessId businessId, UserId userId);

    /** The user's memberships in businesses that are not deleted. */
    List<Membership> findByUser(UserId userId);
}
