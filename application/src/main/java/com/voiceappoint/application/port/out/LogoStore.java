package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Logo;
import java.util.Optional;

/** Each business's logo, kept with the rest of its data (one at most). */
public interface LogoStore {

    Optional<Logo> find(BusinessId businessId);

    /** Replaces the business's logo, if it had one. */
    void save(Logo logo);

    /** @return whether there was one to remove */
    boolean remove(BusinessId businessId);
}
