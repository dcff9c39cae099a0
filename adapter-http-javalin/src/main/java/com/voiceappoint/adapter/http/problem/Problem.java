package com.voiceappoint.adapter.http.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code code} is stable and machine-readable; {@code title} and {@code detail} are
 * in the caller's language; {@code errors} name each field at fault; a refused booking lists {@code alternatives}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        String code,
        String requestId,
        List<FieldError> errors,
        List<AlternativeSlot> alternatives) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(String field, String code, String message) {}

    /** A free time offered instead, in the business's offset, with the provider who is free then. */
    public record AlternativeSlot(OffsetDateTime start, OffsetDateTime end, String providerId, String providerName) {}
}
