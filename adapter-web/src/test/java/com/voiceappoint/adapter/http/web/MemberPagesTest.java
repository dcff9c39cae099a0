package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.MembersUseCase;
import com.voiceappoint.domain.business.Invitation;
import com.voiceappoint.domain.business.Role;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The team page: owners and admins invite, change roles, remove and cancel invitations, and only owners do any of that
 * to owners; everyone else reads the team with no button, and a forged form is refused.
 */
class MemberPagesTest {
    @RegisterExtension
    static final WebServer SERVER = new WebServer();

    private final Salons salons = new Salons(SERVER);

    private static MembersUseCase.Team team(Salons.Salon salon) {
        return SERVER.useCases().members().team(salon.owner(), salon.id());
    }

    private static Optional<Role> roleOf(Salons.Salon salon, Actor.Member member) {
        return roleOf(salon.owner(), salon, member);
    }

    /** The member's role, as {@code asker} sees the team. */
    private static Optional<Role> roleOf(Actor.Member asker, Salons.Salon salon, Actor.Member member) {
        return SERVER.useCases().members().team(asker, salon.id()).members().stream()
                .filter(m -> m.userId().equals(member.userId()))
                .map(MembersUseCase.Member::role)
                .findFirst();
    }

    private static String path(Salons.Salon salon, Actor.Member member, String action) {
        return salon.at("settings/members/" + member.userId().value() + "/" + action);
    }

