package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.out.CategoryRepository;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.ServiceCategory;
import com.voiceappoint.domain.catalog.ServiceCategoryId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

final class InMemoryCategoryRepository implements CategoryRepository {
    private final Table<ServiceCategoryId, ServiceCategory> categories;
    private final InMemoryServiceRepository services;

    InMemoryCategoryRepository(InMemoryTransactionRunner transactions, InMemoryServiceRepository services) {
        this.categories = new Table<>(transactions);
        this.services = services;
    }

    @Override
    public void add(ServiceCategory category) {
        requireUniqueName(category);
        categories.put(category.id(), category);
    }

    @Override
    public void update(ServiceCategory category) {
        requireUniqueName(category);
        categories.put(category.id(), category);
    }

    @Override
    public boolean remove(BusinessId businessId, ServiceCategoryId id) {
        services.uncategorize(businessId, id);
        return categories.removeIf(c -> c.businessId().equals(businessId) && c.id().equals(id));
    }

    @Override
    public Optional<ServiceCategory> findById(BusinessId businessId, ServiceCategoryId id) {
        return findById(List.of(businessId), id);
    }

    @Override
    public Optional<ServiceCategory> findById(Collection<BusinessId> scope, ServiceCategoryId id) {
        return categories.find(id).filter(c -> scope.contains(c.businessId()));
    }

    @Override
    public List<ServiceCategory> findByBusiness(BusinessId businessId) {
        return categories.stream()
                .filter(c -> c.businessId().equals(businessId))
                .sorted(Comparator.comparingInt(ServiceCategory::position).thenComparing(ServiceCategory::name))
                .toList();
    }

    private void requireUniqueName(ServiceCategory category) {
        boolean namesake = categories.stream()
                .anyMatch(c -> c.businessId().equals(category.businessId())
                        && !c.id().equals(category.id())
                        && c.name()
                                .toLowerCase(Locale.ROOT)
                                .equals(category.name().toLowerCase(Locale.ROOT)));
        if (namesake) {
            throw new DuplicateKeyException(DuplicateKeyException.Key.CATEGORY_NAME, null);
        }
    }
}
