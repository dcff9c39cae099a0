package com.voiceappoint.application.error;

import com.voiceappoint.domain.availability.Alternative;
import com.voiceappoint.domain.availability.RefusalReason;
import com.voiceappoint.domain.shared.DomainException;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** A booking (or move) was refused; the alternatives are free times near the one asked for. */
public final class BookingRefusedException extends DomainException {
    private final RefusalReason reason;
    private final List<Alternative> alternatives;
    private final ZoneId zone;

    public BookingRefusedException(RefusalReason reason, List<Alternative> alternatives, ZoneId zone) {
        super(reason.errorCode(), "start", "the requested time cannot be booked: " + reason, Map.of());
        this.reason = reason;
        this.alternatives = List.copyOf(alternatives);
        this.zone = zone;
    }

    public RefusalReason reason() {
        return reason;
    }

    public List<Alternative> alternatives() {
        return alternatives;
    }

    /** The business's zone, in which the alternatives are best shown. */
    public ZoneId zone() {
        return zone;
    }
}
