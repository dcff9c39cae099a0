package com.voiceappoint.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.voiceappoint.adapter.http.problem.InvalidRequestException;
import com.voiceappoint.application.port.in.Page.Request;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Every list answers the same way: {@code {"results": [...], "next_cursor": "..."}}, paged by {@code ?limit=} (1 to
 * 200, default 50) and {@code ?cursor=} (the previous page's {@code next_cursor}, opaque). The last page has a null
 * {@code next_cursor}.
 */
final class Pages {
    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;
    private static final String OFFSET = "o:";

    private Pages() {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Page<T>(List<T> results, String nextCursor) {}

    /** The page's size asked for. */
    static int limit(Context ctx) {
        String value = ctx.queryParam("limit");
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.trim());
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new NumberFormatException(value);
            }
            return limit;
        } catch (NumberFormatException e) {
            throw InvalidRequestException.field("limit", "out_of_range", "request.limit");
        }
    }

    /** The cursor given, decoded; its meaning belongs to whoever produced it. */
    static Optional<String> cursor(Context ctx) {
        return Optional.ofNullable(ctx.queryParam("cursor"))
                .filter(c -> !c.isBlank())
                .map(Pages::decode);
    }

    static String encode(String cursor) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.field("cursor", "invalid", "request.cursor");
        }
    }

    /** What a long list (paged where it is stored) is asked for. */
    static Request request(Context ctx) {
        return new Request(limit(ctx), cursor(ctx));
    }

    /** Answers one page of a long list, paged where it is stored (clients, appointments). */
    static <T, V> void respond(Context ctx, com.voiceappoint.application.port.in.Page<T> page, Function<T, V> view) {
        ctx.json(new Page<>(
                page.items().stream().map(view).toList(),
                page.next().map(Pages::encode).orElse(null)));
    }

    /** Pages a list that is already whole in memory (a catalogue, a team). */
    static <T> void respond(Context ctx, List<T> all) {
        int limit = limit(ctx);
        int offset = cursor(ctx).map(Pages::offset).orElse(0);
        int from = Math.min(offset, all.size());
        int to = Math.min(offset + limit, all.size());
        String next = to < all.size() ? encode(OFFSET + to) : null;
        ctx.json(new Page<>(all.subList(from, to), next));
    }

    private static int offset(String cursor) {
        try {
            if (!cursor.startsWith(OFFSET)) {
                throw new NumberFormatException(cursor);
            }
            int offset = Integer.parseInt(cursor.substring(OFFSET.length()));
            if (offset < 0) {
                throw new NumberFormatException(cursor);
            }
            return offset;
        } catch (NumberFormatException e) {
            throw InvalidRequestException.field("cursor", "invalid", "request.cursor");
        }
    }
}
