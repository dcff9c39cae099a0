package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Membership;
import java.util.List;
import java.util.Optional;

public interface MembershipRepository {

    /** Adds the membership, or changes the role of the one the user already has. */
    void add(Membership membership);

    /** Adds the membership unless the user is already a member (whatever their role); true when it was added. */
    boolean join(Membership membership);

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
