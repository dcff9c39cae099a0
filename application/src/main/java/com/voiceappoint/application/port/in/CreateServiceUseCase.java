package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceCategoryId;
import com.voiceappoint.domain.schedule.ProviderId;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** Publishes a service in a business's catalogue, priced in the business's currency. */
public interface CreateServiceUseCase {

    Service create(Command command);

    record Command(
            Actor actor,
            BusinessId businessId,
            String name,
            String description,
            int durationMinutes,
            BigDecimal price,
            int bufferBeforeMinutes,
            int bufferAfterMinutes,
            boolean voiceBookingEnabled,
            Optional<ServiceCategoryId> categoryId,
            Set<ProviderId> providers,
            Optional<BigDecimal> deposit) {
        public Command {
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(businessId, "businessId");
            Objects.requireNonNull(price, "price");
            Objects.requireNonNull(categoryId, "categoryId");
            Objects.requireNonNull(providers, "providers");
            Objects.requireNonNull(deposit, "deposit");
        }
    }
}
