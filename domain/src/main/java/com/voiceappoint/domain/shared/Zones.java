package com.voiceappoint.domain.shared;

import java.time.DateTimeException;
import java.time.ZoneId;

/** IANA zone parsing that refuses bare offsets: a business needs a zone with rules, so DST is right. */
public final class Zones {
    private Zones() {}

    public static ZoneId parse(String id, String field) {
        InvalidValueException.check(id != null && !id.isBlank(), field, "a time zone is required");
        InvalidValueException.check(id.contains("/") || id.equals("UTC"), field, "not an IANA time zone: " + id);
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new InvalidValueException(field, "unknown time zone " + id);
        }
    }
}
