package com.voiceappoint.application.fakes;

import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

public final class InMemoryProviderRepository implements ProviderRepository {
    private final List<Provider> providers = new CopyOnWriteArrayList<>();

    @Override
    public void add(Provider provider) {
        providers.add(provider);
    }

    @Override
    public synchronized void update(Provider provider) {
        providers.replaceAll(p -> p.id().equals(provider.id()) ? provider : p);
    }

    @Override
    public Optional<Provider> findById(BusinessId businessId, ProviderId id) {
        return providers.stream()
                .filter(p -> p.businessId().equals(businessId) && p.id().equals(id))
                .findFirst();
    }

    @Override
    public Optional<Provider> findByUser(BusinessId businessId, UserId userId) {
        return providers.stream()
                .filter(p -> p.businessId().equals(businessId) && p.userId().equals(Optional.of(userId)))
                .findFirst();
    }

    @Override
    public List<Provider> findByBusiness(BusinessId businessId) {
        return providers.stream().filter(p -> p.businessId().equals(businessId)).toList();
    }
}
