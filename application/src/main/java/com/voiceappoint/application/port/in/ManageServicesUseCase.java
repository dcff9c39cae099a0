package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceCategoryId;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.schedule.ProviderId;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.Set;

/** One service of a business: read it, change it, take it off the catalogue. */
public interface ManageServicesUseCase {

    Service get(Actor actor, ServiceId serviceId);

    Service update(Actor actor, ServiceId serviceId, Changes changes);

    /**
     * Deletes the service, or, when appointments were ever booked for it, deactivates it: their history keeps its
     * service.
     */
    Removal remove(Actor actor, ServiceId serviceId);

    enum Removal {
        DELETED,
        DEACTIVATED
    }

    /**
     * Only what is present changes. {@code category} present and empty removes the category; a deposit of zero
     * removes the deposit; {@code providers} empty means everyone performs the service.
     */
    record Changes(
            Optional<String> name,
            Optional<String> description,
            Optional<Integer> durationMinutes,
            Optional<BigDecimal> price,
            Optional<Integer> bufferBeforeMinutes,
            Optional<Integer> bufferAfterMinutes,
            Optional<Boolean> voiceBookingEnabled,
            Optional<Boolean> active,
            Optional<Optional<ServiceCategoryId>> category,
            Optional<Set<ProviderId>> providers,
            Optional<BigDecimal> deposit) {}
}
