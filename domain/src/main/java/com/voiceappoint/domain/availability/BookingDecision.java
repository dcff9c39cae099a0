package com.voiceappoint.domain.availability;

import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.TimeRange;
import java.util.List;
import java.util.Objects;

/** The conflict policy's answer to "may I book this time?". */
public sealed interface BookingDecision {

    /** Yes, with this provider; {@code blocked} is what their agenda loses, buffers included. */
    record Accepted(ProviderId provider, TimeRange time, TimeRange blocked) implements BookingDecision {
        public Accepted {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(blocked, "blocked");
        }
    }

    /** No, for this reason; these times are free instead, nearest first. */
    record Refused(RefusalReason reason, List<Alternative> alternatives) implements BookingDecision {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            alternatives = List.copyOf(alternatives);
        }
    }
}
