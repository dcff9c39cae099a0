package com.voiceappoint.adapter.http.web;

import com.voiceappoint.application.port.in.Page;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The long lists of the dashboard (clients, calls, messages) go page by page: the address carries the list's own
 * cursor in {@code ?after=}, so a page can be bookmarked and works without JavaScript.
 */
final class Listings {
    static final String AFTER = "after";
    static final int PAGE_SIZE = 25;

    private Listings() {}

    static Page.Request request(Context ctx, String parameter) {
        return new Page.Request(PAGE_SIZE, text(ctx, parameter));
    }

    /** A query parameter as typed, trimmed, when there is something in it. */
    static Optional<String> text(Context ctx, String parameter) {
        return Optional.ofNullable(ctx.queryParam(parameter)).map(String::strip).filter(t -> !t.isEmpty());
    }

    /** The address of the page after this one, keeping the other parameters (a search, a filter). */
    static Optional<String> next(String path, Map<String, Optional<String>> kept, Page<?> page, String parameter) {
        return page.next().map(cursor -> {
            Map<String, String> query = new LinkedHashMap<>();
            kept.forEach((name, value) -> value.ifPresent(v -> query.put(name, v)));
            query.put(parameter, cursor);
            return path + "?"
                    + String.join(
                            "&",
                            query.entrySet().stream()
                                    .map(e ->
                                            e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                                    .toList());
        });
    }
}
