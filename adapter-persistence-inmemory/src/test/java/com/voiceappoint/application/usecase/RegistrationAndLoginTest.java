package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.application.error.CredentialsRefusedException;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.business.OnboardingStatus;
import com.voiceappoint.domain.business.Role;
import com.voiceappoint.domain.business.Slug;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistrationAndLoginTest {
    private final OutboundPorts ports = InMemoryAdapters.create();
    private final UseCases app =
            Interactors.create(ports, Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));

    static RegisterAccountUseCase.Command command(String email, String businessName) {
        return RegisterAccountUseCase.Command.builder(email, "s3cret-enough")
                .fullName("Lola Pérez")
                .language("es")
                .businessName(businessName)
                .businessType("salon")
                .timezone("Europe/Madrid")
                .currency("EUR")
                .build();
    }

    @Test
    void registration_creates_user_business_owner_provider_dashboard_and_onboarding() {
        var result = app.registerAccount().register(command("Lola@Example.com", "Peluquería Lola"));

        assertThat(result.email()).isEqualTo(new EmailAddress("lola@example.com"));
        assertThat(result.businessSlug().value()).isEqualTo("peluqueria-lola");
        assertThat(ports.businesses().findById(result.businessId())).hasValueSatisfying(b -> {
            assertThat(b.name()).isEqualTo("Peluquería Lola");
            assertThat(b.zone().getId()).isEqualTo("Europe/Madrid");
            assertThat(b.language()).isEqualTo(Language.ES);
            assertThat(b.allowVoiceBooking()).isTrue();
        });
        assertThat(ports.memberships().find(result.businessId(), result.userId()))
                .hasValueSatisfying(m -> assertThat(m.role()).isEqualTo(Role.OWNER));
        assertThat(ports.providers().findByUser(result.businessId(), result.userId()))
                .hasValueSatisfying(p -> assertThat(p.displayName()).isEqualTo("Lola Pérez"));
        assertThat(ports.businesses().dashboardConfig(result.businessId())).isPresent();
        assertThat(ports.businesses().onboardingStatus(result.businessId()))
                .contains(OnboardingStatus.justRegistered(result.businessId()));
        assertThat(ports.users().findById(result.userId()).orElseThrow().passwordHash())
                .isNotEqualTo("s3cret-enough");
    }

    @Test
    void a_taken_slug_gets_the_next_free_suffix() {
        app.registerAccount().register(command("a@example.com", "Studio Yoga"));
        app.registerAccount().register(command("b@example.com", "Studio Yoga"));
        var third = app.registerAccount().register(command("c@example.com", "studio  yoga!"));

        assertThat(third.businessSlug().value()).isEqualTo("studio-yoga-3");
    }

    @Test
    void an_email_registers_once_and_the_second_attempt_creates_nothing() {
        var first = app.registerAccount().register(command("lola@example.com", "Lola"));

        assertThatThrownBy(() -> app.registerAccount().register(command("LOLA@example.com", "Another")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.EMAIL_ALREADY_REGISTERED);
                    assertThat(e.field()).isEqualTo("email");
                });
        assertThat(ports.businesses().slugExists(new Slug("another"))).isFalse();
        assertThat(ports.memberships().findByUser(first.userId())).hasSize(1);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "timezone, Mars/Olympus",
        "timezone, +02:00",
        "currency, EURO",
        "businessType, spaceship",
        "password, short",
        "email, not-an-email",
        "language, klingon",
        "businessName, ' '",
    })
    void bad_input_names_its_field_and_stores_nothing(String field, String value) {
        var c = command("new@example.com", "Fine Name");
        var bad = new RegisterAccountUseCase.Command(
                field.equals("email") ? value : c.email(),
                field.equals("password") ? value : c.password(),
                c.fullName(),
                field.equals("language") ? value : c.language(),
                field.equals("businessName") ? value : c.businessName(),
                field.equals("businessType") ? value : c.businessType(),
                field.equals("timezone") ? value : c.timezone(),
                field.equals("currency") ? value : c.currency());

        assertThatThrownBy(() -> app.registerAccount().register(bad))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo(field));
        assertThat(ports.users().findByEmail(new EmailAddress("new@example.com")))
                .isEmpty();
    }

    @Test
    void login_accepts_the_right_password_in_any_email_case() {
        app.registerAccount().register(command("lola@example.com", "Lola"));

        var user = app.authenticate().authenticate("LOLA@example.com ", "s3cret-enough");

        assertThat(user.email().value()).isEqualTo("lola@example.com");
        assertThat(user.fullName()).isEqualTo("Lola Pérez");
    }

    @ParameterizedTest
    @CsvSource({"lola@example.com, wrong-password", "nobody@example.com, s3cret-enough", "garbage, s3cret-enough"})
    void login_fails_the_same_way_for_a_wrong_password_or_an_unknown_user(String email, String password) {
        app.registerAccount().register(command("lola@example.com", "Lola"));

        assertThatThrownBy(() -> app.authenticate().authenticate(email, password))
                .isInstanceOfSatisfying(
                        CredentialsRefusedException.class,
                        e -> assertThat(e.credential()).isEqualTo(CredentialsRefusedException.Credential.PASSWORD));
    }

    @Test
    void the_profile_lists_the_users_businesses_with_roles() {
        var result = app.registerAccount().register(command("lola@example.com", "Lola"));

        var profile = app.profile().profile(result.userId());

        assertThat(profile.user().email().value()).isEqualTo("lola@example.com");
        assertThat(profile.memberships()).singleElement().satisfies(m -> {
            assertThat(m.business().id()).isEqualTo(result.businessId());
            assertThat(m.role()).isEqualTo(Role.OWNER);
        });
    }
}
