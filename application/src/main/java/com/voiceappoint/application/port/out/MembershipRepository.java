package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Membership;
import java.util.List;
import java.util.Optional;

public interface MembershipRepository {

    void add(Membership membership);

    Optional<Membership> find(BusinessId businessId, UserId userId);

    /**
     * Everyone in the business, locked until the transaction ends: rules like "keep one owner" read the team and
     * act on it, and two owners demoting each other at once must not both succeed.
     */
    List<Membership> lockTeam(BusinessId businessId);

    /** Everyone in the business, in the order they joined. */
    List<Membership> findByBusiness(BusinessId businessId);

    boolean remove(BusinessId businessId, UserId userId);

    /** The user's memberships in businesses that are not deleted. */
    List<Membership> findByUser(UserId userId);
}
