package com.voiceappoint.application.fakes;

import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.out.CategoryRepository;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.ServiceCategory;
import com.voiceappoint.domain.catalog.ServiceCategoryId;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryCategoryRepository implements CategoryRepository {
    private final Map<ServiceCategoryId, ServiceCategory> categories = new ConcurrentHashMap<>();
    private final InMemoryServiceRepository services;

    InMemoryCategoryRepository(InMemoryServiceRepository services) {
        this.services = services;
    }

    @Override
    public synchronized void add(ServiceCategory category) {
        requireUniqueName(category);
        categories.put(category.id(), category);
    }

    @Override
    public synchronized void update(ServiceCategory category) {
        requireUniqueName(category);
        categories.put(category.id(), category);
    }

    @Override
    public boolean remove(BusinessId businessId, ServiceCategoryId id) {
        services.uncategorize(businessId, id);
        return categories.values().removeIf(c -> c.businessId().equals(businessId) && c.id().equals(id));
    }

    @Override
    public Optional<ServiceCategory> findById(BusinessId businessId, ServiceCategoryId id) {
        return findById(List.of(businessId), id);
    }

    @Override
    public synchronized Optional<ServiceCategory> findById(Collection<BusinessId> scope, ServiceCategoryId id) {
        return Optional.ofNullable(categories.get(id)).filter(c -> scope.contains(c.businessId()));
    }

    @Override
    public List<ServiceCategory> findByBusiness(BusinessId businessId) {
        return categories.values().stream()
                .filter(c -> c.businessId().equals(businessId))
                .sorted(Comparator.comparingInt(ServiceCategory::position).thenComparing(ServiceCategory::name))
                .toList();
    }

    private void requireUniqueName(ServiceCategory category) {
        boolean namesake = categories.values().stream()
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
