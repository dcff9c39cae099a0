package com.voiceappoint.adapter.http.auth;

import io.javalin.security.RouteRole;

/** Who may call a route: anyone, or a member who presents a valid access token. */
public enum Access implements RouteRole {
    PUBLIC,
    MEMBER,
    /** A member, who may also prove it with a stream ticket in the query, since a browser's event source sends no headers. */
    STREAM
}
