package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;

/** A business the actor may see; "not found" for any other. */
public interface GetBusinessQuery {

    Business get(Actor actor, BusinessId businessId);
}
