package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface ServiceRepository {

    /** @throws com.voiceappoint.application.error.DuplicateKeyException SERVICE_NAME for a second active namesake */
    void add(Service service);

    /** @throws com.voiceappoint.application.error.DuplicateKeyException SERVICE_NAME for a second active namesake */
    void update(Service service);

    /** Deletes a service nothing refers to; false when there was none. */
    boolean remove(BusinessId businessId, ServiceId id);

    Optional<Service> findById(BusinessId businessId, ServiceId id);

    /** Only among the given businesses: a lookup by id can never reach another tenant. */
    Optional<Service> findById(Collection<BusinessId> scope, ServiceId id);

    /** In name order. */
    List<Service> findByBusiness(BusinessId businessId, boolean includeInactive);
}
