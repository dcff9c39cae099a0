package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.DashboardConfig;
import com.voiceappoint.domain.business.OnboardingStatus;
import com.voiceappoint.domain.business.Slug;
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

    Optional<Business> findById(BusinessId id);

    List<Business> findByIds(Collection<BusinessId> ids);

    Optional<Business> findBySlug(Slug slug);

    /** Whether any business, deleted ones included, ever had this slug: slugs are never reused. */
    boolean slugExists(Slug slug);

    Optional<DashboardConfig> dashboardConfig(BusinessId id);

    Optional<OnboardingStatus> onboardingStatus(BusinessId id);

    /** Records a setup step as done; doing it twice changes nothing. */
    void completeOnboardingStep(BusinessId id, OnboardingStatus.Step step);
}
