package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceId;
import java.util.List;
import java.util.Optional;

public interface ServiceRepository {

    /** @throws com.voiceappoint.application.error.DuplicateKeyException SERVICE_NAME for a second active namesake */
    void add(Service service);

    Optional<Service> findById(BusinessId businessId, ServiceId id);

    /** In name order. */
    List<Service> findByBusiness(BusinessId businessId, boolean includeInactive);
}
