package com.voiceappoint.adapter.http;

import com.voiceappoint.adapter.http.problem.InvalidRequestException;
import com.voiceappoint.domain.shared.StorableText;
import io.javalin.http.Context;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/** Query and path parameters, parsed once with a 400 naming the parameter when they are not what they say. */
final class Params {
    /** Dates outside these years are mistakes or probes, and some would overflow date arithmetic or the database. */
    private static final int FIRST_YEAR = 1900;

    private static final int LAST_YEAR = 9999;

    private Params() {}

    static UUID requiredUuid(Context ctx, String name) {
        return optionalUuid(ctx, name)
                .orElseThrow(() -> InvalidRequestException.field(name, "required", "validation.required"));
    }

    static Optional<UUID> optionalUuid(Context ctx, String name) {
        return optional(ctx, name).map(value -> uuid(name, value));
    }

    static UUID pathUuid(Context ctx, String name) {
        return uuid(name, ctx.pathParam(name));
    }

    static Optional<LocalDate> optionalDate(Context ctx, String name) {
        return optional(ctx, name).map(value -> date(name, value));
    }

    static LocalDate pathDate(Context ctx, String name) {
        return date(name, ctx.pathParam(name));
    }

    private static LocalDate date(String name, String value) {
        try {
            return withinYears(name, LocalDate.parse(value));
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.field(name, "wrong_type", "request.date_expected");
        }
    }

    static boolean flag(Context ctx, String name) {
        return optional(ctx, name)
                .map(value -> switch (value) {
                    case "true", "1" -> true;
                    case "false", "0" -> false;
                    default -> throw InvalidRequestException.field(name, "wrong_type", "request.boolean_expected");
                })
                .orElse(false);
    }

    /**
     * A moment given with an offset ({@code 2026-11-24T10:00:00+01:00}, {@code ...Z}) or as the business's wall-clock
     * time ({@code 2026-11-24T10:00}). A wall-clock time that does not exist there (inside a DST gap) is refused.
     */
    static Instant instant(String field, String value, ZoneId zone) {
        try {
            OffsetDateTime withOffset = OffsetDateTime.parse(value);
            withinYears(field, withOffset.toLocalDate());
            return withOffset.toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                LocalDateTime local = LocalDateTime.parse(value);
                withinYears(field, local.toLocalDate());
                ZonedDateTime zoned = local.atZone(zone);
                if (!zoned.toLocalDateTime().equals(local)) {
                    throw InvalidRequestException.field(field, "nonexistent_time", "request.nonexistent_time");
                }
                return zoned.toInstant();
            } catch (DateTimeException e) {
                throw InvalidRequestException.field(field, "wrong_type", "request.datetime_expected");
            }
        }
    }

    private static LocalDate withinYears(String name, LocalDate date) {
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw InvalidRequestException.field(name, "out_of_range", "request.date_out_of_range");
        }
        return date;
    }

    private static UUID uuid(String name, String value) {
        try {
            if (value.length() != 36) {
                throw new IllegalArgumentException(value);
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.field(name, "wrong_type", "request.id_expected");
        }
    }

    /**
     * Refuses query parameters that no store keeps as given (NUL, half a character), naming the first, before any
     * handler reads them: a search would otherwise reach PostgreSQL and fail there. Path parameters cannot carry
     * either: the web server refuses a NUL or bytes that are not UTF-8 in a path before any route runs, and UTF-8
     * cannot spell half a character.
     */
    static void requireStorable(Context ctx) {
        ctx.queryParamMap().forEach((name, values) -> {
            requireStorable(StorableText.scrubbed(name), name);
            values.forEach(value -> requireStorable(name, value));
        });
    }

    private static void requireStorable(String name, String value) {
        if (!StorableText.storable(value)) {
            throw InvalidRequestException.field(
                    StorableText.scrubbed(name), "invalid_characters", "request.invalid_characters");
        }
    }

    private static Optional<String> optional(Context ctx, String name) {
        return Optional.ofNullable(ctx.queryParam(name)).map(String::trim).filter(v -> !v.isEmpty());
    }
}
