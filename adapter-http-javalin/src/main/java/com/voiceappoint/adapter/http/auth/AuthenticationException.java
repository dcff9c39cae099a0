package com.voiceappoint.adapter.http.auth;

import com.voiceappoint.domain.shared.ErrorCode;

/** No credentials, or credentials we do not accept: always a 401, never a hint of which. */
public final class AuthenticationException extends RuntimeException {
    private final ErrorCode code;

    public AuthenticationException(ErrorCode code) {
        super(code.name(), null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
