package com.voiceappoint.domain.client;

import com.voiceappoint.domain.shared.InvalidValueException;
import java.util.regex.Pattern;

/**
 * A phone number in E.164 ({@code +34600123456}): the caller id a voice call arrives with, and the key a
 * business knows its clients by. Turning "600 12 34 56" into this form needs the business's country and a
 * numbering-plan library; that happens in an adapter before a value of this type is made.
 */
public record PhoneNumber(String value) {
    private static final Pattern E164 = Pattern.compile("^\\+[1-9]\\d{6,14}$");

    public PhoneNumber {
        InvalidValueException.check(value != null, "phone", "a phone number is required");
        InvalidValueException.check(
                E164.matcher(value).matches(), "phone", "a phone number is written in E.164, like +34600123456");
    }

    /** The number as logs and lists show it: its country code and its last three digits ({@code +34***456}). */
    public String masked() {
        return value.substring(0, 3) + "***" + value.substring(value.length() - 3);
    }

    @Override
    public String toString() {
        return value;
    }
}
