package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.domain.shared.InvalidValueException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** Keyset pages: a store is asked for one row more than the page holds, which tells whether another page follows. */
final class Paging {
    private Paging() {}

    static int rowsToFetch(Page.Request request) {
        return request.size() + 1;
    }

    static <T> Page<T> page(List<T> fetched, Page.Request request, Function<T, String> cursorAfter) {
        if (fetched.size() <= request.size()) {
            return new Page<>(fetched, Optional.empty());
        }
        List<T> items = fetched.subList(0, request.size());
        return new Page<>(items, Optional.of(cursorAfter.apply(items.get(items.size() - 1))));
    }

    /** Reads back a cursor this service wrote; anything else is the caller's mistake. */
    static <C> C cursor(String cursor, Function<String[], C> parts) {
        try {
            return parts.apply(cursor.split("\\|", 2));
        } catch (RuntimeException e) {
            throw new InvalidValueException("cursor", "not a cursor this list gave");
        }
    }
}
