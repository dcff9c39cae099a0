package com.voiceappoint.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.application.error.ForbiddenException;
import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.ManageBusinessesUseCase;
import com.voiceappoint.application.port.in.MembersUseCase;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Invitation;
import com.voiceappoint.domain.business.OnboardingStatus;
import com.voiceappoint.domain.business.Role;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.InvalidValueException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BusinessesAndMembersTest {
    private final OutboundPorts ports = InMemoryAdapters.create();
    private final UseCases app =
            Interactors.create(ports, Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
    private Actor.Member owner;
    private BusinessId business;

    @BeforeEach
    void register() {
        var registered = app.registerAccount().register(RegistrationAndLoginTest.command("lola@example.com", "Lola"));
        owner = new Actor.Member(registered.userId());
        business = registered.businessId();
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

    private static ManageBusinessesUseCase.Changes changes(Map<String, Object> values) {
        return new ManageBusinessesUseCase.Changes(
                Optional.ofNullable((String) values.get("name")),
                Optional.empty(),
                Optional.empty(),
                Optional.ofNullable((String) values.get("timezone")),
                Optional.ofNullable((String) values.get("currency")),
                Optional.ofNullable((String) values.get("country")),
                Optional.ofNullable((Boolean) values.get("voice")),
                Optional.ofNullable((Integer) values.get("step")),
                Optional.empty(),
                Optional.ofNullable((Integer) values.get("advance")),
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void an_owner_founds_a_second_business_and_lists_both() {
        var second = app.businesses()
                .create(
                        owner,
                        new ManageBusinessesUseCase.NewBusiness("Lola Dos", "spa", null, "Europe/Madrid", "EUR", "ES"));

        assertThat(second.slug().value()).isEqualTo("lola-dos");
        assertThat(app.businesses().mine(owner))
                .extracting(m -> m.business().name())
                .containsExactly("Lola", "Lola Dos");
        assertThat(ports.providers().findByUser(second.id(), owner.userId())).isPresent();
    }

    @Test
    void an_update_changes_only_what_is_given_and_the_policy_is_checked() {
        var updated = app.businesses()
                .update(
                        owner,
                        business,
                        changes(Map.of("name", "Lola Salón", "voice", false, "step", 30, "advance", 30)));

        assertThat(updated.name()).isEqualTo("Lola Salón");
        assertThat(updated.slug().value()).isEqualTo("lola");
        assertThat(updated.allowVoiceBooking()).isFalse();
        assertThat(updated.policy().slotStep()).isEqualTo(Duration.ofMinutes(30));
        assertThat(updated.policy().maximumAdvance()).isEqualTo(Duration.ofDays(30));
        assertThat(updated.zone().getId()).isEqualTo("Europe/Madrid");
        assertThatThrownBy(() -> app.businesses().update(owner, business, changes(Map.of("step", 1))))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("slotStepMinutes"));
        assertThatThrownBy(() -> app.businesses().update(owner, business, changes(Map.of("country", "XX"))))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("country"));
    }

    @Test
    void the_currency_cannot_change_once_services_are_priced() {
        assertThat(app.businesses()
                        .update(owner, business, changes(Map.of("currency", "USD")))
                        .currency()
                        .getCurrencyCode())
                .isEqualTo("USD");
        app.createService()
                .create(CreateServiceUseCase.Command.builder(owner, business, "Cut", 30, BigDecimal.TEN)
                        .build());

        assertThatThrownBy(() -> app.businesses().update(owner, business, changes(Map.of("currency", "EUR"))))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CURRENCY_IN_USE));
    }

    @Test
    void only_an_owner_closes_a_business_and_it_disappears() {
        Actor.Member admin = join(Role.ADMIN);

        assertThatThrownBy(() -> app.businesses().delete(admin, business)).isInstanceOf(ForbiddenException.class);
        app.businesses().delete(owner, business);

        assertThatThrownBy(() -> app.business().get(owner, business)).isInstanceOf(NotFoundException.class);
        assertThat(app.businesses().mine(admin))
                .extracting(m -> m.business().id())
                .doesNotContain(business);
    }

    @Test
    void dashboard_and_onboarding_are_read_and_changed() {
        var dashboard =
                app.settings().updateDashboard(owner, business, Optional.of("month"), Optional.of(7), Optional.empty());
        var onboarding = app.settings()
                .updateOnboarding(owner, business, Map.of("voice_agent", true, "business_profile", false));

        assertThat(dashboard.defaultView().code()).isEqualTo("month");
        assertThat(dashboard.firstDayOfWeek().getValue()).isEqualTo(7);
        assertThat(onboarding.completed()).containsExactly(OnboardingStatus.Step.VOICE_AGENT);
        assertThatThrownBy(() -> app.settings().updateOnboarding(owner, business, Map.of("flying", true)))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> app.settings()
                        .updateDashboard(
                                join(Role.MANAGER), business, Optional.of("day"), Optional.empty(), Optional.empty()))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void an_address_with_an_account_and_one_without_are_invited_alike_and_neither_joins_unasked() {
        Actor.Member registered = new Actor.Member(app.registerAccount()
                .register(RegistrationAndLoginTest.command("has.account@example.com", "Own Place"))
                .userId());

        Invitation toAccount = app.members().invite(owner, business, "Has.Account@Example.com", "staff");
        Invitation toNobody = app.members().invite(owner, business, "no.account@example.com", "staff");

        assertThat(toAccount.email().value()).isEqualTo("has.account@example.com");
        assertThat(toNobody.expiresAt()).isEqualTo(toAccount.expiresAt());
        assertThat(app.members().team(owner, business).members())
                .extracting(MembersUseCase.Member::userId)
                .containsExactly(owner.userId());
        assertThat(app.members().team(owner, business).invitations()).containsExactly(toAccount, toNobody);
        assertThat(app.invitations().pending(registered))
                .singleElement()
                .satisfies(p -> assertThat(p.business().id()).isEqualTo(business));
    }

    @Test
    void someone_invited_before_signing_up_sees_the_invitation_and_joins_only_by_accepting() {
        Invitation invitation = app.members().invite(owner, business, "New.Person@Example.com", "staff");

        var signedUp = app.registerAccount()
                .register(RegisterAccountUseCase.Command.builder("new.person@example.com", "s3cret-enough")
                        .fullName("New Person")
                        .language("en")
                        .build());
        Actor.Member newcomer = new Actor.Member(signedUp.userId());

        assertThat(signedUp.businessId()).as("no business of their own").isNull();
        assertThat(app.businesses().mine(newcomer)).isEmpty();
        assertThat(app.invitations().pending(newcomer))
                .extracting(p -> p.invitation().id())
                .containsExactly(invitation.id());

        var joined = app.invitations().accept(newcomer, invitation.id());

        assertThat(joined.business().id()).isEqualTo(business);
        assertThat(joined.role()).isEqualTo(Role.STAFF);
        assertThat(app.members().team(owner, business).members()).anySatisfy(m -> {
            assertThat(m.userId()).isEqualTo(newcomer.userId());
            assertThat(m.role()).isEqualTo(Role.STAFF);
        });
        assertThat(app.members().team(owner, business).invitations()).isEmpty();
        assertThatThrownBy(() -> app.invitations().accept(newcomer, invitation.id()))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void only_the_person_invited_answers_an_invitation() {
        Invitation invitation = app.members().invite(owner, business, "invited@example.com", "admin");
        Actor.Member other = new Actor.Member(app.registerAccount()
                .register(RegistrationAndLoginTest.command("other@example.com", "Other Place"))
                .userId());

        assertThatThrownBy(() -> app.invitations().accept(owner, invitation.id()))
                .as("the inviter knows the id, but it is not addressed to them")
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> app.invitations().accept(other, invitation.id()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> app.invitations().decline(other, invitation.id()))
                .isInstanceOf(NotFoundException.class);
        assertThat(app.invitations().pending(other)).isEmpty();
        assertThat(app.members().team(owner, business).invitations()).containsExactly(invitation);
    }

    @Test
    void a_declined_invitation_is_gone_and_an_expired_one_cannot_be_accepted() {
        Actor.Member invited = new Actor.Member(app.registerAccount()
                .register(RegistrationAndLoginTest.command("invited@example.com", "Invited Place"))
                .userId());
        Invitation declined = app.members().invite(owner, business, "invited@example.com", "staff");
        app.invitations().decline(invited, declined.id());
        assertThat(app.members().team(owner, business).invitations()).isEmpty();

        Invitation lapsing = app.members().invite(owner, business, "invited@example.com", "staff");
        UseCases later = Interactors.create(ports, Clock.fixed(lapsing.expiresAt(), ZoneOffset.UTC));

        assertThat(later.invitations().pending(invited)).isEmpty();
        assertThatThrownBy(() -> later.invitations().accept(invited, lapsing.id()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVITATION_EXPIRED));
        assertThat(later.members().team(owner, business).invitations())
                .as("still there for the business to see and send again")
                .containsExactly(lapsing);
    }

    @Test
    void inviting_a_member_is_refused() {
        join(Role.STAFF);

        assertThatThrownBy(() -> app.members().invite(owner, business, "staff@example.com", "viewer"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.ALREADY_MEMBER));
    }

    @Test
    void only_owners_make_or_unmake_owners() {
        Actor.Member admin = join(Role.ADMIN);
        Actor.Member staff = join(Role.STAFF);

        assertThatThrownBy(() -> app.members().invite(admin, business, "x@example.com", "owner"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> app.members().changeRole(admin, business, staff.userId(), "owner"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> app.members().changeRole(admin, business, owner.userId(), "viewer"))
                .isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> app.members().remove(admin, business, owner.userId()))
                .isInstanceOf(ForbiddenException.class);
        assertThat(app.members()
                        .changeRole(admin, business, staff.userId(), "manager")
                        .role())
                .isEqualTo(Role.MANAGER);
        assertThatThrownBy(() -> app.members().changeRole(staff, business, admin.userId(), "viewer"))
                .isInstanceOf(ForbiddenException.class);
    }

    @Test
    void the_last_owner_can_be_neither_demoted_nor_removed_but_a_second_owner_frees_them() {
        assertThatThrownBy(() -> app.members().changeRole(owner, business, owner.userId(), "admin"))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LAST_OWNER));
        assertThatThrownBy(() -> app.members().remove(owner, business, owner.userId()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.LAST_OWNER));

        Actor.Member partner = join(Role.OWNER);
        app.members().remove(owner, business, owner.userId());

        assertThat(app.members().team(partner, business).members())
                .extracting(m -> m.userId())
                .containsExactly(partner.userId());
    }

    @Test
    void anyone_may_leave_and_viewers_do_not_see_invitations() {
        Actor.Member viewer = join(Role.VIEWER);
        app.members().invite(owner, business, "someone@example.com", "staff");

        assertThat(app.members().team(viewer, business).invitations()).isEmpty();
        app.members().remove(viewer, business, viewer.userId());

        assertThatThrownBy(() -> app.members().team(viewer, business)).isInstanceOf(NotFoundException.class);
    }
}
