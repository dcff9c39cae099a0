package com.voiceappoint.domain.business;

/** Something a member may do inside one business. */
public enum Permission {
    VIEW_BUSINESS,
    MANAGE_SETTINGS,
    DELETE_BUSINESS,
    MANAGE_MEMBERS,
    MANAGE_OWNERS,
    MANAGE_CATALOG,
    MANAGE_SCHEDULE,
    MANAGE_OWN_SCHEDULE,
    MANAGE_CLIENTS,
    MANAGE_APPOINTMENTS,
    MANAGE_OWN_APPOINTMENTS,
}
