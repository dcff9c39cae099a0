package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.ForbiddenException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Membership;
import com.voiceappoint.domain.business.Permission;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one place that decides whether an actor may act in a business. A member of another business gets "not
 * found", never "forbidden", so ids cannot be probed across tenants; a member whose role lacks the permission
 * gets "forbidden".
 */
final class BusinessAccess {
    /** What a client may do through a trusted channel: see the public side, and book and manage their own. */
    private static final Set<Permission> CALLER_PERMISSIONS =
            EnumSet.of(Permission.VIEW_BUSINESS, Permission.MANAGE_OWN_APPOINTMENTS);

    private final BusinessRepository businesses;
    private final MembershipRepository memberships;

    BusinessAccess(BusinessRepository businesses, MembershipRepository memberships) {
        this.businesses = businesses;
        this.memberships = memberships;
    }

    /** The business and the actor's membership in it (empty for callers), once the permission is checked. */
    Granted require(Actor actor, BusinessId businessId, Permission permission) {
        Optional<Membership> membership = Optional.empty();
        if (actor instanceof Actor.Member member) {
            membership = memberships.find(businessId, member.userId());
            if (membership.isEmpty()) {
                throw new NotFoundException("business");
            }
            if (!membership.get().allows(permission)) {
                throw new ForbiddenException(permission);
            }
        } else if (!CALLER_PERMISSIONS.contains(permission)) {
            throw new ForbiddenException(permission);
        }
        Business business = businesses.findById(businessId).orElseThrow(() -> new NotFoundException("business"));
        return new Granted(business, membership);
    }

    /** The businesses a member may look things up in: lookups by id are confined to these. */
    List<BusinessId> visibleTo(Actor.Member member) {
        return memberships.findByUser(member.userId()).stream()
                .map(Membership::businessId)
                .toList();
    }

    static boolean isVoiceCaller(Actor actor) {
        return actor instanceof Actor.Caller caller && caller.channel() == BookingSource.VOICE;
    }

    record Granted(Business business, Optional<Membership> membership) {
        boolean allows(Permission permission) {
            return membership.map(m -> m.allows(permission)).orElse(false);
        }

        /** Whether the member acting is this user (a provider's own account, say). */
        boolean isUser(Optional<UserId> user) {
            return membership.isPresent()
                    && user.map(membership.get().userId()::equals).orElse(false);
        }
    }
}
