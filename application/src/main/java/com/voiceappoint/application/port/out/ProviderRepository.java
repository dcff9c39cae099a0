package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import java.util.List;
import java.util.Optional;

public interface ProviderRepository {

    void add(Provider provider);

    /** Name, link to a member, own working hours (or none) and whether they take appointments. */
    void update(Provider provider);

    Optional<Provider> findById(BusinessId businessId, ProviderId id);

    Optional<Provider> findByUser(BusinessId businessId, UserId userId);

    /** In the business's stable order (the order they were added), which breaks "any provider" ties. */
    List<Provider> findByBusiness(BusinessId businessId);
}
