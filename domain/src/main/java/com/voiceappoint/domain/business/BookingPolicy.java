package com.voiceappoint.domain.business;

import com.voiceappoint.domain.shared.InvalidValueException;
import java.time.Duration;
import java.util.Objects;

/**
 * How a business takes bookings.
 *
 * @param slotStep distance between two offered start times (a 15-minute step offers 9:00, 9:15, 9:30...)
 * @param minimumNotice how long before its start a slot stops being bookable
 * @param maximumAdvance how far ahead a client may book
 * @param cancellationCutoff how long before its start a client may still cancel or move an appointment
 * @param holdDuration how long a slot offered during a call stays reserved for that caller
 */
public record BookingPolicy(
        Duration slotStep,
        Duration minimumNotice,
        Duration maximumAdvance,
        Duration cancellationCutoff,
        Duration holdDuration) {

    public static final BookingPolicy DEFAULT = new BookingPolicy(
            Duration.ofMinutes(15),
            Duration.ofHours(1),
            Duration.ofDays(90),
            Duration.ofHours(24),
            Duration.ofMinutes(5));

    public BookingPolicy {
        Objects.requireNonNull(slotStep, "slotStep");
        Objects.requireNonNull(minimumNotice, "minimumNotice");
        Objects.requireNonNull(maximumAdvance, "maximumAdvance");
        Objects.requireNonNull(cancellationCutoff, "cancellationCutoff");
        Objects.requireNonNull(holdDuration, "holdDuration");
        within(slotStep, Duration.ofMinutes(5), Duration.ofHours(4), "slotStepMinutes");
        InvalidValueException.check(
                slotStep.toSeconds() % 60 == 0, "slotStepMinutes", "the slot step is a whole number of minutes");
        within(minimumNotice, Duration.ZERO, Duration.ofDays(30), "minimumNoticeMinutes");
        within(maximumAdvance, Duration.ofDays(1), Duration.ofDays(730), "maximumAdvanceDays");
        within(cancellationCutoff, Duration.ZERO, Duration.ofDays(30), "cancellationCutoffMinutes");
        within(holdDuration, Duration.ofMinutes(1), Duration.ofMinutes(30), "holdMinutes");
        InvalidValueException.check(
                minimumNotice.compareTo(maximumAdvance) < 0,
                "minimumNoticeMinutes",
                "the minimum notice must be shorter than the maximum advance");
    }

    private static void within(Duration value, Duration min, Duration max, String field) {
        InvalidValueException.check(
                value.compareTo(min) >= 0 && value.compareTo(max) <= 0,
                field,
                "must be between %s and %s".formatted(min, max));
    }
}
