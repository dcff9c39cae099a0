package com.voiceappoint.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.BookingPolicy;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.BusinessType;
import com.voiceappoint.domain.business.DashboardConfig;
import com.voiceappoint.domain.business.Invitation;
import com.voiceappoint.domain.business.Membership;
import com.voiceappoint.domain.business.OnboardingStatus;
import com.voiceappoint.domain.business.Role;
import com.voiceappoint.domain.shared.CountryCode;
import com.voiceappoint.domain.shared.Language;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every implementation of the user, business and membership ports must do. */
public abstract class AccountRepositoriesContract {
    protected OutboundPorts ports;

    protected abstract OutboundPorts newPorts();

    @BeforeEach
    void setUpPorts() {
        ports = newPorts();
    }

    @Test
    void a_user_is_found_by_id_and_by_email_in_any_case() {
        User user = TestData.user(ports);

        assertThat(ports.users().findById(user.id())).contains(user);
        assertThat(ports.users()
                        .findByEmail(new EmailAddress(user.email().value().toUpperCase())))
                .contains(user);
        assertThat(ports.users().findById(UserId.random())).isEmpty();
    }

    @Test
    void a_user_update_changes_name_language_and_password_hash() {
        User user = TestData.user(ports);
        User changed = new User(user.id(), user.email(), "new-hash", "New Name", Language.EN, user.createdAt());

        ports.users().update(changed);

        assertThat(ports.users().findById(user.id())).contains(changed);
    }

