package com.voiceappoint.domain.catalog;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Money;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Something a business sells by the appointment: "Women's haircut, 45 min, 35 EUR".
 *
 * <p>The buffers are time the provider needs around the appointment (preparing a room, cleaning up); they block
 * the provider's agenda but are not part of the client's appointment. An empty {@code providers} set means every
 * provider of the business performs the service.
 */
public record Service(
        ServiceId id,
        BusinessId businessId,
        Optional<ServiceCategoryId> categoryId,
        String name,
        String description,
        Duration duration,
        Money price,
        Duration bufferBefore,
        Duration bufferAfter,
        boolean voiceBookingEnabled,
        boolean active,
        Set<ProviderId> providers,
        Optional<Money> deposit) {
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_DESCRIPTION_LENGTH = 2000;
    public static final Duration MAX_DURATION = Duration.ofHours(12);
    public static final Duration MAX_BUFFER = Duration.ofHours(4);

    public Service {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(categoryId, "categoryId");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(bufferBefore, "bufferBefore");
        Objects.requireNonNull(bufferAfter, "bufferAfter");
        Objects.requireNonNull(deposit, "deposit");
        InvalidValueException.check(name != null && !name.isBlank(), "name", "a service name is required");
        name = name.strip();
        InvalidValueException.check(
                name.length() <= MAX_NAME_LENGTH, "name", "a service name is at most 200 characters");
        description = description == null ? "" : description.strip();
        InvalidValueException.check(
                description.length() <= MAX_DESCRIPTION_LENGTH,
                "description",
                "a description is at most 2000 characters");
        InvalidValueException.check(
                wholeMinutes(duration)
                        && duration.compareTo(Duration.ofMinutes(5)) >= 0
                        && duration.compareTo(MAX_DURATION) <= 0,
                "durationMinutes",
                "a service lasts a whole number of minutes, from 5 minutes to 12 hours");
        InvalidValueException.check(!price.isNegative(), "price", "a price cannot be negative");
        checkBuffer(bufferBefore, "bufferBeforeMinutes");
        checkBuffer(bufferAfter, "bufferAfterMinutes");
        providers = Set.copyOf(Objects.requireNonNull(providers, "providers"));
        deposit.ifPresent(d -> {
            InvalidValueException.check(
                    d.currency().equals(price.currency()), "deposit", "a deposit is in the price's currency");
            InvalidValueException.check(
                    !d.isNegative() && d.compareTo(price) <= 0, "deposit", "a deposit is between zero and the price");
        });
    }

    private static boolean wholeMinutes(Duration d) {
        return d.toSeconds() % 60 == 0 && d.getNano() == 0;
    }

    private static void checkBuffer(Duration buffer, String field) {
        InvalidValueException.check(
                wholeMinutes(buffer) && !buffer.isNegative() && buffer.compareTo(MAX_BUFFER) <= 0,
                field,
                "a buffer is a whole number of minutes, from 0 to 4 hours");
    }

    public boolean isPerformedBy(ProviderId provider) {
        return providers.isEmpty() || providers.contains(provider);
    }

    public boolean isBookable() {
        return active;
    }

    public Service deactivated() {
        return new Service(
                id,
                businessId,
                categoryId,
                name,
                description,
                duration,
                price,
                bufferBefore,
                bufferAfter,
                voiceBookingEnabled,
                false,
                providers,
                deposit);
    }
}
