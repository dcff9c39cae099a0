package com.voiceappoint.adapter.http;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import com.voiceappoint.adapter.http.problem.InvalidRequestException;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.shared.CountryCode;
import java.util.Optional;

/**
 * Phone numbers as people type them ("600 12 34 56", "(415) 555-0123", "+34 600-123-456") turned into E.164 by
 * libphonenumber, reading local numbers as the business's country dials them. A number that cannot be a real one
 * there is refused, naming the field.
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private PhoneNumbers() {}

    public static Optional<String> e164(String field, String typed, Business business) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        String region = business.country().map(CountryCode::value).orElse("ZZ");
        try {
            Phonenumber.PhoneNumber number = UTIL.parse(typed, region);
            if (!UTIL.isPossibleNumber(number) || !UTIL.isValidNumber(number)) {
                throw InvalidRequestException.field(field, "invalid", "field.phone");
            }
            return Optional.of(UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            throw InvalidRequestException.field(field, "invalid", "field.phone");
        }
    }

    /** For a search: the digits someone typed, as an E.164 prefix when they make a whole number, else as typed. */
    public static String searchable(String typed, Business business) {
        try {
            return e164("q", typed, business).orElse(typed);
        } catch (InvalidRequestException notAWholeNumber) {
            return typed;
        }
    }
}
