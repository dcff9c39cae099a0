package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.AuthenticateUseCase;
import com.voiceappoint.application.port.in.GetProfileQuery;
import com.voiceappoint.application.port.in.ManageAccountUseCase;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.application.port.in.SessionUseCase;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.application.port.out.PasswordHasher;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.SessionRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.application.port.out.UserRepository;
import java.time.Clock;

/**
 * User accounts: signing up (with a first business, founded as {@link BookingUseCases#foundBusiness} founds one
 * without an account), logging in, sessions, one's own account and profile. Only an application with accounts of
 * its own needs these, and the password hasher they take.
 */
public final class AccountUseCases {
    private final RegisterAccountInteractor registration;
    private final AuthenticateInteractor authentication;
    private final SessionInteractor sessions;
    private final AccountInteractor account;
    private final GetProfileInteractor profiles;

    public AccountUseCases(
            TransactionRunner transactions,
            UserRepository users,
            SessionRepository sessions,
            BusinessRepository businesses,
            MembershipRepository memberships,
            ProviderRepository providers,
            PasswordHasher passwordHasher,
            Clock clock) {
        BusinessFounding founding = new BusinessFounding(transactions, businesses, memberships, providers);
        this.registration = new RegisterAccountInteractor(users, passwordHasher, founding, clock);
        this.authentication = new AuthenticateInteractor(users, passwordHasher);
        this.sessions = new SessionInteractor(transactions, sessions, users, clock);
        this.account = new AccountInteractor(transactions, users, sessions, passwordHasher, clock);
        this.profiles = new GetProfileInteractor(users, memberships, businesses);
    }

    public RegisterAccountUseCase registerAccount() {
        return registration;
    }

    public AuthenticateUseCase authenticate() {
        return authentication;
    }

    public SessionUseCase sessions() {
        return sessions;
    }

    public ManageAccountUseCase account() {
        return account;
    }

    public GetProfileQuery profile() {
        return profiles;
    }
}
