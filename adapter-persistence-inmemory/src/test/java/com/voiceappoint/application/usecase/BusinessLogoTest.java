package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.application.error.ForbiddenException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Logo;
import com.voiceappoint.domain.business.Role;
import com.voiceappoint.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A business's logo: owners and admins change it, anyone sees it while the business is open. */
class BusinessLogoTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};

    private final UseCases app = Interactors.create(
            InMemoryAdapters.create(), Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
    private Actor.Member owner;
    private BusinessId business;
    private String slug;

    @BeforeEach
    void register() {
        var registered = app.registerAccount().register(RegistrationAndLoginTest.command("lola@example.com", "Lola"));
        owner = new Actor.Member(registered.userId());
        business = registered.businessId();
        slug = registered.businessSlug().value();
    }

    private Actor.Member join(Role role) {
        String email = role.code() + "@example.com";
        Actor.Member user = new Actor.Member(app.registerAccount()
                .register(RegistrationAndLoginTest.command(email, email))
                .userId());
        app.invitations()
                .accept(
                        user,
                        app.members()
                                .invite(owner, business, email, role.code())
                                .id());
        return user;
    }

    @Test
    void an_owner_or_admin_uploads_it_and_anyone_sees_it_by_the_business_slug() {
        assertThat(app.logos().published(slug)).isEmpty();

        Logo uploaded = app.logos().upload(owner, business, PNG);

        assertThat(app.logos().published(slug)).contains(uploaded);
        assertThat(app.logos().published("no-such-salon")).isEmpty();
        assertThat(app.logos().published("Not A Slug!")).isEmpty();
        app.logos().remove(join(Role.ADMIN), business);
        assertThat(app.logos().published(slug)).isEmpty();
    }

    @Test
    void nobody_else_changes_it_and_what_is_not_an_image_is_refused() {
        app.logos().upload(owner, business, PNG);
        Actor.Member manager = join(Role.MANAGER);
        Actor.Member stranger = new Actor.Member(app.registerAccount()
                .register(RegistrationAndLoginTest.command("pepe@example.com", "Pepe"))
                .userId());

        assertThatThrownBy(() -> app.logos().upload(manager, business, PNG)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> app.logos().remove(manager, business)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> app.logos().upload(stranger, business, PNG)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> app.logos().upload(owner, business, "GIF89a".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(InvalidValueException.class);
        assertThat(app.logos().published(slug))
                .hasValueSatisfying(logo -> assertThat(logo.bytes()).isEqualTo(PNG));
    }

    @Test
    void a_closed_business_shows_no_logo() {
        app.logos().upload(owner, business, PNG);

        app.businesses().delete(owner, business);

        assertThat(app.logos().published(slug)).isEmpty();
    }
}
