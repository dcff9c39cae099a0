package com.voiceappoint.application.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.DashboardConfig;
import com.voiceappoint.domain.business.Membership;
import com.voiceappoint.domain.business.OnboardingStatus;
import com.voiceappoint.domain.business.Role;
import com.voiceappoint.domain.shared.Language;
import java.time.Instant;
import java.util.List;
import java.util.Set;
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
                business.policy());

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
}
