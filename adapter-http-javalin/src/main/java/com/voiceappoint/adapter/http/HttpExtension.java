package com.voiceappoint.adapter.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;

/**
 * More of the same server: routes outside {@code /api/} that a sibling module serves on the REST API's Javalin (the
 * web app), added before the server starts. Everything the REST API sets up (request ids, metrics, the graceful stop,
 * the proxy headers) applies to them too.
 */
public interface HttpExtension {
    /** Adds the extension's routes, filters and static files; called once, while the server is configured. */
    void configure(JavalinConfig config);

    /**
     * Answers a failure on a path outside {@code /api/} in the extension's own form (a page, not problem+json).
     *
     * @return false to leave the answer to the REST API's problem responder
     */
    default boolean answersFailure(Context ctx, int status, Exception failure) {
        return false;
    }

    /** Called as the server stops, before requests in flight are waited for. */
    default void stopping() {}
}
