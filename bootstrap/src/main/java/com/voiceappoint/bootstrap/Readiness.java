package com.voiceappoint.bootstrap;

import com.voiceappoint.adapter.http.RawRoute;
import com.voiceappoint.adapter.persistence.PostgresPersistence;
import com.voiceappoint.adapter.persistence.PostgresPersistence.Health;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@value #PATH}: whether this instance should be sent traffic. Ready when the database answers with this build's
 * schema and, if rate limits are shared through Redis, Redis answers. {@code /health/live} only says the process
 * serves HTTP: restarting it would not bring a database back.
 *
 * <p>Each check is given {@link #BOUND} to answer and counts as down when it has not: a probe must hear "not ready"
 * from a server whose database is gone, not wait on the pool (which waits seconds for a connection) until its own
 * time-out and call the server dead.
 */
final class Readiness {
    static final String PATH = "/health/ready";
    /** Well inside the probes' own time-outs (docker-compose 5 s, the image's HEALTHCHECK 10 s). */
    static final Duration BOUND = Duration.ofSeconds(2);

    private Readiness() {}

    /** @param redisAnswers whether the store the rate limits are kept in answers */
    static RawRoute route(PostgresPersistence database, BooleanSupplier redisAnswers, boolean redisConfigured) {
        Bounded<Health> databaseCheck = new Bounded<>("readiness-database", database::health, Health.UNREACHABLE);
        Bounded<Boolean> redisCheck = new Bounded<>("readiness-redis", redisAnswers::getAsBoolean, false);
        return new RawRoute("GET", List.of(PATH), 0, (body, header) -> {
            long deadline = System.nanoTime() + BOUND.toNanos();
            CompletableFuture<Health> asked = databaseCheck.start();
            CompletableFuture<Boolean> redisAsked = redisConfigured ? redisCheck.start() : null;
            Health health = databaseCheck.await(asked, deadline);
            String redis =
                    redisAsked == null ? "not_configured" : redisCheck.await(redisAsked, deadline) ? "up" : "down";
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

    /**
     * A check run on a thread of its own and waited for until a deadline. One run at a time: probes arriving
     * while a slow run goes on wait for that one, so a database that hangs costs one thread, not one per probe.
     */
    static final class Bounded<T> {
        private final String name;
        private final Supplier<T> check;
        private final T whenLate;
        private CompletableFuture<T> running;

        Bounded(String name, Supplier<T> check, T whenLate) {
            this.name = name;
            this.check = check;
            this.whenLate = whenLate;
        }

        synchronized CompletableFuture<T> start() {
            if (running == null || running.isDone()) {
                running = CompletableFuture.supplyAsync(check, task -> {
                    Thread thread = new Thread(task, name);
                    thread.setDaemon(true);
                    thread.start();
                });
            }
            return running;
        }

        /** @param deadline in {@link System#nanoTime()}'s terms */
        T await(CompletableFuture<T> asked, long deadline) {
            try {
                return asked.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | ExecutionException e) {
                return whenLate;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return whenLate;
            }
        }
    }
}
