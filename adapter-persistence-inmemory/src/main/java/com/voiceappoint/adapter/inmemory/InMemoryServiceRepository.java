package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceCategoryId;
import com.voiceappoint.domain.catalog.ServiceId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

final class InMemoryServiceRepository implements ServiceRepository {
    private final Table<ServiceId, Service> services;

    InMemoryServiceRepository(InMemoryTransactionRunner transactions) {
        services = new Table<>(transactions);
    }

    @Override
    public void add(Service service) {
        requireUniqueName(service);
        services.put(service.id(), service);
    }

    @Override
    public void update(Service service) {
        requireUniqueName(service);
        services.put(service.id(), service);
    }

    /** Like the database's unique index on the lower-cased names of a business's active services. */
    private void requireUniqueName(Service service) {
        boolean namesake = services.stream()
                .anyMatch(s -> s.businessId().equals(service.businessId())
                        && !s.id().equals(service.id())
                        && s.active()
                        && service.active()
                        && s.name()
                                .toLowerCase(Locale.ROOT)
                                .equals(service.name().toLowerCase(Locale.ROOT)));
        if (namesake) {
            throw new DuplicateKeyException(DuplicateKeyException.Key.SERVICE_NAME, null);
        }
    }

    /** What the database's category removal does to the services that were in it. */
    void uncategorize(BusinessId businessId, ServiceCategoryId category) {
        services.replaceAll(
                (id, s) -> s.businessId().equals(businessId) && s.categoryId().equals(Optional.of(category))
                        ? new Service(
                                s.id(),
                                s.businessId(),
                                Optional.empty(),
                                s.name(),
                                s.description(),
                                s.duration(),
                                s.price(),
                                s.bufferBefore(),
                                s.bufferAfter(),
                                s.voiceBookingEnabled(),
                                s.active(),
                                s.providers(),
                                s.deposit())
                        : s);
    }

    @Override
    public boolean remove(BusinessId businessId, ServiceId id) {
        return services.removeIf(s -> s.businessId().equals(businessId) && s.id().equals(id));
    }

    @Override
    public Optional<Service> findById(BusinessId businessId, ServiceId id) {
        return services.find(id).filter(s -> s.businessId().equals(businessId));
    }

    @Override
    public Optional<Service> findById(Collection<BusinessId> scope, ServiceId id) {
        return services.find(id).filter(s -> scope.contains(s.businessId()));
    }

    @Override
    public List<Service> findByBusiness(BusinessId businessId, boolean includeInactive) {
        return services.stream()
                .filter(s -> s.businessId().equals(businessId) && (includeInactive || s.active()))
                .sorted(Comparator.comparing(Service::name).thenComparing(s -> s.id().value()))
                .toList();
    }
}
