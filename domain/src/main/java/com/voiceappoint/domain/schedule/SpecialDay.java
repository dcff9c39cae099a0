package com.voiceappoint.domain.schedule;

import com.voiceappoint.domain.shared.InvalidValueException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A date whose hours differ from the weekly ones: a holiday closure (no windows) or special hours ("24 Dec,
 * 9:00 to 14:00"). Applies to the whole business, or to one provider when {@code provider} is present.
 */
public record SpecialDay(Optional<ProviderId> provider, LocalDate date, List<OpeningWindow> windows, String reason) {
    public SpecialDay {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(date, "date");
        windows = OpeningWindow.normalize(Objects.requireNonNull(windows, "windows"), "windows");
        reason = reason == null ? "" : reason.strip();
        InvalidValueException.check(reason.length() <= 200, "reason", "a reason is at most 200 characters");
    }

    public static SpecialDay closure(LocalDate date, String reason) {
        return new SpecialDay(Optional.empty(), date, List.of(), reason);
    }

    public boolean isClosed() {
        return windows.isEmpty();
    }
}
