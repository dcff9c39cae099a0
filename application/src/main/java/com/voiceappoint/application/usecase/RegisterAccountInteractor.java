package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.application.port.out.PasswordHasher;
import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.Language;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

public final class RegisterAccountInteractor implements RegisterAccountUseCase {
    private final UserRepository users;
    private final PasswordHasher passwordHasher;
    private final BusinessFounding founding;
    private final Clock clock;

    RegisterAccountInteractor(
            UserRepository users, PasswordHasher passwordHasher, BusinessFounding founding, Clock clock) {
        this.users = users;
        this.passwordHasher = passwordHasher;
        this.founding = founding;
        this.clock = clock;
    }

    @Override
    public Result register(Command command) {
        EmailAddress email = new EmailAddress(command.email());
        Passwords.check("password", command.password());
        Optional<BusinessFounding.Draft> draft = command.foundsBusiness()
                ? Optional.of(BusinessFounding.Draft.parse(
                        command.businessName(),
                        command.businessType(),
                        command.language(),
                        command.timezone(),
                        command.currency(),
                        command.country()))
                : Optional.empty();
        Language language = draft.map(BusinessFounding.Draft::language)
                .orElseGet(() ->
                        command.language() == null ? Language.ES : Language.parse(command.language(), "language"));
        Instant now = clock.instant();
        if (users.findByEmail(email).isPresent()) {
            throw emailTaken();
        }
        // hashing is deliberately slow: do it before the transaction opens
        User user = new User(
                UserId.random(), email, passwordHasher.hash(command.password()), command.fullName(), language, now);
        try {
            return founding.inTransactionRetryingSlugRaces(() -> {
                users.add(user);
                if (draft.isEmpty()) {
                    return new Result(user.id(), user.email(), null, null, null);
                }
                Business business = founding.found(user, draft.get());
                return new Result(user.id(), user.email(), business.id(), business.slug(), business.name());
            });
        } catch (DuplicateKeyException e) {
            if (e.key() == DuplicateKeyException.Key.USER_EMAIL) {
                throw emailTaken();
            }
            throw e;
        }
    }

    private static DomainException emailTaken() {
        return new DomainException(
                ErrorCode.EMAIL_ALREADY_REGISTERED, "email", "this e-mail address is already registered", Map.of());
    }
}
