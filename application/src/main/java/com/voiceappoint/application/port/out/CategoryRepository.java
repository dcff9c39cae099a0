package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.ServiceCategory;
import com.voiceappoint.domain.catalog.ServiceCategoryId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface CategoryRepository {

    /** @throws com.voiceappoint.application.error.DuplicateKeyException CATEGORY_NAME for a second namesake */
    void add(ServiceCategory category);

    /** @throws com.voiceappoint.application.error.DuplicateKeyException CATEGORY_NAME for a second namesake */
    void update(ServiceCategory category);

    /** Removes the category; its services stay, without a category. */
    boolean remove(BusinessId businessId, ServiceCategoryId id);

    Optional<ServiceCategory> findById(BusinessId businessId, ServiceCategoryId id);

    /** Only among the given businesses: a lookup by id can never reach another tenant. */
    Optional<ServiceCategory> findById(Collection<BusinessId> scope, ServiceCategoryId id);

    /** By position, then name. */
    List<ServiceCategory> findByBusiness(BusinessId businessId);
}
