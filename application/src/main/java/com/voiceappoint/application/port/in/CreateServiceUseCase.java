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

        /**
         * A command for a service of this name, length and price, described by nothing else until told: no
         * description, no buffers, bookable by voice, in no category, performed by every provider, no deposit.
         */
        public static Builder builder(
                Actor actor, BusinessId businessId, String name, int durationMinutes, BigDecimal price) {
            return new Builder(actor, businessId, name, durationMinutes, price);
        }
    }

    /** The optional parts of a {@link Command}, by name. */
    final class Builder {
        private final Actor actor;
        private final BusinessId businessId;
        private final String name;
        private final int durationMinutes;
        private final BigDecimal price;
        private String description = "";
        private int bufferBeforeMinutes;
        private int bufferAfterMinutes;
        private boolean voiceBookingEnabled = true;
        private Optional<ServiceCategoryId> categoryId = Optional.empty();
        private Set<ProviderId> providers = Set.of();
        private Optional<BigDecimal> deposit = Optional.empty();

        private Builder(Actor actor, BusinessId businessId, String name, int durationMinutes, BigDecimal price) {
            this.actor = actor;
            this.businessId = businessId;
            this.name = name;
            this.durationMinutes = durationMinutes;
            this.price = price;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Time kept free before each appointment (getting ready). */
        public Builder bufferBeforeMinutes(int minutes) {
            this.bufferBeforeMinutes = minutes;
            return this;
        }

        /** Time kept free after each appointment (clearing up). */
        public Builder bufferAfterMinutes(int minutes) {
            this.bufferAfterMinutes = minutes;
            return this;
        }

        public Builder voiceBookingEnabled(boolean enabled) {
            this.voiceBookingEnabled = enabled;
            return this;
        }

        public Builder category(Optional<ServiceCategoryId> categoryId) {
            this.categoryId = categoryId;
            return this;
        }

        /** Who performs it; none named means every provider. */
        public Builder providers(Set<ProviderId> providers) {
            this.providers = providers;
            return this;
        }

        public Builder deposit(Optional<BigDecimal> deposit) {
            this.deposit = deposit;
            return this;
        }

        public Command build() {
            return new Command(
                    actor,
                    businessId,
                    name,
                    description,
                    durationMinutes,
                    price,
                    bufferBeforeMinutes,
                    bufferAfterMinutes,
                    voiceBookingEnabled,
                    categoryId,
                    providers,
                    deposit);
        }
    }
}
