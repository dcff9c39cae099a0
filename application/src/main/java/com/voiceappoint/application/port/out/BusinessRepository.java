package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.DashboardConfig;
import com.voiceappoint.domain.business.OnboardingStatus;
import com.voiceappoint.domain.business.Slug;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

public interface BusinessRepository {

    /**
     * Adds a business with its dashboard configuration and onboarding status.
     *
     * @throws com.voiceappoint.application.error.DuplicateKeyException BUSINESS_SLUG when the slug is taken
     */
    void add(Business business, DashboardConfig dashboard, OnboardingStatus onboarding);

    /** Name, type, language, zone, currency, country, voice flag and policy; the slug never changes. */
    void update(Business business);

    /** Hides the business from every query; its slug stays taken. */
    void softDelete(BusinessId id, Instant at);

    Optional<Business> findById(BusinessId id);

    /**
     * Call inside a transaction, before reading what it will change of the business's configuration (its settings,
     * hours, staff, catalogue, voice set-up): waits for any other transaction that took the business this way to end,
     * and makes later ones wait for this one. What this transaction reads of the business afterwards is as last
     * committed, so a change computed from it never undoes one it did not see.
     */
    void lockForChange(BusinessId id);

    List<Business> findByIds(Collection<BusinessId> ids);

    Optional<Business> findBySlug(Slug slug);

    /** Whether any business, deleted ones included, ever had this slug: slugs are never reused. */
    boolean slugExists(Slug slug);

    Optional<DashboardConfig> dashboardConfig(BusinessId id);

    Optional<OnboardingStatus> onboardingStatus(BusinessId id);

    void saveDashboardConfig(DashboardConfig config);

    void saveOnboardingStatus(OnboardingStatus status);

    /** Records a setup step as done; doing it twice changes nothing. */
    void completeOnboardingStep(BusinessId id, OnboardingStatus.Step step);
}
