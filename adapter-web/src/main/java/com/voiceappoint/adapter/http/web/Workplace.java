package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.business.Role;
import java.util.Objects;

/**
 * A signed-in member at one of their businesses' dashboard pages: who, where, and in what role, so a page shows only
 * what that role may do (the use cases refuse the rest anyway).
 *
 * @param section the dashboard section the page belongs to, for the navigation ({@code today}, {@code calendar}...)
 */
public record Workplace(Visit v, Actor.Member member, Business business, Role role, String section) {
    public Workplace {
        Objects.requireNonNull(v, "v");
        Objects.requireNonNull(member, "member");
        Objects.requireNonNull(business, "business");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(section, "section");
    }

    public boolean can(Permission permission) {
        return role.allows(permission);
    }

    /** The path of a page of this business's dashboard: {@code at("calendar")} is {@code /dashboard/ana/calendar}. */
    public String at(String page) {
        return "/dashboard/" + business.slug().value() + (page.isEmpty() ? "" : "/" + page);
    }

    public boolean isAt(String section) {
        return this.section.equals(section);
    }
}
