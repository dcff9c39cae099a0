package com.voiceappoint.application.port.in;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** One page of a long list, and where the next one starts (empty on the last page). */
public record Page<T>(List<T> items, Optional<String> next) {
    public static final int MAX_SIZE = 200;

    public Page {
        items = List.copyOf(items);
        Objects.requireNonNull(next, "next");
    }

    /** What a caller asks: at most {@code size} items after the cursor a previous page gave (opaque). */
    public record Request(int size, Optional<String> after) {
        public Request {
            if (size < 1 || size > MAX_SIZE) {
                throw new IllegalArgumentException("a page has 1 to 200 items");
            }
            Objects.requireNonNull(after, "after");
        }

        public static Request first(int size) {
            return new Request(size, Optional.empty());
        }
    }
}
