package com.voiceappoint.bootstrap;

import com.voiceappoint.adapter.http.RawRoute;
import com.voiceappoint.adapter.http.ratelimit.RateLimiter;
import com.voiceappoint.adapter.persistence.PostgresPersistence;
import com.voiceappoint.adapter.persistence.PostgresPersistence.Health;
import java.util.List;

/**
 * {@value #PATH}: whether this instance should be sent traffic. Ready when the database answers with this build's
 * schema and, if rate limits are shared through Redis, Redis answers. {@code /health/live} only says the process
 * serves HTTP: restarting it would not bring a database back.
 */
final class Readiness {
    static final String PATH = "/health/ready";

    private Readiness() {}

    static RawRoute route(PostgresPersistence database, RateLimiter limiter, boolean redisConfigured) {
        return new RawRoute("GET", List.of(PATH), 0, (body, header) -> {
            Health health = database.health();
            String redis = !redisConfigured ? "not_configured" : limiter.reachable() ? "up" : "down";
            boolean ready = health == Health.READY && !redis.equals("down");
            return RawRoute.Reply.json(
                    ready ? 200 : 503,
                    "{\"status\":\"%s\",\"database\":\"%s\",\"schema\":\"%s\",\"redis\":\"%s\"}"
                            .formatted(
                                    ready ? "ready" : "unready",
                                    health == Health.UNREACHABLE ? "down" : "up",
                                    switch (health) {
                                        case READY -> "up";
                                        case SCHEMA_BEHIND -> "behind";
                                        case UNREACHABLE -> "unknown";
                                    },
                                    redis));
        });
    }
}
