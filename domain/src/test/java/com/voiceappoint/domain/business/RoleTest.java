package com.voiceappoint.domain.business;

import static com.voiceappoint.domain.business.Permission.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The role matrix of the product spec, written out in full so a change to it is a visible diff. */
class RoleTest {
    @Test
    void owner_does_everything() {
        assertThat(allowed(Role.OWNER)).isEqualTo(EnumSet.allOf(Permission.class));
    }

    @Test
    void admin_does_everything_but_delete_the_business_or_change_owners() {
        assertThat(allowed(Role.ADMIN)).isEqualTo(EnumSet.complementOf(EnumSet.of(DELETE_BUSINESS, MANAGE_OWNERS)));
    }

    @Test
    void manager_runs_catalogue_hours_clients_and_appointments() {
        assertThat(allowed(Role.MANAGER))
                .isEqualTo(EnumSet.of(
                        VIEW_BUSINESS,
                        MANAGE_CATALOG,
                        MANAGE_SCHEDULE,
                        MANAGE_OWN_SCHEDULE,
                        MANAGE_CLIENTS,
                        MANAGE_APPOINTMENTS,
                        MANAGE_OWN_APPOINTMENTS));
    }

    @Test
    void staff_see_the_business_and_look_after_their_own() {
        assertThat(allowed(Role.STAFF))
                .isEqualTo(EnumSet.of(VIEW_BUSINESS, MANAGE_OWN_SCHEDULE, MANAGE_OWN_APPOINTMENTS));
    }

    @Test
    void viewer_only_reads() {
        assertThat(allowed(Role.VIEWER)).isEqualTo(EnumSet.of(VIEW_BUSINESS));
    }

    private static Set<Permission> allowed(Role role) {
        Set<Permission> result = EnumSet.noneOf(Permission.class);
        for (Permission p : Permission.values()) {
            if (role.allows(p)) {
                result.add(p);
            }
        }
        return result;
    }
}
