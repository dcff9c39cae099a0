package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.MembersUseCase;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.business.Role;
import com.voiceappoint.domain.shared.DomainException;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who works in the business, in which role, and who has been invited. Every member sees the team; those who manage
 * members invite, change roles and remove, and only owners do any of that to owners (or make someone one), as the
 * use cases rule. Each row offers only what the member looking at it may do to it.
 */
final class MemberPages implements PageGroup {
    private static final String BASE = "/dashboard/{" + Dashboards.SLUG + "}/settings";
    private static final Map<String, String> INVITE_FIELDS = Map.of("email", "email", "role", "role");

    private final WebPages pages;
    private final Dashboards dashboards;
    private final MembersUseCase members;

    MemberPages(WebPages pages, Dashboards dashboards, MembersUseCase members) {
        this.pages = pages;
        this.dashboards = dashboards;
        this.members = members;
    }

    @Override
    public void addTo(WebPages pages) {
        pages.get(
                BASE + "/members",
                ctx -> show(ctx, dashboards.open(ctx, SettingsPages.SECTION), SettingsForm.showing(Map.of())));
        pages.post(BASE + "/members/invite", this::invite);
        pages.post(BASE + "/members/{user}/role", this::changeRole);
        pages.post(BASE + "/members/{user}/remove", this::remove);
        pages.post(BASE + "/invitations/{invitation}/cancel", this::cancel);
    }

    private void show(Context ctx, Workplace w, SettingsForm form) {
        MembersUseCase.Team team = members.team(w.member(), w.business().id());
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(Locale.forLanguageTag(w.v().lang()))
                .withZone(w.business().zone());
        List<Team.Row> rows = team.members().stream()
                .map(m -> new Team.Row(m, m.userId().equals(w.member().userId()), manageable(w, m.role())))
                .toList();
        List<Team.Waiting> waiting = team.invitations().stream()
                .map(i -> new Team.Waiting(i, date.format(i.expiresAt())))
                .toList();
        if (form.hasErrors()) {
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
        }
        pages.render(
                ctx,
                "settings/members.jte",
                Map.of(
                        "w",
                        w,
                        "f",
                        form,
                        "notice",
                        form.hasErrors() ? Optional.empty() : SettingsPages.notice(ctx),
                        "team",
                        new Team(rows, waiting, assignable(w))));
    }

    /** Whether the member looking may change or remove someone in {@code role}: owners are for owners only. */
    private static boolean manageable(Workplace w, Role role) {
        return w.can(Permission.MANAGE_MEMBERS) && (role != Role.OWNER || w.can(Permission.MANAGE_OWNERS));
    }

    /** The roles the member looking may give: owner only by an owner. */
    private static List<Role> assignable(Workplace w) {
        return Arrays.stream(Role.values())
                .filter(role -> role != Role.OWNER || w.can(Permission.MANAGE_OWNERS))
                .toList();
    }

    private void invite(Context ctx) {
        Workplace w = SettingsPages.requiring(dashboards, ctx, Permission.MANAGE_MEMBERS);
        SettingsForm f = SettingsForm.submitted(ctx);
        Optional<String> email = f.needed("email", 254);
        Optional<String> role = f.needed("role", 20);
        if (email.isEmpty() || role.isEmpty()) {
            show(ctx, w, f);
            return;
        }
        try {
            members.invite(w.member(), w.business().id(), email.get(), role.get());
        } catch (DomainException refused) {
            f.refused(refused, INVITE_FIELDS);
            show(ctx, w, f);
            return;
        }
        SettingsPages.done(ctx, w, "members", "invited");
    }

    private void changeRole(Context ctx) {
        Workplace w = SettingsPages.requiring(dashboards, ctx, Permission.MANAGE_MEMBERS);
        UserId user = new UserId(uuid(ctx, "user"));
        SettingsForm f = SettingsForm.submitted(ctx);
        Optional<String> role = f.needed("role", 20);
        if (role.isEmpty()) {
            f.reject(SettingsForm.WHOLE, "settings.error.invalid");
            show(ctx, w, f);
            return;
        }
        try {
            members.changeRole(w.member(), w.business().id(), user, role.get());
        } catch (DomainException refused) {
            f.refused(refused, Map.of());
            show(ctx, w, f);
            return;
        }
        SettingsPages.done(ctx, w, "members", "role");
    }

    private void remove(Context ctx) {
        Workplace w = SettingsPages.requiring(dashboards, ctx, Permission.MANAGE_MEMBERS);
        UserId user = new UserId(uuid(ctx, "user"));
        try {
            members.remove(w.member(), w.business().id(), user);
        } catch (DomainException refused) {
            SettingsForm f = SettingsForm.submitted(ctx);
            f.refused(refused, Map.of());
            show(ctx, w, f);
            return;
        }
        SettingsPages.done(ctx, w, "members", "removed");
    }

    private void cancel(Context ctx) {
        Workplace w = SettingsPages.requiring(dashboards, ctx, Permission.MANAGE_MEMBERS);
        members.cancelInvitation(w.member(), w.business().id(), uuid(ctx, "invitation"));
        SettingsPages.done(ctx, w, "members", "cancelled");
    }

    /** An id in the path; one that cannot be an id names nothing there is. */
    private static UUID uuid(Context ctx, String param) {
        try {
            return UUID.fromString(ctx.pathParam(param));
        } catch (IllegalArgumentException notAnId) {
            throw PageException.notFound();
        }
    }
}
