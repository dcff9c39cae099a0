package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.availability.AvailableSlot;
import com.voiceappoint.domain.availability.NoSlotsReason;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Free start times for a service over local dates of the business, optionally for one provider. */
public interface FindAvailableSlotsQuery {

    Slots find(Query query);

    record Query(
            Actor actor,
            BusinessId businessId,
            ServiceId serviceId,
            LocalDate from,
            LocalDate to,
            Optional<ProviderId> provider) {
        public Query {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(businessId, "businessId");
            Objects.requireNonNull(serviceId, "serviceId");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(provider, "provider");
        }
    }

    /**
     * The slots, with the business (whose zone tells their times) and the providers they name. When there are none: why, and the
     * first free time after the range if there is one soon.
     */
    record Slots(
            Business business,
            Service service,
            List<AvailableSlot> slots,
            List<Provider> providers,
            Optional<NoSlotsReason> noneBecause,
            Optional<AvailableSlot> nextAvailable) {
        public ZoneId zone() {
            return business.zone();
        }

        public Optional<Provider> provider(ProviderId id) {
            return providers.stream().filter(p -> p.id().equals(id)).findFirst();
        }
    }
}
