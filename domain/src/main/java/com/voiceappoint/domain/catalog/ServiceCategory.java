package com.voiceappoint.domain.catalog;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.shared.InvalidValueException;
import java.util.Objects;

/** A heading that groups services on the business page ("Hair", "Nails"). */
public record ServiceCategory(ServiceCategoryId id, BusinessId businessId, String name, int position) {
    public ServiceCategory {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        InvalidValueException.check(name != null && !name.isBlank(), "name", "a category name is required");
        name = name.strip();
        InvalidValueException.check(name.length() <= 100, "name", "a category name is at most 100 characters");
    }
}
