package com.voiceappoint.domain.business;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/** Which setup steps a new business has done; the dashboard uses it to guide the owner to the next one. */
public record OnboardingStatus(BusinessId businessId, Set<Step> completed) {
    public enum Step {
        BUSINESS_PROFILE,
        SERVICES,
        OPENING_HOURS,
        STAFF,
        VOICE_AGENT,
        PAYMENTS;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public OnboardingStatus {
        Objects.requireNonNull(businessId, "businessId");
        completed = completed.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(completed);
    }

    /** A business just registered: its profile is filled in, nothing else yet. */
    public static OnboardingStatus justRegistered(BusinessId businessId) {
        return new OnboardingStatus(businessId, EnumSet.of(Step.BUSINESS_PROFILE));
    }

    public OnboardingStatus complete(Step step) {
        EnumSet<Step> steps = completed.isEmpty() ? EnumSet.noneOf(Step.class) : EnumSet.copyOf(completed);
        steps.add(step);
        return new OnboardingStatus(businessId, steps);
    }

    public boolean isComplete() {
        return completed.containsAll(EnumSet.of(Step.BUSINESS_PROFILE, Step.SERVICES, Step.OPENING_HOURS));
    }

    @Override
    public Set<Step> completed() {
        return completed.isEmpty() ? Set.of() : EnumSet.copyOf(completed);
    }
}
