package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.PasswordResetUseCase;
import com.voiceappoint.application.port.out.Delivery;
import com.voiceappoint.application.port.out.EmailSender;
import com.voiceappoint.application.port.out.MessageTemplates;
import com.voiceappoint.application.port.out.NotificationPorts;
import com.voiceappoint.application.port.out.PasswordHasher;
import com.voiceappoint.application.port.out.PasswordResetStore;
import com.voiceappoint.application.port.out.SessionRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.PasswordReset;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.shared.DomainException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Tokens are 256 random bits, of which only the SHA-256 is stored, as for logins. The e-mail is sent while the
 * request waits, straight to the mail channel rather than through the appointment messages' queue: a link that
 * arrives minutes later is no use to someone locked out, and a failed send is best retried by asking again.
 */
public final class PasswordResetInteractor implements PasswordResetUseCase {
    private static final System.Logger LOG = System.getLogger(PasswordResetInteractor.class.getName());
    private static final int TOKEN_BYTES = 32;
    private static final int LONGEST_TOKEN = 100;
    /** Who the e-mail comes from: the product, not any one business. */
    static final String SENDER = "VoiceAppoint";

    private final TransactionRunner transactions;
    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordResetStore resets;
    private final PasswordHasher passwordHasher;
    private final NotificationPorts notifications;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    PasswordResetInteractor(
            TransactionRunner transactions,
            UserRepository users,
            SessionRepository sessions,
            PasswordResetStore resets,
            PasswordHasher passwordHasher,
            NotificationPorts notifications,
            Clock clock) {
        this.transactions = transactions;
        this.users = users;
        this.sessions = sessions;
        this.resets = resets;
        this.passwordHasher = passwordHasher;
        this.notifications = notifications;
        this.clock = clock;
    }

    @Override
    public void request(String email, String linkBase) {
        Optional<User> found = parse(email).flatMap(users::findByEmail);
        if (found.isEmpty()) {
            return;
        }
        User user = found.get();
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        PasswordReset reset = PasswordReset.request(user.id(), Hashes.sha256(token), clock.instant());
        transactions.inTransaction(() -> {
            resets.replace(reset);
            return null;
        });
        MessageTemplates.Email words = notifications
                .templates()
                .passwordReset(new MessageTemplates.PasswordResetLink(
                        user.language(), user.fullName(), linkBase + token, PasswordReset.LIFETIME));
        Delivery delivery = notifications
                .email()
                .send(new EmailSender.Envelope(
                        user.email(),
                        SENDER,
                        Optional.empty(),
                        MessageTemplates.PasswordResetLink.SEND_KEYS + reset.id(),
                        words));
        if (!(delivery instanceof Delivery.Sent)) {
            // the user is told the same either way; whoever runs the server learns why no e-mail came (never the link)
            LOG.log(
                    System.Logger.Level.WARNING,
                    "password reset e-mail to user {0} not sent: {1}",
                    user.id(),
                    delivery);
        }
    }

    @Override
    public boolean isOpen(String token) {
        Instant now = clock.instant();
        return find(token).filter(reset -> reset.isOpen(now)).isPresent();
    }

    @Override
    public boolean reset(String token, String newPassword) {
        Instant now = clock.instant();
        Optional<PasswordReset> open = find(token).filter(reset -> reset.isOpen(now));
        if (open.isEmpty()) {
            return false;
        }
        Passwords.check("password", newPassword);
        Optional<User> user = users.findById(open.get().userId());
        if (user.isEmpty()) {
            return false;
        }
        // hashing is deliberately slow: do it before the transaction opens
        String hash = passwordHasher.hash(newPassword);
        User found = user.get();
        return transactions.inTransaction(() -> {
            if (!resets.markUsed(open.get().id(), now)) {
                return false;
            }
            users.update(
                    new User(found.id(), found.email(), hash, found.fullName(), found.language(), found.createdAt()));
            sessions.revokeAllOf(found.id(), now);
            return true;
        });
    }

    private Optional<PasswordReset> find(String token) {
        if (token == null || token.isBlank() || token.length() > LONGEST_TOKEN) {
            return Optional.empty();
        }
        return resets.findByTokenHash(Hashes.sha256(token));
    }

    private static Optional<EmailAddress> parse(String email) {
        try {
            return Optional.of(new EmailAddress(email));
        } catch (DomainException e) {
            return Optional.empty();
        }
    }
}
