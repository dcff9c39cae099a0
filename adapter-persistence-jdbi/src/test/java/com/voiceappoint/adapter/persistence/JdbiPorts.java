package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.port.out.PasswordHasher;

/** The persistence adapters as a full port set, with whatever password hasher the test needs. */
public final class JdbiPorts {
    private JdbiPorts() {}

    public static OutboundPorts with(PostgresPersistence persistence, PasswordHasher hasher) {
        return new OutboundPorts(
                persistence.transactions(),
                persistence.users(),
                persistence.businesses(),
                persistence.memberships(),
                persistence.providers(),
                persistence.services(),
                persistence.schedules(),
                persistence.clients(),
                persistence.appointments(),
                hasher);
    }
}
