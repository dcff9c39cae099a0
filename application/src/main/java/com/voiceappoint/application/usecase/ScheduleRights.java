package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.ForbiddenException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import java.util.Optional;

/** Business-wide schedule changes need the schedule permission; a provider's own may also be made by that provider. */
final class ScheduleRights {
    private final BusinessAccess access;
    private final ProviderRepository providers;

    ScheduleRights(BusinessAccess access, ProviderRepository providers) {
        this.access = access;
        this.providers = providers;
    }

    /** The provider concerned (empty for the business's own schedule), once the actor is allowed to change it. */
    Optional<Provider> require(Actor actor, BusinessId businessId, Optional<ProviderId> provider) {
        BusinessAccess.Granted granted = access.require(actor, businessId, Permission.MANAGE_OWN_SCHEDULE);
        Optional<Provider> target = provider.map(
                id -> providers.findById(businessId, id).orElseThrow(() -> new NotFoundException("provider")));
        if (target.isPresent() && granted.isUser(target.get().userId())) {
            return target;
        }
        if (!granted.allows(Permission.MANAGE_SCHEDULE)) {
            throw new ForbiddenException(Permission.MANAGE_SCHEDULE);
        }
        return target;
    }
}
