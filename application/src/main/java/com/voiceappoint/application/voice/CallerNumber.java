package com.voiceappoint.application.voice;

import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.InvalidValueException;
import java.util.Optional;
import java.util.Set;

/** A caller's number as a call or a caller gives it: E.164, and not one of the placeholders for a withheld number. */
public final class CallerNumber {
    /**
     * What carriers put in place of a withheld number: the words on a phone keypad (ANONYMOUS, UNAVAILABLE, UNKNOWN,
     * BLOCKED, RESTRICTED). As E.164 they look like numbers, and every withheld caller would share one.
     */
    private static final Set<String> WITHHELD =
            Set.of("+266696687", "+86282452253", "+8656696", "+2562533", "+7378742833");

    private CallerNumber() {}

    /** A number in E.164 that is not a withheld placeholder. */
    public static Optional<PhoneNumber> read(String given) {
        String compact = given.strip().replaceAll("[\\s().-]", "");
        if (WITHHELD.contains(compact)) {
            return Optional.empty();
        }
        try {
            return Optional.of(new PhoneNumber(compact));
        } catch (InvalidValueException notE164) {
            return Optional.empty();
        }
    }
}
