package com.voiceappoint.adapter.http.auth;

/** No credentials, or credentials we do not accept: always a 401, never a hint of which. */
public final class AuthenticationException extends RuntimeException {
    /** No {@code Authorization} header on a route that needs one. */
    public static final String REQUIRED = "AUTHENTICATION_REQUIRED";
    /** A token that is not a bearer token, expired, tampered with, not ours, or of a login that ended. */
    public static final String INVALID_TOKEN = "INVALID_TOKEN";

    private final String code;

    private AuthenticationException(String code) {
        super(code, null, false, false);
        this.code = code;
    }

    public static AuthenticationException required() {
        return new AuthenticationException(REQUIRED);
    }

    public static AuthenticationException invalidToken() {
        return new AuthenticationException(INVALID_TOKEN);
    }

    /** The problem's code on the wire. */
    public String code() {
        return code;
    }
}
