package com.voiceappoint.application.fakes;

import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.DashboardConfig;
import com.voiceappoint.domain.business.OnboardingStatus;
import com.voiceappoint.domain.business.Slug;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

public final class InMemoryBusinessRepository implements BusinessRepository {
    private final Map<BusinessId, Business> businesses = new ConcurrentHashMap<>();
    private final Map<BusinessId, DashboardConfig> dashboards = new ConcurrentHashMap<>();
    private final Map<BusinessId, OnboardingStatus> onboarding = new ConcurrentHashMap<>();
    private final Set<Slug> closedSlugs = ConcurrentHashMap.newKeySet();

    @Override
    public synchronized void add(Business business, DashboardConfig dashboard, OnboardingStatus status) {
        if (slugExists(business.slug())) {
            throw new DuplicateKeyException(DuplicateKeyException.Key.BUSINESS_SLUG, null);
        }
        businesses.put(business.id(), business);
        dashboards.put(business.id(), dashboard);
        onboarding.put(business.id(), status);
    }

    @Override
    public void update(Business business) {
        businesses.computeIfPresent(business.id(), (id, old) -> business);
    }

    @Override
    public void softDelete(BusinessId id, Instant at) {
        Business deleted = businesses.remove(id);
        if (deleted != null) {
            closedSlugs.add(deleted.slug());
        }
    }

    @Override
    public Optional<Business> findById(BusinessId id) {
        return Optional.ofNullable(businesses.get(id));
    }

    /** The fakes have no transaction to hold a lock in, nor a copy in memory to read past. */
    @Override
    public void lockForChange(BusinessId id) {}

    @Override
    public List<Business> findByIds(Collection<BusinessId> ids) {
        return ids.stream().map(businesses::get).filter(b -> b != null).toList();
    }

    @Override
    public Optional<Business> findBySlug(Slug slug) {
        return businesses.values().stream().filter(b -> b.slug().equals(slug)).findFirst();
    }

    @Override
    public boolean slugExists(Slug slug) {
        return findBySlug(slug).isPresent() || closedSlugs.contains(slug);
    }

    @Override
    public void saveDashboardConfig(DashboardConfig config) {
        dashboards.put(config.businessId(), config);
    }

    @Override
    public void saveOnboardingStatus(OnboardingStatus status) {
        onboarding.put(status.businessId(), status);
    }

    @Override
    public Optional<DashboardConfig> dashboardConfig(BusinessId id) {
        return Optional.ofNullable(dashboards.get(id));
    }

    @Override
    public Optional<OnboardingStatus> onboardingStatus(BusinessId id) {
        return Optional.ofNullable(onboarding.get(id));
    }

    @Override
    public void completeOnboardingStep(BusinessId id, OnboardingStatus.Step step) {
        onboarding.computeIfPresent(id, (key, status) -> status.complete(step));
    }
}
