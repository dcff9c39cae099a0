package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import java.util.List;
import java.util.Optional;

final class InMemoryProviderRepository implements ProviderRepository {
    private final Table<ProviderId, Provider> providers;

    InMemoryProviderRepository(InMemoryTransactionRunner transactions) {
        providers = new Table<>(transactions);
    }

    @Override
    public void add(Provider provider) {
        providers.put(provider.id(), provider);
    }

    @Override
    public void update(Provider provider) {
        if (providers.contains(provider.id())) {
            providers.put(provider.id(), provider);
        }
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
