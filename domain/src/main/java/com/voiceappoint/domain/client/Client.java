package com.voiceappoint.domain.client;

import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import java.util.Objects;
import java.util.Optional;

/** Someone who books with one business, known by phone number and/or e-mail. */
public record Client(
        ClientId id,
        BusinessId businessId,
        String name,
        Optional<PhoneNumber> phone,
        Optional<EmailAddress> email,
        Optional<Language> language) {
    public static final int MAX_NAME_LENGTH = 150;

    public Client {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(language, "language");
        InvalidValueException.check(name != null && !name.isBlank(), "clientName", "a client name is required");
        name = name.strip();
        InvalidValueException.check(
                name.length() <= MAX_NAME_LENGTH, "clientName", "a client name is at most 150 characters");
        InvalidValueException.check(
                phone.isPresent() || email.isPresent(),
                "clientPhone",
                "a client needs a phone number or an e-mail address");
    }
}
