package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import java.util.List;

/** A business's catalogue, in name order; inactive services only for members who ask for them. */
public interface ListServicesQuery {

    List<Service> list(Actor actor, BusinessId businessId, boolean includeInactive);
}
