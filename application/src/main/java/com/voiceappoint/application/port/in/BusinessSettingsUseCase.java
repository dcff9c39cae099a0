package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.DashboardConfig;
import com.voiceappoint.domain.business.OnboardingStatus;
import java.util.Map;
import java.util.Optional;

/** How the dashboard shows a business, and how far its setup has come. */
public interface BusinessSettingsUseCase {

    DashboardConfig dashboard(Actor actor, BusinessId businessId);

    DashboardConfig updateDashboard(
            Actor actor,
            BusinessId businessId,
            Optional<String> defaultView,
            Optional<Integer> firstDayOfWeek,
            Optional<Boolean> showCancelled);

    OnboardingStatus onboarding(Actor actor, BusinessId businessId);

    /** Marks steps done (true) or not done (false); steps not named keep their state. */
    OnboardingStatus updateOnboarding(Actor actor, BusinessId businessId, Map<String, Boolean> steps);
}
