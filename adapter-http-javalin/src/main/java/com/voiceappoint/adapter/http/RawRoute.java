package com.voiceappoint.adapter.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * A route of another adapter, answered as that adapter says: for a webhook that checks a signature on the exact bytes
 * sent (the body, up to {@code maxBodyBytes}, is handed over untouched) or a document another adapter serves. No
 * bearer token, no JSON content-type rule, no problem+json: what the handler returns is what the client gets (a body
 * too large is still a 413). Headers are given by lower-case name.
 *
 * @param method GET or POST
 * @param larger what to do with a body above {@code maxBodyBytes}, if anything but refusing it
 * @param screen the answer the headers alone call for, before any of the body is read (credentials missing, say)
 */
public record RawRoute(
        String method,
        List<String> paths,
        int maxBodyBytes,
        Handler handler,
        Optional<Streamed> larger,
        Screen screen) {
    public RawRoute {
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new IllegalArgumentException("a raw route is GET or POST, not " + method);
        }
        paths = List.copyOf(paths);
        Objects.requireNonNull(larger, "larger");
        Objects.requireNonNull(screen, "screen");
    }

    /** A route whose every request is read whole before it is answered. */
    public RawRoute(String method, List<String> paths, int maxBodyBytes, Handler handler, Optional<Streamed> larger) {
        this(method, paths, maxBodyBytes, handler, larger, header -> Optional.empty());
    }

    /** A route that refuses bodies above {@code maxBodyBytes}. */
    public RawRoute(String method, List<String> paths, int maxBodyBytes, Handler handler) {
        this(method, paths, maxBodyBytes, handler, Optional.empty());
    }

    /**
     * Bodies above the route's {@code maxBodyBytes}, up to {@code maxBytes}, handed over as a stream of all their bytes
     * rather than refused: for messages too large to hold, read as they arrive. Beyond {@code maxBytes}, a 413.
     */
    public record Streamed(long maxBytes, StreamHandler handler) {}

    @FunctionalInterface
    public interface StreamHandler {
        /**
         * @param body every byte of the body, the first ones included; reading past {@code maxBytes} fails
         * @param header a request header by its lower-case name
         */
        Reply handle(InputStream body, Function<String, Optional<String>> header) throws IOException;
    }

    @FunctionalInterface
    public interface Handler {
        /** @param header a request header by its lower-case name */
        Reply handle(byte[] body, Function<String, Optional<String>> header);
    }

    @FunctionalInterface
    public interface Screen {
        /** @param header a request header by its lower-case name; empty to go on and read the body */
        Optional<Reply> reply(Function<String, Optional<String>> header);
    }

    public record Reply(int status, String contentType, String body) {
        public static Reply json(int status, String json) {
            return new Reply(status, "application/json", json);
        }
    }
}
