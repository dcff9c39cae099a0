package com.voiceappoint.adapter.http;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A POST route whose body the server hands over untouched, up to {@code maxBodyBytes}: for webhooks that check a
 * signature on the exact bytes sent and answer in their own format. No bearer token, no JSON content-type rule, no
 * problem+json: what the handler returns is what the sender gets (a body too large is still a 413).
 */
public record RawRoute(List<String> paths, int maxBodyBytes, Handler handler) {
    public RawRoute {
        paths = List.copyOf(paths);
    }

    @FunctionalInterface
    public interface Handler {
        /** @param header a request header by its lower-case name */
        Reply handle(byte[] body, Function<String, Optional<String>> header);
    }

    public record Reply(int status, String json) {}
}
