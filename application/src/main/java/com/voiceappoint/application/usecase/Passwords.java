package com.voiceappoint.application.usecase;

import com.voiceappoint.domain.shared.InvalidValueException;

/** What a password must be: long enough to resist guessing, short enough to hash cheaply, not just spaces. */
final class Passwords {
    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 128;

    private Passwords() {}

    static void check(String field, String password) {
        InvalidValueException.check(password != null, field, "a password is required");
        InvalidValueException.check(password.length() >= MIN_LENGTH, field, "a password has at least 8 characters");
        InvalidValueException.check(password.length() <= MAX_LENGTH, field, "a password has at most 128 characters");
        InvalidValueException.check(!password.isBlank(), field, "a password cannot be only spaces");
    }
}
