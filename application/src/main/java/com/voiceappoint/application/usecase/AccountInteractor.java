package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.ManageAccountUseCase;
import com.voiceappoint.application.port.out.PasswordHasher;
import com.voiceappoint.application.port.out.SessionRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import java.time.Clock;
import java.util.Optional;

public final class AccountInteractor implements ManageAccountUseCase {
    private final TransactionRunner transactions;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordHasher passwordHasher;
    private final Clock clock;

    AccountInteractor(
            TransactionRunner transactions,
            UserRepository users,
            SessionRepository sessions,
            PasswordHasher passwordHasher,
            Clock clock) {
        this.transactions = transactions;
        this.users = users;
        this.sessions = sessions;
        this.passwordHasher = passwordHasher;
        this.clock = clock;
    }

    @Override
    public User updateProfile(UserId userId, Optional<String> fullName, Optional<String> language) {
        User user = users.findById(userId).orElseThrow(() -> new NotFoundException("user"));
        User updated = new User(
                user.id(),
                user.email(),
                user.passwordHash(),
                fullName.orElse(user.fullName()),
                language.map(l -> Language.parse(l, "language")).orElse(user.language()),
                user.createdAt());
        transactions.inTransaction(() -> {
            users.update(updated);
            return null;
        });
        return updated;
    }

    @Override
    public void changePassword(UserId userId, String currentPassword, String newPassword) {
        User user = users.findById(userId).orElseThrow(() -> new NotFoundException("user"));
        InvalidValueException.check(
                currentPassword != null && passwordHasher.matches(currentPassword, user.passwordHash()),
                "currentPassword",
                "the current password is wrong");
        Passwords.check("newPassword", newPassword);
        InvalidValueException.check(
                !newPassword.equals(currentPassword),
                "newPassword",
                "the new password must differ from the current one");
        String hash = passwordHasher.hash(newPassword);
        transactions.inTransaction(() -> {
            users.update(new User(user.id(), user.email(), hash, user.fullName(), user.language(), user.createdAt()));
            sessions.revokeAllOf(user.id(), clock.instant());
            return null;
        });
    }
}
