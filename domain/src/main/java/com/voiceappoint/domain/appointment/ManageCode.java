package com.voiceappoint.domain.appointment;

import com.voiceappoint.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The six digits a client is given with an appointment, to manage it by phone on a call whose number proves nothing
 * (a SIP call, a web call, a withheld number). Short enough to say; guessing is held back by the voice adapter's
 * limits on attempts, and listing a client's appointments by code also takes the number they say is theirs.
 */
public record ManageCode(String value) {
    public static final int DIGITS = 6;
    private static final int BOUND = 1_000_000;
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
    private static final Pattern NOT_A_DIGIT = Pattern.compile("\\D");

    public ManageCode {
        InvalidValueException.check(
                value != null && SIX_DIGITS.matcher(value).matches(), "manageCode", "a manage code has six digits");
    }

    /** @param random a cryptographically strong generator: the code is a credential */
    public static ManageCode random(RandomGenerator random) {
        return new ManageCode("%06d".formatted(random.nextInt(BOUND)));
    }

    /**
     * Whether what the caller said is this code, whatever they put between the digits ("482 913", "48-29-13").
     * Compared in constant time, so how long the answer takes says nothing about how close a guess was.
     */
    public boolean matches(String said) {
        String digits = said == null ? "" : NOT_A_DIGIT.matcher(said).replaceAll("");
        return MessageDigest.isEqual(
                value.getBytes(StandardCharsets.US_ASCII), digits.getBytes(StandardCharsets.US_ASCII));
    }
}
