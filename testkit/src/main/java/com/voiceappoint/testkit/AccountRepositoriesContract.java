package com.voiceappoint.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.InvitationRepository;
import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.application.port.out.UserRepository;
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
public abstract class AccountRepositoriesContract<
        U extends UserRepository,
        B extends BusinessRepository,
        M extends MembershipRepository,
        I extends InvitationRepository> {
    protected U users;
    protected B businesses;
    protected M memberships;
    protected I invitations;
    protected TestData data;

    /**
     * The stores under test, made anew before each test, and the {@link TestData} that writes what they refer to
     * into the same database.
     */
    protected abstract U createUserRepository();

    protected abstract B createBusinessRepository();

    protected abstract M createMembershipRepository();

    protected abstract I createInvitationRepository();

    protected abstract TestData testData();

    @BeforeEach
    void setUpPorts() {
        users = createUserRepository();
        businesses = createBusinessRepository();
        memberships = createMembershipRepository();
        invitations = createInvitationRepository();
        data = testData();
    }

    @Test
    void a_user_is_found_by_id_and_by_email_in_any_case() {
        User user = data.user();

        assertThat(users.findById(user.id())).contains(user);
        assertThat(users.findByEmail(new EmailAddress(user.email().value().toUpperCase())))
                .contains(user);
        assertThat(users.findById(UserId.random())).isEmpty();
    }

    @Test
    void a_user_update_changes_name_language_and_password_hash() {
        User user = data.user();
        User changed = new User(user.id(), user.email(), "new-hash", "New Name", Language.EN, user.createdAt());

        users.update(changed);

        assertThat(users.findById(user.id())).contains(changed);
    }

    @Test
    void an_email_registers_once() {
        User user = data.user();
        User twin = new User(UserId.random(), user.email(), "other", "Twin", Language.EN, Instant.now());

        assertThatThrownBy(() -> users.add(twin))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class,
                        e -> assertThat(e.key()).isEqualTo(DuplicateKeyException.Key.USER_EMAIL));
    }

    @Test
    void a_business_round_trips_with_its_dashboard_and_onboarding() {
        Business business = data.tenant().business();

        assertThat(businesses.findById(business.id())).contains(business);
        assertThat(businesses.findBySlug(business.slug())).contains(business);
        assertThat(businesses.slugExists(business.slug())).isTrue();
        assertThat(businesses.dashboardConfig(business.id())).contains(DashboardConfig.defaultsFor(business.id()));
        assertThat(businesses.onboardingStatus(business.id())).contains(OnboardingStatus.justRegistered(business.id()));
        assertThat(businesses.findByIds(List.of(business.id(), BusinessId.random())))
                .containsExactly(business);
    }

    @Test
    void a_slug_is_taken_once() {
        Business business = data.tenant().business();
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

        assertThatThrownBy(() -> businesses.add(
                        copy, DashboardConfig.defaultsFor(copy.id()), OnboardingStatus.justRegistered(copy.id())))
                .isInstanceOfSatisfying(
                        DuplicateKeyException.class,
                        e -> assertThat(e.key()).isEqualTo(DuplicateKeyException.Key.BUSINESS_SLUG));
    }

    @Test
    void completing_an_onboarding_step_twice_records_it_once() {
        BusinessId id = data.tenant().id();

        businesses.completeOnboardingStep(id, OnboardingStatus.Step.SERVICES);
        businesses.completeOnboardingStep(id, OnboardingStatus.Step.SERVICES);

        assertThat(businesses.onboardingStatus(id))
                .hasValueSatisfying(s -> assertThat(s.completed())
                        .isEqualTo(Set.of(OnboardingStatus.Step.BUSINESS_PROFILE, OnboardingStatus.Step.SERVICES)));
    }

    @Test
    void memberships_are_found_per_business_and_per_user() {
        TestData.Tenant first = data.tenant();
        TestData.Tenant second = data.tenant();
        memberships.add(new Membership(second.id(), first.owner().id(), Role.VIEWER));

        assertThat(memberships.find(first.id(), first.owner().id()))
                .contains(new Membership(first.id(), first.owner().id(), Role.OWNER));
        assertThat(memberships.find(first.id(), second.owner().id())).isEmpty();
        assertThat(memberships.findByUser(first.owner().id()))
                .containsExactlyInAnyOrder(
                        new Membership(first.id(), first.owner().id(), Role.OWNER),
                        new Membership(second.id(), first.owner().id(), Role.VIEWER));
    }

    @Test
    void a_business_update_changes_everything_but_the_slug() {
        Business business = data.tenant().business();
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

        businesses.update(changed);

        assertThat(businesses.findById(business.id())).contains(changed);
    }

    @Test
    void a_deleted_business_disappears_with_its_memberships_but_keeps_its_slug() {
        TestData.Tenant tenant = data.tenant();

        businesses.softDelete(tenant.id(), Instant.parse("2026-11-21T10:00:00Z"));

        assertThat(businesses.findById(tenant.id())).isEmpty();
        assertThat(businesses.findBySlug(tenant.business().slug())).isEmpty();
        assertThat(businesses.slugExists(tenant.business().slug())).isTrue();
        assertThat(memberships.findByUser(tenant.owner().id())).isEmpty();
        assertThat(memberships.find(tenant.id(), tenant.owner().id())).isEmpty();
    }

    @Test
    void dashboard_and_onboarding_are_saved_whole() {
        BusinessId id = data.tenant().id();
        DashboardConfig dashboard = new DashboardConfig(id, DashboardConfig.CalendarView.DAY, DayOfWeek.SUNDAY, true);
        OnboardingStatus onboarding = new OnboardingStatus(id, Set.of(OnboardingStatus.Step.VOICE_AGENT));

        businesses.saveDashboardConfig(dashboard);
        businesses.saveOnboardingStatus(onboarding);

        assertThat(businesses.dashboardConfig(id)).contains(dashboard);
        assertThat(businesses.onboardingStatus(id)).contains(onboarding);
    }

    @Test
    void a_team_is_listed_locked_changed_and_shrunk() {
        TestData.Tenant tenant = data.tenant();
        User staff = data.user();
        memberships.add(new Membership(tenant.id(), staff.id(), Role.STAFF));
        memberships.add(new Membership(tenant.id(), staff.id(), Role.MANAGER));

        List<Membership> team = data.transactions().inTransaction(() -> memberships.lockTeam(tenant.id()));

        assertThat(team)
                .containsExactlyInAnyOrder(
                        new Membership(tenant.id(), tenant.owner().id(), Role.OWNER),
                        new Membership(tenant.id(), staff.id(), Role.MANAGER));
        assertThat(memberships.findByBusiness(tenant.id())).containsExactlyInAnyOrderElementsOf(team);
        assertThat(memberships.remove(tenant.id(), staff.id())).isTrue();
        assertThat(memberships.remove(tenant.id(), staff.id())).isFalse();
        assertThat(memberships.findByBusiness(tenant.id())).hasSize(1);
        assertThat(users.findByIds(List.of(tenant.owner().id(), staff.id(), UserId.random())))
                .extracting(User::id)
                .containsExactlyInAnyOrder(tenant.owner().id(), staff.id());
    }

    @Test
    void joining_adds_a_membership_only_once_and_keeps_the_role_already_held() {
        TestData.Tenant tenant = data.tenant();
        User staff = data.user();

        assertThat(memberships.join(new Membership(tenant.id(), staff.id(), Role.STAFF)))
                .isTrue();
        assertThat(memberships.join(new Membership(tenant.id(), staff.id(), Role.ADMIN)))
                .isFalse();
        assertThat(memberships.join(new Membership(tenant.id(), tenant.owner().id(), Role.VIEWER)))
                .isFalse();

        assertThat(memberships.find(tenant.id(), staff.id()))
                .contains(new Membership(tenant.id(), staff.id(), Role.STAFF));
        assertThat(memberships.find(tenant.id(), tenant.owner().id()))
                .contains(new Membership(tenant.id(), tenant.owner().id(), Role.OWNER));
    }

    private static final Instant SENT = Instant.parse("2026-11-21T10:00:00Z");

    private static EmailAddress someone() {
        return new EmailAddress("invited-" + UUID.randomUUID() + "@example.com");
    }

    @Test
    void one_invitation_per_business_and_email_renewed_under_the_same_id_until_it_is_removed() {
        TestData.Tenant tenant = data.tenant();
        EmailAddress email = someone();
        Invitation first = invitations.save(
                Invitation.send(tenant.id(), email, Role.STAFF, tenant.owner().id(), SENT));

        Invitation again = invitations.save(
                Invitation.send(tenant.id(), email, Role.MANAGER, tenant.owner().id(), SENT.plus(Duration.ofDays(1))));

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.role()).isEqualTo(Role.MANAGER);
        assertThat(again.expiresAt()).isEqualTo(SENT.plus(Duration.ofDays(1)).plus(Invitation.LIFETIME));
        assertThat(invitations.findByBusiness(tenant.id())).containsExactly(again);
        assertThat(invitations.remove(data.tenant().id(), again.id())).isFalse();
        assertThat(invitations.remove(tenant.id(), again.id())).isTrue();
        assertThat(invitations.findByBusiness(tenant.id())).isEmpty();
    }

    @Test
    void pending_invitations_are_those_to_the_email_not_expired_from_businesses_that_exist() {
        EmailAddress email = someone();
        TestData.Tenant first = data.tenant();
        TestData.Tenant second = data.tenant();
        TestData.Tenant closed = data.tenant();
        Invitation fromFirst = invitations.save(
                Invitation.send(first.id(), email, Role.STAFF, first.owner().id(), SENT));
        Invitation fromSecond = invitations.save(
                Invitation.send(second.id(), email, Role.VIEWER, second.owner().id(), SENT.plus(Duration.ofDays(10))));
        invitations.save(
                Invitation.send(closed.id(), email, Role.STAFF, closed.owner().id(), SENT));
        invitations.save(
                Invitation.send(first.id(), someone(), Role.STAFF, first.owner().id(), SENT));
        businesses.softDelete(closed.id(), SENT);

        assertThat(invitations.findPending(email, SENT.plusSeconds(1))).containsExactly(fromFirst, fromSecond);
        assertThat(invitations.findPending(email, fromFirst.expiresAt()))
                .as("the first has lapsed")
                .containsExactly(fromSecond);
        assertThat(invitations.findAddressedTo(fromFirst.id(), email)).contains(fromFirst);
        assertThat(invitations.findAddressedTo(fromFirst.id(), someone())).isEmpty();
    }

    @Test
    void an_invitation_is_taken_once_only_by_its_addressee_and_not_once_expired() {
        TestData.Tenant tenant = data.tenant();
        EmailAddress email = someone();
        Invitation invitation = invitations.save(
                Invitation.send(tenant.id(), email, Role.STAFF, tenant.owner().id(), SENT));
        Invitation lapsed = invitations.save(Invitation.send(
                tenant.id(), someone(), Role.STAFF, tenant.owner().id(), SENT));

        assertThat(invitations.take(invitation.id(), someone(), SENT)).isEmpty();
        assertThat(invitations.take(lapsed.id(), lapsed.email(), lapsed.expiresAt()))
                .isEmpty();
        assertThat(invitations.take(invitation.id(), email, SENT)).contains(invitation);
        assertThat(invitations.take(invitation.id(), email, SENT)).isEmpty();
        assertThat(invitations.findByBusiness(tenant.id())).containsExactly(lapsed);
    }

    @Test
    void an_invitation_is_declined_only_by_its_addressee() {
        TestData.Tenant tenant = data.tenant();
        EmailAddress email = someone();
        Invitation invitation = invitations.save(
                Invitation.send(tenant.id(), email, Role.STAFF, tenant.owner().id(), SENT));

        assertThat(invitations.removeAddressedTo(invitation.id(), someone())).isFalse();
        assertThat(invitations.removeAddressedTo(invitation.id(), email)).isTrue();
        assertThat(invitations.findByBusiness(tenant.id())).isEmpty();
    }
}
