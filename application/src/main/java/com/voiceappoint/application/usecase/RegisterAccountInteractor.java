package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.application.port.out.PasswordHasher;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.account.UserId;
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
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.shared.Zones;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;

public final class RegisterAccountInteractor implements RegisterAccountUseCase {
    private static final int SLUG_RACE_RETRIES = 5;

    private final TransactionRunner transactions;
    private final UserRepository users;
    private final BusinessRepository businesses;
    private final MembershipRepository memberships;
    private final ProviderRepository providers;
    private final PasswordHasher passwordHasher;
    private final Clock clock;

    public RegisterAccountInteractor(
            TransactionRunner transactions,
            UserRepository users,
            BusinessRepository businesses,
            MembershipRepository memberships,
            ProviderRepository providers,
            PasswordHasher passwordHasher,
            Clock clock) {
        this.transactions = transactions;
        this.users = users;
        this.businesses = businesses;
        this.memberships = memberships;
        this.providers = providers;
        this.passwordHasher = passwordHasher;
        this.clock = clock;
    }

    @Override
    public Result register(Command command) {
        EmailAddress email = new EmailAddress(command.email());
        Passwords.check("password", command.password());
        Language language = command.language() == null ? Language.ES : Language.parse(command.language(), "language");
        String businessName = Business.requireName(command.businessName());
        BusinessType type = BusinessType.parse(command.businessType());
        ZoneId zone = Zones.parse(command.timezone(), "timezone");
        Currency currency = Money.currency(command.currency());
        Instant now = clock.instant();
        User user = new User(UserId.random(), email, "pending", command.fullName(), language, now);
        if (users.findByEmail(email).isPresent()) {
            throw emailTaken();
        }
        // hashing is deliberately slow: do it before the transaction opens
        User hashed =
                new User(user.id(), email, passwordHasher.hash(command.password()), user.fullName(), language, now);

        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.inTransaction(
                        () -> createAll(hashed, businessName, type, language, zone, currency));
            } catch (DuplicateKeyException e) {
                if (e.key() == DuplicateKeyException.Key.USER_EMAIL) {
                    throw emailTaken();
                }
                if (e.key() != DuplicateKeyException.Key.BUSINESS_SLUG || attempt == SLUG_RACE_RETRIES) {
                    throw e;
                }
                // another registration took the same slug between our check and our insert: pick again
            }
        }
    }

    private Result createAll(
            User user, String businessName, BusinessType type, Language language, ZoneId zone, Currency currency) {
        users.add(user);
        Business business = new Business(
                BusinessId.random(),
                freeSlug(businessName),
                businessName,
                type,
                language,
                zone,
                currency,
                true,
                BookingPolicy.DEFAULT);
        businesses.add(
                business, DashboardConfig.defaultsFor(business.id()), OnboardingStatus.justRegistered(business.id()));
        memberships.add(new Membership(business.id(), user.id(), Role.OWNER));
        String providerName = user.fullName().isBlank() ? businessName : user.fullName();
        providers.add(new Provider(
                ProviderId.random(), business.id(), Optional.of(user.id()), providerName, Optional.empty(), true));
        return new Result(user.id(), user.email(), business.id(), business.slug(), business.name());
    }

    private Slug freeSlug(String businessName) {
        Slug base = Slug.fromName(businessName);
        if (!businesses.slugExists(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            Slug candidate = base.withSuffix(n);
            if (!businesses.slugExists(candidate)) {
                return candidate;
            }
        }
    }

    private static DomainException emailTaken() {
        return new DomainException(
                ErrorCode.EMAIL_ALREADY_REGISTERED, "email", "this e-mail address is already registered", Map.of());
    }
}
