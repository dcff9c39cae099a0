package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.ServiceCategory;
import com.voiceappoint.domain.catalog.ServiceCategoryId;
import java.util.List;
import java.util.Optional;

/** The headings a business groups its services under. */
public interface ServiceCategoriesUseCase {

    List<ServiceCategory> list(Actor actor, BusinessId businessId);

    ServiceCategory create(Actor actor, BusinessId businessId, String name, Optional<Integer> position);

    ServiceCategory update(Actor actor, ServiceCategoryId id, Optional<String> name, Optional<Integer> position);

    /** Removes the category; its services stay in the catalogue, without a category. */
    void remove(Actor actor, ServiceCategoryId id);
}
