package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.CredentialsRefusedException;
import com.voiceappoint.application.port.in.AuthenticateUseCase;
import com.voiceappoint.application.port.out.PasswordHasher;
import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.shared.DomainException;
import java.util.Optional;

public final class AuthenticateInteractor implements AuthenticateUseCase {
    private final UserRepository users;
    private final PasswordHasher passwordHasher;

    public AuthenticateInteractor(UserRepository users, PasswordHasher passwordHasher) {
        this.users = users;
        this.passwordHasher = passwordHasher;
    }

    @Override
    public AuthenticatedUser authenticate(String email, String password) {
        Optional<User> user = parse(email).flatMap(users::findByEmail);
        if (user.isEmpty()) {
            passwordHasher.simulateCheck(password);
            throw invalid();
        }
        if (!passwordHasher.matches(password, user.get().passwordHash())) {
            throw invalid();
        }
        User found = user.get();
        return new AuthenticatedUser(found.id(), found.email(), found.fullName(), found.language());
    }

    private static Optional<EmailAddress> parse(String email) {
        try {
            return Optional.of(new EmailAddress(email));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }

    private static CredentialsRefusedException invalid() {
        return new CredentialsRefusedException(
                CredentialsRefusedException.Credential.PASSWORD, "wrong e-mail or password");
    }
}
