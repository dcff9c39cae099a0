package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.in.FoundBusinessUseCase.Founded;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.business.BookingPolicy;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.BusinessType;
import com.voiceappoint.domain.business.DashboardConfig;
import com.voiceappoint.domain.business.Membership;
import com.voiceappoint.domain.business.OnboardingStatus;
import com.voiceappoint.domain.business.Role;
import com.voiceappoint.domain.business.Slug;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.CountryCode;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.shared.Zones;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Founding a business, the same whether it comes with a new account, is an owner's second one or has no account
 * behind it: a unique slug, a first provider (the founder, when there is one, who is also its owner), a dashboard
 * configuration and an onboarding status.
 */
final class BusinessFounding {
    private static final int SLUG_RACE_ATTEMPTS = 5;

    private final TransactionRunner transactions;
    private final BusinessRepository businesses;
    private final MembershipRepository memberships;
    private final ProviderRepository providers;

    BusinessFounding(
            TransactionRunner transactions,
            BusinessRepository businesses,
            MembershipRepository memberships,
            ProviderRepository providers) {
        this.transactions = transactions;
        this.businesses = businesses;
        this.memberships = memberships;
        this.providers = providers;
    }

    /** What the founder says about the business, checked before anything is written. */
    record Draft(
            String name,
            BusinessType type,
            Language language,
            ZoneId zone,
            Currency currency,
            Optional<CountryCode> country) {
        static Draft parse(
                String name, String type, String language, String timezone, String currency, String country) {
            return new Draft(
                    Business.requireName(name),
                    BusinessType.parse(type),
                    language == null ? Language.ES : Language.parse(language, "language"),
                    Zones.parse(timezone, "timezone"),
                    Money.currency(currency),
                    Optional.ofNullable(country).filter(c -> !c.isBlank()).map(CountryCode::new));
        }
    }

    /**
     * Runs {@code work} in a transaction, again if another business took the same slug between the check and the
     * insert.
     */
    <T> T inTransactionRetryingSlugRaces(Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inTransaction(work);
            } catch (DuplicateKeyException e) {
                if (e.key() != DuplicateKeyException.Key.BUSINESS_SLUG || attempt == SLUG_RACE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * Writes the business and what comes with it, with the founder as owner and first provider; call inside a
     * transaction.
     */
    Business found(User founder, Draft draft) {
        String providerName = founder.fullName().isBlank() ? draft.name() : founder.fullName();
        return found(draft, Optional.of(founder), providerName).business();
    }

    /** Writes the business and what comes with it, the founder (if any) as owner; call inside a transaction. */
    Founded found(Draft draft, Optional<User> founder, String providerName) {
        Business business = new Business(
                BusinessId.random(),
                Slug.firstFree(draft.name(), businesses::slugExists),
                draft.name(),
                draft.type(),
                draft.language(),
                draft.zone(),
                draft.currency(),
                true,
                BookingPolicy.DEFAULT,
                draft.country());
        businesses.add(
                business, DashboardConfig.defaultsFor(business.id()), OnboardingStatus.justRegistered(business.id()));
        founder.ifPresent(owner -> memberships.add(new Membership(business.id(), owner.id(), Role.OWNER)));
        Provider first = new Provider(
                ProviderId.random(), business.id(), founder.map(User::id), providerName, Optional.empty(), true);
        providers.add(first);
        return new Founded(business, first.id());
    }
}
