package com.voiceappoint.adapter.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.voiceappoint.application.error.StoreUnavailableException;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Token buckets by Bucket4j: in this process (Caffeine forgets idle buckets) when there is one server, in Redis when
 * there are several, so a client cannot multiply its allowance by the number of instances. It knows no adapter: the
 * composition root hands it to each as the limiter that adapter asks for.
 */
public final class Bucket4jRateLimiter implements AutoCloseable {
    private static final Duration LONGEST_PERIOD = Duration.ofDays(1);
    /** A limit that cannot be checked in this time is reported as failed, not waited on for Lettuce's minute. */
    private static final Duration REDIS_TIMEOUT = Duration.ofSeconds(2);

    private final Function<String, Function<BucketConfiguration, Bucket>> buckets;
    private final BooleanSupplier reachable;
    private final AutoCloseable resources;

    private Bucket4jRateLimiter(
            Function<String, Function<BucketConfiguration, Bucket>> buckets,
            BooleanSupplier reachable,
            AutoCloseable resources) {
        this.buckets = buckets;
        this.reachable = reachable;
        this.resources = resources;
    }

    public static Bucket4jRateLimiter inProcess() {
        Cache<String, Bucket> cache = Caffeine.newBuilder()
                .expireAfterAccess(LONGEST_PERIOD)
                .maximumSize(1_000_000)
                .build();
        return new Bucket4jRateLimiter(
                key -> configuration -> cache.get(
                        key,
                        k -> Bucket.builder()
                                .addLimit(configuration.getBandwidths()[0])
                                .build()),
                () -> true,
                () -> {});
    }

    /** Buckets shared through Redis at {@code redisUrl} ({@code redis://host:6379}); keys expire when full again. */
    public static Bucket4jRateLimiter redis(String redisUrl) {
        RedisURI uri = RedisURI.create(redisUrl);
        uri.setTimeout(REDIS_TIMEOUT);
        RedisClient client = RedisClient.create(uri);
        // while Redis is away, fail at once instead of queueing commands until they time out
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        StatefulRedisConnection<String, byte[]> connection =
                client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
        ProxyManager<String> proxy = Bucket4jLettuce.casBasedBuilder(connection)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
        return new Bucket4jRateLimiter(
                key -> configuration -> proxy.builder().build("voiceappoint:rate:" + key, () -> configuration),
                () -> {
                    try {
                        return "PONG".equals(connection.sync().ping());
                    } catch (RuntimeException down) {
                        return false;
                    }
                },
                () -> {
                    connection.close();
                    client.shutdown();
                });
    }

    /**
     * Takes one attempt from {@code key}'s bucket of the limit named {@code limit}, which holds at most {@code
     * capacity} attempts and refills them gradually over {@code period}.
     *
     * @return empty to go ahead, else how long to wait for the next attempt
     * @throws StoreUnavailableException when the store the counts are kept in does not answer
     */
    public Optional<Duration> tryConsume(String limit, long capacity, Duration period, String key) {
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(capacity)
                        .refillGreedy(capacity, period)
                        .build())
                .build();
        ConsumptionProbe probe;
        try {
            probe = buckets.apply(limit + ":" + key).apply(configuration).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException storeDown) {
            // a limited route then refuses (503) rather than go unmetered: the limits guard logins and bookings
            // against floods, which would not wait for Redis to come back
            throw new StoreUnavailableException("rate limits", storeDown);
        }
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Whether the store the counts are kept in answers; a store inside this process always does. */
    public boolean reachable() {
        return reachable.getAsBoolean();
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not close the rate limiter", e);
        }
    }
}
