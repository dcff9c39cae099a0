package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.adapter.inmemory.InMemoryPersistence;
import com.voiceappoint.application.error.CredentialsRefusedException;
import com.voiceappoint.application.fakes.RecordedMessages;
import com.voiceappoint.application.port.in.SessionUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.Delivery;
import com.voiceappoint.application.port.out.MessageTemplates;
import com.voiceappoint.domain.account.PasswordReset;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PasswordResetTest {
    private static final String LINKS = "https://citas.example/password/reset/";

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-21T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final InMemoryPersistence stores = InMemoryPersistence.create();
    private final RecordedMessages messages = new RecordedMessages();
    private final UseCases app = Interactors.create(InMemoryAdapters.create(stores, messages), clock);
    private UserId user;

    @BeforeEach
    void register() {
        user = app.registerAccount()
                .register(RegistrationAndLoginTest.command("lola@example.com", "Lola"))
                .userId();
    }

    /** The token of the link the latest e-mail carried. */
    private String latestToken() {
        var links = messages.resetLinks();
        String link = links.get(links.size() - 1).link();
        assertThat(link).startsWith(LINKS);
        return link.substring(LINKS.length());
    }

    @Test
    void the_link_sets_a_new_password_once_and_ends_every_login() {
        SessionUseCase.RefreshToken login = app.sessions().start(user);

        app.passwordResets().request("  LOLA@example.com ", LINKS);

        assertThat(messages.sent()).containsExactly("email password_reset es to lola@example.com");
        MessageTemplates.PasswordResetLink words = messages.resetLinks().get(0);
        assertThat(words.language()).isEqualTo(Language.ES);
        assertThat(words.fullName()).isEqualTo("Lola Pérez");
        assertThat(words.validFor()).isEqualTo(Duration.ofHours(1));
        String token = latestToken();
        assertThat(token).hasSize(43);
        assertThat(stores.passwordResets().findByTokenHash(token))
                .as("only its hash is kept")
                .isEmpty();
        assertThat(app.passwordResets().isOpen(token)).isTrue();

        assertThat(app.passwordResets().reset(token, "a-new-s3cret")).isTrue();

        assertThat(app.authenticate()
                        .authenticate("lola@example.com", "a-new-s3cret")
                        .userId())
                .isEqualTo(user);
        assertThatThrownBy(() -> app.authenticate().authenticate("lola@example.com", "s3cret-enough"))
                .isInstanceOf(CredentialsRefusedException.class);
        assertThat(app.sessions().resume(login.token())).as("every login ended").isEmpty();
        assertThat(app.passwordResets().isOpen(token)).isFalse();
        assertThat(app.passwordResets().reset(token, "yet-another-one"))
                .as("single use")
                .isFalse();
        assertThat(app.authenticate()
                        .authenticate("lola@example.com", "a-new-s3cret")
                        .userId())
                .isEqualTo(user);
    }

    @Test
    void an_unknown_or_malformed_address_sends_nothing_and_says_nothing() {
        app.passwordResets().request("nobody@example.com", LINKS);
        app.passwordResets().request("not an address", LINKS);
        app.passwordResets().request(null, LINKS);

        assertThat(messages.sent()).isEmpty();
    }

    @Test
    void the_link_lapses_after_an_hour() {
        app.passwordResets().request("lola@example.com", LINKS);
        String token = latestToken();

        now.set(now.get().plus(PasswordReset.LIFETIME).minusSeconds(1));
        assertThat(app.passwordResets().isOpen(token)).isTrue();
        now.set(now.get().plusSeconds(1));

        assertThat(app.passwordResets().isOpen(token)).isFalse();
        assertThat(app.passwordResets().reset(token, "a-new-s3cret")).isFalse();
        assertThat(app.authenticate()
                        .authenticate("lola@example.com", "s3cret-enough")
                        .userId())
                .isEqualTo(user);
    }

    @Test
    void only_the_newest_link_works() {
        app.passwordResets().request("lola@example.com", LINKS);
        String older = latestToken();
        app.passwordResets().request("lola@example.com", LINKS);
        String newer = latestToken();

        assertThat(app.passwordResets().reset(older, "a-new-s3cret")).isFalse();
        assertThat(app.passwordResets().reset(newer, "a-new-s3cret")).isTrue();
    }

    @Test
    void a_password_refused_leaves_the_link_open_and_the_password_unchanged() {
        app.passwordResets().request("lola@example.com", LINKS);
        String token = latestToken();

        assertThatThrownBy(() -> app.passwordResets().reset(token, "short"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("password"));

        assertThat(app.passwordResets().isOpen(token)).isTrue();
        assertThat(app.authenticate()
                        .authenticate("lola@example.com", "s3cret-enough")
                        .userId())
                .isEqualTo(user);
    }

    @Test
    void unknown_and_garbled_tokens_open_nothing() {
        assertThat(app.passwordResets().isOpen("unknown")).isFalse();
        assertThat(app.passwordResets().isOpen("")).isFalse();
        assertThat(app.passwordResets().isOpen("x".repeat(5000))).isFalse();
        assertThat(app.passwordResets().reset(null, "a-new-s3cret")).isFalse();
    }

    @Test
    void a_mail_server_away_is_not_told_to_the_asker() {
        messages.answer(new Delivery.Failed("connection refused"));

        app.passwordResets().request("lola@example.com", LINKS);

        assertThat(messages.sent()).hasSize(1);
    }
}
