package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.application.port.out.InvitationRepository;
import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.application.port.out.PasswordHasher;
import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.Invitation;
import com.voiceappoint.domain.business.Membership;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

public final class RegisterAccountInteractor implements RegisterAccountUseCase {
    private final UserRepository users;
    private final MembershipRepository memberships;
    private final InvitationRepository invitations;
    private final PasswordHasher passwordHasher;
    private final BusinessFounding founding;
    private final Clock clock;

    RegisterAccountInteractor(
            UserRepository users,
            MembershipRepository memberships,
            InvitationRepository invitations,
            PasswordHasher passwordHasher,
            BusinessFounding founding,
            Clock clock) {
        this.users = users;
        this.memberships = memberships;
        this.invitations = invitations;
        this.passwordHasher = passwordHasher;
        this.founding = founding;
        this.clock = clock;
    }

    @Override
    public Result register(Command command) {
        EmailAddress email = new EmailAddress(command.email());
        Passwords.check("password", command.password());
        BusinessFounding.Draft draft = BusinessFounding.Draft.parse(
                command.businessName(),
                command.businessType(),
                command.language(),
                command.timezone(),
                command.currency(),
                command.country());
        Instant now = clock.instant();
        if (users.findByEmail(email).isPresent()) {
            throw emailTaken();
        }
        // hashing is deliberately slow: do it before the transaction opens
        User user = new User(
                UserId.random(),
                email,
                passwordHasher.hash(command.password()),
                command.fullName(),
                draft.language(),
                now);
        try {
            return founding.inTransactionRetryingSlugRaces(() -> {
                users.add(user);
                Business business = founding.found(user, draft);
                acceptInvitations(user);
                return new Result(user.id(), user.email(), business.id(), business.slug(), business.name());
            });
        } catch (DuplicateKeyException e) {
            if (e.key() == DuplicateKeyException.Key.USER_EMAIL) {
                throw emailTaken();
            }
            throw e;
        }
    }

    /** Businesses that invited this e-mail before it had an account gain it as a member now. */
    private void acceptInvitations(User user) {
        for (Invitation invitation : invitations.findByEmail(user.email())) {
            memberships.add(new Membership(invitation.businessId(), user.id(), invitation.role()));
            invitations.remove(invitation.businessId(), invitation.id());
        }
    }

    private static DomainException emailTaken() {
        return new DomainException(
                ErrorCode.EMAIL_ALREADY_REGISTERED, "email", "this e-mail address is already registered", Map.of());
    }
}
