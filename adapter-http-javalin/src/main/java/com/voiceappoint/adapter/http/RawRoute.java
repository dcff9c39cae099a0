package com.voiceappoint.adapter.http;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A route of another adapter, answered as that adapter says: for a webhook that checks a signature on the exact bytes
 * sent (the body, up to {@code maxBodyBytes}, is handed over untouched) or a document another adapter serves. No
 * bearer token, no JSON content-type rule, no problem+json: what the handler returns is what the client gets (a body
 * too large is still a 413). Headers are given by lower-case name.
 *
 * @param method GET or POST
 */
public record RawRoute(String method, List<String> paths, int maxBodyBytes, Handler handler) {
    public RawRoute {
        if (!method.equals("GET") && !method.equals("POST")) {
            throw new IllegalArgumentException("a raw route is GET or POST, not " + method);
        }
        paths = List.copyOf(paths);
    }

    @FunctionalInterface
    public interface Handler {
        /** @param header a request header by its lower-case name */
        Reply handle(byte[] body, Function<String, Optional<String>> header);
    }

    public record Reply(int status, String contentType, String body) {
        public static Reply json(int status, String json) {
            return new Reply(status, "application/json", json);
        }
    }
}