    @ParameterizedTest
    @ValueSource(strings = {"es", "en"})
    void an_owner_invites_changes_a_role_removes_a_member_and_cancels_an_invitation(String language) {
        Salons.Salon salon = salons.found(language);
        Actor.Member staff = salons.join(salon, Role.STAFF, language);
        Browser owner = salons.browserOf(salon.owner(), salon);
        String email = Salons.email();

        Browser.Page page = owner.get(salon.at("settings/members"));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains(language.equals("es") ? "Enviar invitación" : "Send invitation")
                .contains("<th scope=\"col\">", path(salon, staff, "role"), path(salon, staff, "remove"))
                .doesNotContain(path(salon, salon.owner(), "remove"));

        Browser.Page invited =
                owner.post(salon.at("settings/members/invite"), Map.of("email", email, "role", "manager"));
        assertThat(invited.status()).isEqualTo(303);
        Invitation invitation = team(salon).invitations().stream()
                .filter(i -> i.email().value().equals(email))
                .findFirst()
                .orElseThrow();
        assertThat(invitation.role()).isEqualTo(Role.MANAGER);
        assertThat(owner.get(invited.header("Location").orElseThrow()).body())
                .contains(
                        email,
                        language.equals("es") ? "La invitación está en camino." : "The invitation is on its way.");

        assertThat(owner.post(path(salon, staff, "role"), Map.of("role", "viewer"))
                        .status())
                .isEqualTo(303);
        assertThat(roleOf(salon, staff)).contains(Role.VIEWER);

        assertThat(owner.post(path(salon, staff, "remove"), Map.of()).status()).isEqualTo(303);
        assertThat(roleOf(salon, staff)).isEmpty();

        Browser.Page cancelled = owner.post(salon.at("settings/invitations/" + invitation.id() + "/cancel"), Map.of());
        assertThat(cancelled.status()).isEqualTo(303);
        assertThat(team(salon).invitations()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"es", "en"})
    void an_invitation_with_mistakes_names_them_and_sends_nothing(String language) {
        Salons.Salon salon = salons.found(language);
        Browser owner = salons.browserOf(salon.owner(), salon);

        Browser.Page wrong =
                owner.post(salon.at("settings/members/invite"), Map.of("email", "nobody", "role", "staff"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body())
                .contains(language.equals("es") ? "Este valor no es válido." : "This value is not valid.")
                .contains("id=\"email-error\"", "value=\"nobody\"");
        assertThat(owner.post(salon.at("settings/members/invite"), Map.of("email", Salons.email(), "role", "king"))
                        .status())
                .isEqualTo(422);
        assertThat(owner.post(salon.at("settings/members/invite"), Map.of("role", "staff"))
                        .status())
                .isEqualTo(422);
        assertThat(team(salon).invitations()).isEmpty();
    }

    @Test
    void the_last_owner_cannot_be_demoted_and_the_page_says_why() {
        Salons.Salon salon = salons.found("en");
        Actor.Member admin = salons.join(salon, Role.ADMIN, "en");
        Browser owner = salons.browserOf(salon.owner(), salon);
        Browser adminBrowser = salons.browserOf(admin, salon);

        assertThat(owner.post(path(salon, admin, "role"), Map.of("role", "owner"))
                        .status())
                .isEqualTo(303);
        assertThat(roleOf(salon, admin)).contains(Role.OWNER);
        assertThat(adminBrowser
                        .post(path(salon, salon.owner(), "role"), Map.of("role", "viewer"))
                        .status())
                .isEqualTo(303);
        assertThat(adminBrowser
                        .post(path(salon, salon.owner(), "remove"), Map.of())
                        .status())
                .isEqualTo(303);

        Browser.Page last = adminBrowser.post(path(salon, admin, "role"), Map.of("role", "staff"));
        assertThat(last.status()).isEqualTo(422);
        assertThat(last.body()).contains("A business always keeps at least one owner.");
        assertThat(roleOf(admin, salon, admin)).contains(Role.OWNER);
    }

    @Test
    void an_admin_manages_the_team_but_not_its_owners() {
        Salons.Salon salon = salons.found("en");
        Actor.Member admin = salons.join(salon, Role.ADMIN, "en");
        Actor.Member staff = salons.join(salon, Role.STAFF, "en");
        Browser browser = salons.browserOf(admin, salon);

        String page = browser.get(salon.at("settings/members")).body();
        assertThat(page)
                .contains("Send invitation", path(salon, staff, "role"))
                .doesNotContain(path(salon, salon.owner(), "role"), path(salon, salon.owner(), "remove"))
                .doesNotContain("value=\"owner\"");

        assertThat(browser.post(path(salon, salon.owner(), "role"), Map.of("role", "viewer"))
                        .status())
                .isEqualTo(403);
        assertThat(browser.post(path(salon, salon.owner(), "remove"), Map.of()).status())
                .isEqualTo(403);
        assertThat(browser.post(path(salon, staff, "role"), Map.of("role", "owner"))
                        .status())
                .isEqualTo(403);
        assertThat(browser.post(salon.at("settings/members/invite"), Map.of("email", Salons.email(), "role", "owner"))
                        .status())
                .isEqualTo(403);
        assertThat(roleOf(salon, salon.owner())).contains(Role.OWNER);
        assertThat(roleOf(salon, staff)).contains(Role.STAFF);

        assertThat(browser.post(path(salon, staff, "role"), Map.of("role", "manager"))
                        .status())
                .isEqualTo(303);
        assertThat(roleOf(salon, staff)).contains(Role.MANAGER);
    }

    @Test
    void a_manager_or_a_viewer_sees_the_team_with_no_button_and_a_forged_form_is_refused() {
        Salons.Salon salon = salons.found("en");
        Actor.Member staff = salons.join(salon, Role.STAFF, "en");
        SERVER.useCases().members().invite(salon.owner(), salon.id(), Salons.email(), "staff");
        UUID invitation = team(salon).invitations().get(0).id();

        for (Role role : List.of(Role.MANAGER, Role.VIEWER)) {
            Browser browser = salons.browserOf(salons.join(salon, role, "en"), salon);
            Browser.Page page = browser.get(salon.at("settings/members"));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body())
                    .as(role.code())
                    .contains("Pepe staff", "Lola Owner")
                    .doesNotContain("Send invitation", "Change role", ">Remove<", "/cancel", "Invitations waiting");

            assertThat(browser.post(
                                    salon.at("settings/members/invite"),
                                    Map.of("email", Salons.email(), "role", "staff"))
                            .status())
                    .isEqualTo(403);
            assertThat(browser.post(path(salon, staff, "role"), Map.of("role", "admin"))
                            .status())
                    .isEqualTo(403);
            assertThat(browser.post(path(salon, staff, "remove"), Map.of()).status())
                    .isEqualTo(403);
            assertThat(browser.post(salon.at("settings/invitations/" + invitation + "/cancel"), Map.of())
                            .status())
                    .isEqualTo(403);
        }
        assertThat(roleOf(salon, staff)).contains(Role.STAFF);
        assertThat(team(salon).invitations()).hasSize(1);
    }

    @Test
    void another_business_members_cannot_be_touched_and_garbled_ids_are_not_found() {
        Salons.Salon mine = salons.found("en");
        Salons.Salon theirs = salons.found("en");
        Actor.Member theirStaff = salons.join(theirs, Role.STAFF, "en");
        Browser owner = salons.browserOf(mine.owner(), mine);

        assertThat(owner.post(theirs.at("settings/members/invite"), Map.of("email", Salons.email(), "role", "staff"))
                        .status())
                .isEqualTo(404);
        assertThat(owner.post(path(theirs, theirStaff, "remove"), Map.of()).status())
                .isEqualTo(404);
        assertThat(owner.post(path(mine, theirStaff, "remove"), Map.of()).status())
                .as("their member, through my business")
                .isEqualTo(404);
        assertThat(owner.post(mine.at("settings/members/not-an-id/role"), Map.of("role", "staff"))
                        .status())
                .isEqualTo(404);
        assertThat(owner.post(mine.at("settings/invitations/not-an-id/cancel"), Map.of())
                        .status())
                .isEqualTo(404);
        assertThat(roleOf(theirs, theirStaff)).contains(Role.STAFF);
    }
}