    @Test
    void an_email_registers_once() {
        User user = TestData.user(ports);
        User twin = new User(UserId.random(), user.email(), "other", "Twin", Language.EN, Instant.now());

        assertThatThrownBy(() -> ports.users().add(twin))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class,
                        e -> assertThat(e.key()).isEqualTo(DuplicateKeyException.Key.USER_EMAIL));
    }

    @Test
    void a_business_round_trips_with_its_dashboard_and_onboarding() {
        Business business = TestData.tenant(ports).business();

        assertThat(ports.businesses().findById(business.id())).contains(business);
        assertThat(ports.businesses().findBySlug(business.slug())).contains(business);
        assertThat(ports.businesses().slugExists(business.slug())).isTrue();
        assertThat(ports.businesses().dashboardConfig(business.id()))
                .contains(DashboardConfig.defaultsFor(business.id()));
        assertThat(ports.businesses().onboardingStatus(business.id()))
                .contains(OnboardingStatus.justRegistered(business.id()));
        assertThat(ports.businesses().findByIds(List.of(business.id(), BusinessId.random())))
                .containsExactly(business);
    }

    @Test
    void a_slug_is_taken_once() {
        Business business = TestData.tenant(ports).business();
        Business copy = new Business(
                BusinessId.random(),
                business.slug(),
                "Copy",
                business.type(),
                business.language(),
                business.zone(),
                business.currency(),
                true,
                business.policy(),
                business.country());

        assertThatThrownBy(() -> ports.businesses()
                        .add(copy, DashboardConfig.defaultsFor(copy.id()), OnboardingStatus.justRegistered(copy.id())))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class,
                        e -> assertThat(e.key()).isEqualTo(DuplicateKeyException.Key.BUSINESS_SLUG));
    }

    @Test
    void completing_an_onboarding_step_twice_records_it_once() {
        BusinessId id = TestData.tenant(ports).id();

        ports.businesses().completeOnboardingStep(id, OnboardingStatus.Step.SERVICES);
        ports.businesses().completeOnboardingStep(id, OnboardingStatus.Step.SERVICES);

        assertThat(ports.businesses().onboardingStatus(id))
                .hasValueSatisfying(s -> assertThat(s.completed())
                        .isEqualTo(Set.of(OnboardingStatus.Step.BUSINESS_PROFILE, OnboardingStatus.Step.SERVICES)));
    }

    @Test
    void memberships_are_found_per_business_and_per_user() {
        TestData.Tenant first = TestData.tenant(ports);
        TestData.Tenant second = TestData.tenant(ports);
        ports.memberships().add(new Membership(second.id(), first.owner().id(), Role.VIEWER));

        assertThat(ports.memberships().find(first.id(), first.owner().id()))
                .contains(new Membership(first.id(), first.owner().id(), Role.OWNER));
        assertThat(ports.memberships().find(first.id(), second.owner().id())).isEmpty();
        assertThat(ports.memberships().findByUser(first.owner().id()))
                .containsExactlyInAnyOrder(
                        new Membership(first.id(), first.owner().id(), Role.OWNER),
                        new Membership(second.id(), first.owner().id(), Role.VIEWER));
    }

    @Test
    void a_business_update_changes_everything_but_the_slug() {
        Business business = TestData.tenant(ports).business();
        Business changed = new Business(
                business.id(),
                business.slug(),
                "Renamed",
                BusinessType.SPA,
                Language.EN,
                ZoneId.of("America/New_York"),
                Currency.getInstance("USD"),
                false,
                new BookingPolicy(
                        Duration.ofMinutes(30),
                        Duration.ZERO,
                        Duration.ofDays(10),
                        Duration.ofHours(2),
                        Duration.ofMinutes(3)),
                Optional.of(new CountryCode("US")));

        ports.businesses().update(changed);

        assertThat(ports.businesses().findById(business.id())).contains(changed);
    }

    @Test
    void a_deleted_business_disappears_with_its_memberships_but_keeps_its_slug() {
        TestData.Tenant tenant = TestData.tenant(ports);

        ports.businesses().softDelete(tenant.id(), Instant.parse("2026-11-21T10:00:00Z"));

        assertThat(ports.businesses().findById(tenant.id())).isEmpty();
        assertThat(ports.businesses().findBySlug(tenant.business().slug())).isEmpty();
        assertThat(ports.businesses().slugExists(tenant.business().slug())).isTrue();
        assertThat(ports.memberships().findByUser(tenant.owner().id())).isEmpty();
        assertThat(ports.memberships().find(tenant.id(), tenant.owner().id())).isEmpty();
    }

    @Test
    void dashboard_and_onboarding_are_saved_whole() {
        BusinessId id = TestData.tenant(ports).id();
        DashboardConfig dashboard = new DashboardConfig(id, DashboardConfig.CalendarView.DAY, DayOfWeek.SUNDAY, true);
        OnboardingStatus onboarding = new OnboardingStatus(id, Set.of(OnboardingStatus.Step.VOICE_AGENT));

        ports.businesses().saveDashboardConfig(dashboard);
        ports.businesses().saveOnboardingStatus(onboarding);

        assertThat(ports.businesses().dashboardConfig(id)).contains(dashboard);
        assertThat(ports.businesses().onboardingStatus(id)).contains(onboarding);
    }

    @Test
    void a_team_is_listed_locked_changed_and_shrunk() {
        TestData.Tenant tenant = TestData.tenant(ports);
        User staff = TestData.user(ports);
        ports.memberships().add(new Membership(tenant.id(), staff.id(), Role.STAFF));
        ports.memberships().add(new Membership(tenant.id(), staff.id(), Role.MANAGER));

        List<Membership> team =
                ports.transactions().inTransaction(() -> ports.memberships().lockTeam(tenant.id()));

        assertThat(team)
                .containsExactlyInAnyOrder(
                        new Membership(tenant.id(), tenant.owner().id(), Role.OWNER),
                        new Membership(tenant.id(), staff.id(), Role.MANAGER));
        assertThat(ports.memberships().findByBusiness(tenant.id())).containsExactlyInAnyOrderElementsOf(team);
        assertThat(ports.memberships().remove(tenant.id(), staff.id())).isTrue();
        assertThat(ports.memberships().remove(tenant.id(), staff.id())).isFalse();
        assertThat(ports.memberships().findByBusiness(tenant.id())).hasSize(1);
        assertThat(ports.users().findByIds(List.of(tenant.owner().id(), staff.id(), UserId.random())))
                .extracting(User::id)
                .containsExactlyInAnyOrder(tenant.owner().id(), staff.id());
    }

    @Test
    void joining_adds_a_membership_only_once_and_keeps_the_role_already_held() {
        TestData.Tenant tenant = TestData.tenant(ports);
        User staff = TestData.user(ports);

        assertThat(ports.memberships().join(new Membership(tenant.id(), staff.id(), Role.STAFF)))
                .isTrue();
        assertThat(ports.memberships().join(new Membership(tenant.id(), staff.id(), Role.ADMIN)))
                .isFalse();
        assertThat(ports.memberships()
                        .join(new Membership(tenant.id(), tenant.owner().id(), Role.VIEWER)))
                .isFalse();

        assertThat(ports.memberships().find(tenant.id(), staff.id()))
                .contains(new Membership(tenant.id(), staff.id(), Role.STAFF));
        assertThat(ports.memberships().find(tenant.id(), tenant.owner().id()))
                .contains(new Membership(tenant.id(), tenant.owner().id(), Role.OWNER));
    }

    private static final Instant SENT = Instant.parse("2026-11-21T10:00:00Z");

    private static EmailAddress someone() {
        return new EmailAddress("invited-" + UUID.randomUUID() + "@example.com");
    }

    @Test
    void one_invitation_per_business_and_email_renewed_under_the_same_id_until_it_is_removed() {
        TestData.Tenant tenant = TestData.tenant(ports);
        EmailAddress email = someone();
        Invitation first = ports.invitations()
                .save(Invitation.send(
                        tenant.id(), email, Role.STAFF, tenant.owner().id(), SENT));

        Invitation again = ports.invitations()
                .save(Invitation.send(
                        tenant.id(), email, Role.MANAGER, tenant.owner().id(), SENT.plus(Duration.ofDays(1))));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.role()).isEqualTo(Role.MANAGER);
        assertThat(again.expiresAt()).isEqualTo(SENT.plus(Duration.ofDays(1)).plus(Invitation.LIFETIME));
        assertThat(ports.invitations().findByBusiness(tenant.id())).containsExactly(again);
        assertThat(ports.invitations().remove(TestData.tenant(ports).id(), again.id()))
                .isFalse();
        assertThat(ports.invitations().remove(tenant.id(), again.id())).isTrue();
        assertThat(ports.invitations().findByBusiness(tenant.id())).isEmpty();
    }

    @Test
    void pending_invitations_are_those_to_the_email_not_expired_from_businesses_that_exist() {
        EmailAddress email = someone();
        TestData.Tenant first = TestData.tenant(ports);
        TestData.Tenant second = TestData.tenant(ports);
        TestData.Tenant closed = TestData.tenant(ports);
        Invitation fromFirst = ports.invitations()
                .save(Invitation.send(
                        first.id(), email, Role.STAFF, first.owner().id(), SENT));
        Invitation fromSecond = ports.invitations()
                .save(Invitation.send(
                        second.id(), email, Role.VIEWER, second.owner().id(), SENT.plus(Duration.ofDays(10))));
        ports.invitations()
                .save(Invitation.send(
                        closed.id(), email, Role.STAFF, closed.owner().id(), SENT));
        ports.invitations()
                .save(Invitation.send(
                        first.id(), someone(), Role.STAFF, first.owner().id(), SENT));
        ports.businesses().softDelete(closed.id(), SENT);

        assertThat(ports.invitations().findPending(email, SENT.plusSeconds(1))).containsExactly(fromFirst, fromSecond);
        assertThat(ports.invitations().findPending(email, fromFirst.expiresAt()))
                .as("the first has lapsed")
                .containsExactly(fromSecond);
        assertThat(ports.invitations().findAddressedTo(fromFirst.id(), email)).contains(fromFirst);
        assertThat(ports.invitations().findAddressedTo(fromFirst.id(), someone()))
                .isEmpty();
    }

    @Test
    void an_invitation_is_taken_once_only_by_its_addressee_and_not_once_expired() {
        TestData.Tenant tenant = TestData.tenant(ports);
        EmailAddress email = someone();
        Invitation invitation = ports.invitations()
                .save(Invitation.send(
                        tenant.id(), email, Role.STAFF, tenant.owner().id(), SENT));
        Invitation lapsed = ports.invitations()
                .save(Invitation.send(
                        tenant.id(), someone(), Role.STAFF, tenant.owner().id(), SENT));

        assertThat(ports.invitations().take(invitation.id(), someone(), SENT)).isEmpty();
        assertThat(ports.invitations().take(lapsed.id(), lapsed.email(), lapsed.expiresAt()))
                .isEmpty();
        assertThat(ports.invitations().take(invitation.id(), email, SENT)).contains(invitation);
        assertThat(ports.invitations().take(invitation.id(), email, SENT)).isEmpty();
        assertThat(ports.invitations().findByBusiness(tenant.id())).containsExactly(lapsed);
    }

    @Test
    void an_invitation_is_declined_only_by_its_addressee() {
        TestData.Tenant tenant = TestData.tenant(ports);
        EmailAddress email = someone();
        Invitation invitation = ports.invitations()
                .save(Invitation.send(
                        tenant.id(), email, Role.STAFF, tenant.owner().id(), SENT));

        assertThat(ports.invitations().removeAddressedTo(invitation.id(), someone()))
                .isFalse();
        assertThat(ports.invitations().removeAddressedTo(invitation.id(), email))
                .isTrue();
        assertThat(ports.invitations().findByBusiness(tenant.id())).isEmpty();
    }
}
