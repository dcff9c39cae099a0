package com.voiceappoint.application.error;

import java.util.Objects;

/**
 * Credentials the application does not accept: an e-mail and password that match no account, or a refresh token
 * that is unknown, spent, revoked or expired. It says which credential was refused, never what was wrong with it.
 */
public final class CredentialsRefusedException extends RuntimeException {
    /** The kind of credential that was presented. */
    public enum Credential {
        PASSWORD,
        REFRESH_TOKEN
    }

    private final Credential credential;

    public CredentialsRefusedException(Credential credential, String message) {
        super(message);
        this.credential = Objects.requireNonNull(credential, "credential");
    }

    public Credential credential() {
        return credential;
    }
}
