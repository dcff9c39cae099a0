package com.voiceappoint.adapter.inmemory;

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
import java.util.Optional;

final class InMemoryBusinessRepository implements BusinessRepository {
    private final Table<BusinessId, Business> businesses;
    private final Table<BusinessId, DashboardConfig> dashboards;
    private final Table<BusinessId, OnboardingStatus> onboarding;
    /** Slugs of closed businesses: never given out again, as links to them may still be around. */
    private final Table<Slug, Slug> closedSlugs;

    InMemoryBusinessRepository(InMemoryTransactionRunner transactions) {
        businesses = new Table<>(transactions);
        dashboards = new Table<>(transactions);
        onboarding = new Table<>(transactions);
        closedSlugs = new Table<>(transactions);
    }

    @Override
    public void add(Business business, DashboardConfig dashboard, OnboardingStatus status) {
        if (slugExists(business.slug())) {
            throw new DuplicateKeyException(DuplicateKeyException.Key.BUSINESS_SLUG, null);
        }
        businesses.put(business.id(), business);
        dashboards.put(business.id(), dashboard);
        onboarding.put(business.id(), status);
    }

    /** As in the database, a settings change leaves the business suspended or not: only operators change that. */
    @Override
    public void update(Business business) {
        businesses
                .find(business.id())
                .ifPresent(stored -> businesses.put(business.id(), business.withSuspended(stored.suspended())));
    }

    /** The businesses not deleted, in the order they were added. */
    List<Business> all() {
        return List.copyOf(businesses.values());
    }

    /** Suspends or reactivates the business; false when it does not exist or already was so. */
    boolean setSuspended(BusinessId id, boolean suspended) {
        Optional<Business> stored = businesses.find(id).filter(b -> b.suspended() != suspended);
        stored.ifPresent(b -> businesses.put(id, b.withSuspended(suspended)));
        return stored.isPresent();
    }

    @Override
    public void softDelete(BusinessId id, Instant at) {
        businesses.remove(id).ifPresent(deleted -> closedSlugs.put(deleted.slug(), deleted.slug()));
    }

    @Override
    public Optional<Business> findById(BusinessId id) {
        return businesses.find(id);
    }

    /** Transactions here run one at a time, and nothing is kept in memory apart from the store itself. */
    @Override
    public void lockForChange(BusinessId id) {}

    @Override
    public List<Business> findByIds(Collection<BusinessId> ids) {
        return ids.stream().flatMap(id -> businesses.find(id).stream()).toList();
    }

    @Override
    public Optional<Business> findBySlug(Slug slug) {
        return businesses.stream().filter(b -> b.slug().equals(slug)).findFirst();
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
        return dashboards.find(id);
    }

    @Override
    public Optional<OnboardingStatus> onboardingStatus(BusinessId id) {
        return onboarding.find(id);
    }

    @Override
    public void completeOnboardingStep(BusinessId id, OnboardingStatus.Step step) {
        onboarding.find(id).ifPresent(status -> onboarding.put(id, status.complete(step)));
    }
}
