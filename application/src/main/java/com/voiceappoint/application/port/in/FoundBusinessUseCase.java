package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.schedule.ProviderId;
import java.util.Objects;
import java.util.Optional;

/**
 * Founds a business with no user account behind it, for an application whose people sign in elsewhere: the business
 * (with a unique slug), its first provider, its dashboard configuration and onboarding status, all or none. It has
 * no members, so it is run by whoever holds its ports; clients book in it as callers.
 */
public interface FoundBusinessUseCase {

    Founded found(Command command);

    /**
     * @param business as a member's new business is described; without a language, Spanish
     * @param firstProvider the first provider's name; without one, the business's own
     */
    record Command(ManageBusinessesUseCase.NewBusiness business, Optional<String> firstProvider) {
        public Command {
            Objects.requireNonNull(business, "business");
            Objects.requireNonNull(firstProvider, "firstProvider");
        }
    }

    record Founded(Business business, ProviderId firstProvider) {
        public Founded {
            Objects.requireNonNull(business, "business");
            Objects.requireNonNull(firstProvider, "firstProvider");
        }
    }
}
