package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.application.error.CredentialsRefusedException;
import com.voiceappoint.application.fakes.PortSwap;
import com.voiceappoint.application.port.in.SessionUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.port.out.SessionRepository;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SessionsAndAccountTest {
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
    private final UseCases app = Interactors.create(InMemoryAdapters.create(), clock);
    private UserId user;

    @BeforeEach
    void register() {
        user = app.registerAccount()
                .register(RegistrationAndLoginTest.command("lola@example.com", "Lola"))
                .userId();
    }

    private static void assertInvalid(Runnable call) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(
                        CredentialsRefusedException.class,
                        e -> assertThat(e.credential())
                                .isEqualTo(CredentialsRefusedException.Credential.REFRESH_TOKEN));
    }

    @Test
    void a_refresh_token_is_exchanged_for_a_new_one_once() {
        SessionUseCase.RefreshToken first = app.sessions().start(user);

        SessionUseCase.Refreshed refreshed = app.sessions().refresh(first.token());

        assertThat(refreshed.user().userId()).isEqualTo(user);
        assertThat(refreshed.refreshToken().token()).isNotEqualTo(first.token());
        assertThat(app.sessions()
                        .refresh(refreshed.refreshToken().token())
                        .user()
                        .userId())
                .isEqualTo(user);
    }

    @Test
    void reusing_a_rotated_token_revokes_the_whole_family() {
        SessionUseCase.RefreshToken stolen = app.sessions().start(user);
        SessionUseCase.RefreshToken current =
                app.sessions().refresh(stolen.token()).refreshToken();

        assertInvalid(() -> app.sessions().refresh(stolen.token()));
        assertInvalid(() -> app.sessions().refresh(current.token()));
    }

    @Test
    void other_logins_survive_a_revoked_family() {
        SessionUseCase.RefreshToken phone = app.sessions().start(user);
        SessionUseCase.RefreshToken laptop = app.sessions().start(user);
        app.sessions().refresh(phone.token());

        assertInvalid(() -> app.sessions().refresh(phone.token()));
        assertThat(app.sessions().refresh(laptop.token()).user().userId()).isEqualTo(user);
    }

    @Test
    void logout_ends_the_login_and_unknown_tokens_are_ignored() {
        SessionUseCase.RefreshToken token = app.sessions().start(user);

        app.sessions().end(token.token());
        app.sessions().end("never-issued");
        app.sessions().end(null);

        assertInvalid(() -> app.sessions().refresh(token.token()));
    }

    @Test
    void refresh_tokens_expire_after_thirty_days() {
        SessionUseCase.RefreshToken token = app.sessions().start(user);
        now.set(now.get().plus(Duration.ofDays(30)));

        assertInvalid(() -> app.sessions().refresh(token.token()));
    }

    @Test
    void a_web_login_is_resumed_from_its_token_until_it_ends_expires_or_is_exchanged() {
        SessionUseCase.RefreshToken browser = app.sessions().start(user);
        SessionUseCase.RefreshToken other = app.sessions().start(user);
        SessionUseCase.RefreshToken third = app.sessions().start(user);

        assertThat(app.sessions().resume(browser.token())).hasValueSatisfying(resumed -> {
            assertThat(resumed.user().userId()).isEqualTo(user);
            assertThat(resumed.login()).isEqualTo(browser.login());
        });
        assertThat(app.sessions().resume(browser.token()))
                .as("resuming exchanges nothing")
                .isPresent();

        app.sessions().end(browser.token());
        app.sessions().refresh(other.token());
        assertThat(app.sessions().resume(browser.token())).as("logged out").isEmpty();
        assertThat(app.sessions().resume(other.token()))
                .as("exchanged by a refresh")
                .isEmpty();
        assertThat(app.sessions().resume("never-issued")).isEmpty();
        assertThat(app.sessions().resume(null)).isEmpty();

        now.set(now.get().plus(Duration.ofDays(30)));
        assertThat(app.sessions().resume(third.token())).as("expired").isEmpty();
    }

    @Test
    void garbage_is_an_invalid_token_not_an_error() {
        assertInvalid(() -> app.sessions().refresh(""));
        assertInvalid(() -> app.sessions().refresh("x".repeat(10_000)));
    }

    @Test
    void changing_the_password_needs_the_current_one_and_ends_every_login() {
        SessionUseCase.RefreshToken token = app.sessions().start(user);

        assertThatThrownBy(() -> app.account().changePassword(user, "wrong-password", "brand-new-secret"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("currentPassword"));
        assertThatThrownBy(() -> app.account().changePassword(user, "s3cret-enough", "short"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("newPassword"));

        app.account().changePassword(user, "s3cret-enough", "brand-new-secret");

        assertInvalid(() -> app.sessions().refresh(token.token()));
        assertThat(app.authenticate()
                        .authenticate("lola@example.com", "brand-new-secret")
                        .userId())
                .isEqualTo(user);
        assertThatThrownBy(() -> app.authenticate().authenticate("lola@example.com", "s3cret-enough"))
                .isInstanceOf(CredentialsRefusedException.class);
    }

    @Test
    void the_profile_changes_name_and_language_only_when_given() {
        var updated = app.account().updateProfile(user, Optional.empty(), Optional.of("en"));

        assertThat(updated.language()).isEqualTo(Language.EN);
        assertThat(updated.fullName()).isEqualTo("Lola Pérez");
        assertThatThrownBy(() -> app.account().updateProfile(user, Optional.of("x".repeat(151)), Optional.empty()))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void a_logout_landing_in_the_middle_of_a_refresh_takes_the_new_token_too() {
        OutboundPorts base = InMemoryAdapters.create();
        SessionRepository sessions = base.sessions();
        AtomicReference<Runnable> afterRotation = new AtomicReference<>(() -> {});
        SessionRepository racing = (SessionRepository) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {SessionRepository.class}, (proxy, method, args) -> {
                    Object result = method.invoke(sessions, args);
                    if (method.getName().equals("markRotated")) {
                        afterRotation.get().run();
                    }
                    return result;
                });
        OutboundPorts ports = PortSwap.with(base, SessionRepository.class, racing);
        UseCases racingApp = Interactors.create(ports, clock);
        UserId someone = racingApp
                .registerAccount()
                .register(RegistrationAndLoginTest.command("race@example.com", "Race"))
                .userId();
        SessionUseCase.RefreshToken token = racingApp.sessions().start(someone);
        afterRotation.set(() -> racingApp.sessions().end(token.token()));

        assertInvalid(() -> racingApp.sessions().refresh(token.token()));
    }
}
