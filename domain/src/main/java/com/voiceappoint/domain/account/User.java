package com.voiceappoint.domain.account;

import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import java.time.Instant;
import java.util.Objects;

/**
 * A person who logs in to manage one or more businesses. The password hash is opaque here: producing and
 * checking it is the job of a vetted library behind a port.
 */
public record User(
        UserId id, EmailAddress email, String passwordHash, String fullName, Language language, Instant createdAt) {
    public static final int MAX_NAME_LENGTH = 150;

    public User {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(createdAt, "createdAt");
        fullName = fullName == null ? "" : fullName.strip();
        InvalidValueException.check(
                fullName.length() <= MAX_NAME_LENGTH, "fullName", "a name is at most 150 characters");
    }
}
