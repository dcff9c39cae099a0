package com.voiceappoint.application.error;

import com.voiceappoint.domain.availability.Alternative;
import com.voiceappoint.domain.availability.RefusalReason;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.DomainException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/** A booking (or move) was refused; the alternatives are free times near the one asked for. */
public final class BookingRefusedException extends DomainException {
    private final RefusalReason reason;
    private final List<Alternative> alternatives;
    private final ZoneId zone;
    private final Map<ProviderId, String> providerNames;

    public BookingRefusedException(
            RefusalReason reason, List<Alternative> alternatives, ZoneId zone, Map<ProviderId, String> providerNames) {
        super(reason.errorCode(), "start", "the requested time cannot be booked: " + reason, Map.of());
        this.reason = reason;
        this.alternatives = List.copyOf(alternatives);
        this.zone = zone;
        this.providerNames = Map.copyOf(providerNames);
    }

    /** The same refusal without the alternatives starting at {@code start}. */
    public BookingRefusedException without(Instant start) {
        return new BookingRefusedException(
                reason,
                alternatives.stream().filter(a -> !a.start().equals(start)).toList(),
                zone,
                providerNames);
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

    /** How the business names the provider of an alternative, so a caller hears "with Ana", not an id. */
    public String providerName(ProviderId provider) {
        return providerNames.getOrDefault(provider, "");
    }
}
