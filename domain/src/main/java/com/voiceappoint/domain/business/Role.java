package com.voiceappoint.domain.business;

import static com.voiceappoint.domain.business.Permission.*;

import com.voiceappoint.domain.shared.InvalidValueException;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * A member's role in a business. Owner and admin manage everything, but only an owner deletes the business or
 * changes who the owners are; a manager runs the catalogue, hours, clients and appointments; staff see the
 * business and look after their own appointments and schedule; a viewer only reads.
 */
public enum Role {
    OWNER(EnumSet.allOf(Permission.class)),
    ADMIN(EnumSet.complementOf(EnumSet.of(DELETE_BUSINESS, MANAGE_OWNERS))),
    MANAGER(EnumSet.of(
            VIEW_BUSINESS,
            MANAGE_CATALOG,
            MANAGE_SCHEDULE,
            MANAGE_OWN_SCHEDULE,
            MANAGE_CLIENTS,
            MANAGE_APPOINTMENTS,
            MANAGE_OWN_APPOINTMENTS)),
    STAFF(EnumSet.of(VIEW_BUSINESS, MANAGE_OWN_SCHEDULE, MANAGE_OWN_APPOINTMENTS)),
    VIEWER(EnumSet.of(VIEW_BUSINESS));

    private final Set<Permission> permissions;

    Role(Set<Permission> permissions) {
        this.permissions = permissions;
    }

    public boolean allows(Permission permission) {
        return permissions.contains(permission);
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String code) {
        InvalidValueException.check(code != null, "role", "a role is required");
        try {
            return valueOf(code.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("role", "unknown role " + code);
        }
    }
}
