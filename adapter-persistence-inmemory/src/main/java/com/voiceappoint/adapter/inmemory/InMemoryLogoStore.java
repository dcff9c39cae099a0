package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.port.out.LogoStore;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Logo;
import java.util.Optional;

final class InMemoryLogoStore implements LogoStore {
    private final Table<BusinessId, Logo> logos;

    InMemoryLogoStore(InMemoryTransactionRunner transactions) {
        logos = new Table<>(transactions);
    }

    @Override
    public Optional<Logo> find(BusinessId businessId) {
        return logos.find(businessId);
    }

    @Override
    public void save(Logo logo) {
        logos.put(logo.businessId(), logo);
    }

    @Override
    public boolean remove(BusinessId businessId) {
        return logos.remove(businessId).isPresent();
    }
}
