package com.voiceappoint.adapter.events;

import com.voiceappoint.application.port.out.LiveEventPublisher;
import com.voiceappoint.domain.business.BusinessId;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.ConnectionFuture;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.pubsub.api.async.RedisPubSubAsyncCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Word of committed events between the server's instances through Redis pub/sub: each business has a channel,
 * {@code voiceappoint:events:<business>}, and a word is the number of the business's last committed event, in
 * decimal. A word may be lost (Redis away, a message dropped): the application then reads from the store what it
 * missed, so nothing here retries a word.
 *
 * <p>One Redis client with two connections: words go out on one that refuses commands while Redis is away, so a word
 * that cannot be sent is dropped at once instead of queued; words come in on a connection kept for subscriptions, so
 * no command waits behind them and the listener is never asked to wait for a reply.
 *
 * <p>Lettuce reconnects an established connection and subscribes again to the channels it had; this class adds what
 * it does not do. The first connections are retried until Redis answers, so a server starts while Redis is away. And
 * the subscriptions are brought back in line with the businesses followed whenever they may have drifted (a
 * SUBSCRIBE or UNSUBSCRIBE refused while Redis was away is not remembered by Lettuce): after a reconnection, after a
 * failed command, and when Redis confirms a channel nobody follows or drops one somebody does.
 */
public final class LettuceLiveEventPublisher implements LiveEventPublisher, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LettuceLiveEventPublisher.class);
    private static final String CHANNEL_PREFIX = "voiceappoint:events:";
    static final String CLIENT_NAME = "voiceappoint-live-events";

    /** A word Redis has not taken in this time is dropped; nobody waits for it. */
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(2);

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /**
     * Attempts to reach Redis again start quick and slow down to this, not to Lettuce's 30 seconds: while the words
     * do not arrive every server reads the store every second, so Redis back should be noticed soon.
     */
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(2);

    private static final Duration FIRST_RETRY = Duration.ofMillis(100);
    /** Lettuce subscribes again to its own channels on reconnecting; what it missed is put right a moment later. */
    private static final Duration RECONCILE_AFTER_RECONNECT = Duration.ofMillis(500);

    private static final Duration RECONCILE_AFTER_FAILURE = Duration.ofSeconds(1);
    /** How often words kept while Redis was away are tried again. */
    private static final Duration RESEND_EVERY = Duration.ofMillis(500);
    /** Words waiting for Redis beyond these are refused, so a Redis that stalls cannot fill the heap with them. */
    private static final int MOST_COMMANDS_WAITING = 10_000;

    private final RedisURI uri;
    private final ClientResources resources;
    private final RedisClient client;
    private final ScheduledExecutorService upkeep;
    private final Executor onUpkeep;

    /** The latest word of each business that Redis did not take, to send again when it is back. */
    private final Map<BusinessId, Long> unsent = new ConcurrentHashMap<>();

    private final AtomicBoolean resending = new AtomicBoolean();

    /** The followers of each channel; the channels present are exactly those to be subscribed. */
    private final Map<String, List<Follower>> followers = new ConcurrentHashMap<>();
    /** The channels Redis has confirmed on the listening connection since it last connected. */
    private final Set<String> confirmed = ConcurrentHashMap.newKeySet();

    /**
     * Orders the changes to {@link #followers} with the SUBSCRIBE and UNSUBSCRIBE they cause, so Redis applies them
     * in the order they were decided. Never taken on Lettuce's threads, which only read and touch concurrent sets.
     */
    private final Object lock = new Object();

    /** Words are being dropped: said once at warning level per outage, not once per word. */
    private final AtomicBoolean dropping = new AtomicBoolean();
    /** A first connection has failed: said once at warning level, until the listening connection is made. */
    private final AtomicBoolean unreached = new AtomicBoolean();

    private volatile StatefulRedisConnection<String, String> announcing;
    private volatile StatefulRedisPubSubConnection<String, String> listening;
    private volatile boolean closed;

    private LettuceLiveEventPublisher(RedisURI uri) {
        this.uri = uri;
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.exponential(FIRST_RETRY, LONGEST_RETRY, 2, TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources);
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(
                        SocketOptions.builder().connectTimeout(CONNECT_TIMEOUT).build())
                .timeoutOptions(TimeoutOptions.enabled())
                .requestQueueSize(MOST_COMMANDS_WAITING)
                .build());
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "live-events-redis");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.upkeep = executor;
        this.onUpkeep = task -> {
            try {
                upkeep.execute(task);
            } catch (RejectedExecutionException whenClosed) {
                // closed: the client's shutdown closes what this task would have kept
            }
        };
    }

    /**
     * Words through the Redis at {@code redisUrl} ({@code redis://host:6379}). Returns at once: the connections are
     * made in the background, and retried for as long as Redis does not answer; until then words are dropped and
     * {@link #connected()} is false.
     *
     * @throws IllegalArgumentException if {@code redisUrl} is not a Redis URL
     */
    public static LettuceLiveEventPublisher create(String redisUrl) {
        RedisURI uri = RedisURI.create(redisUrl);
        uri.setTimeout(COMMAND_TIMEOUT);
        if (uri.getClientName() == null) {
            // who holds a connection, for whoever reads CLIENT LIST
            uri.setClientName(CLIENT_NAME);
        }
        LettuceLiveEventPublisher publisher = new LettuceLiveEventPublisher(uri);
        publisher.connectListening(FIRST_RETRY);
        publisher.connectAnnouncing(FIRST_RETRY);
        return publisher;
    }

    static String channel(BusinessId business) {
        return CHANNEL_PREFIX + business.value();
    }

    @Override
    public void announce(BusinessId business, long last) {
        try {
            StatefulRedisConnection<String, String> connection = announcing;
            if (connection == null) {
                keep(business, last);
                dropped(null);
                return;
            }
            // while Redis is away the future fails at once (commands are refused, not queued)
            connection.async().publish(channel(business), Long.toString(last)).whenComplete((heard, failure) -> {
                if (failure != null) {
                    keep(business, last);
                    dropped(failure);
                } else if (dropping.get() && dropping.compareAndSet(true, false)) {
                    LOG.info("live events are announced through Redis again");
                }
            });
        } catch (RuntimeException unexpected) {
            keep(business, last);
            dropped(unexpected);
        }
    }

    /**
     * Keeps the latest word of each business that could not be sent, to send once Redis is back: the other servers
     * notice Redis away only when their own connection breaks, and would otherwise wait for their next regular check of
     * the database to learn what was committed here meanwhile. A later word of a business says all an earlier one did.
     */
    private void keep(BusinessId business, long last) {
        if (closed) {
            return;
        }
        if (unsent.size() >= MOST_COMMANDS_WAITING) {
            // beyond what is worth keeping: the other servers' regular checks find these
            unsent.clear();
        }
        unsent.merge(business, last, Math::max);
        if (resending.compareAndSet(false, true)) {
            later(this::resend, RESEND_EVERY);
        }
    }

    /** Sends the words kept while Redis was away, once it takes commands again. */
    private void resend() {
        resending.set(false);
        StatefulRedisConnection<String, String> connection = announcing;
        if (connection == null || !connection.isOpen()) {
            if (!unsent.isEmpty() && !closed && resending.compareAndSet(false, true)) {
                later(this::resend, RESEND_EVERY);
            }
            return;
        }
        for (Map.Entry<BusinessId, Long> word : unsent.entrySet()) {
            if (unsent.remove(word.getKey(), word.getValue())) {
                announce(word.getKey(), word.getValue());
            }
        }
    }

    private void dropped(Throwable why) {
        if (closed) {
            return;
        }
        if (why == null && !unreached.get()) {
            // starting: the connection is on its way, and Redis has not failed to answer yet
            LOG.debug("word of new events dropped: Redis not connected yet");
            return;
        }
        if (dropping.compareAndSet(false, true)) {
            LOG.warn(
                    "Redis at {} does not take words of new events; other servers read them from the database until it"
                            + " does ({})",
                    where(),
                    why == null ? "not connected yet" : why.toString());
        } else {
            LOG.debug("word of new events dropped", why);
        }
    }

    /**
     * {@inheritDoc}
     *
     * <p>The listener is called on a thread of Lettuce's that also delivers the words for every other business: it
     * must only hand the number on (to a queue, an executor) and return, and must never call Redis synchronously.
     * Once {@link Following#stop()} has returned, no further call begins. A listener that throws is logged and
     * followed still.
     */
    @Override
    public Following follow(BusinessId business, LongConsumer listener) {
        Objects.requireNonNull(listener, "listener");
        Follower follower = new Follower(channel(business), listener);
        synchronized (lock) {
            if (closed) {
                // a server shutting down: nothing more will be heard, as promised of a stopped publisher
                follower.stopped = true;
                return new Following(follower::stop);
            }
            List<Follower> ofChannel = followers.get(follower.channel);
            if (ofChannel == null) {
                followers.put(follower.channel, new CopyOnWriteArrayList<>(List.of(follower)));
                command(connection -> connection.subscribe(follower.channel));
            } else {
                ofChannel.add(follower);
            }
        }
        return new Following(follower::stop);
    }

    /**
     * True while the listening connection is up and Redis has confirmed the channel of every business followed: only
     * then do words from the other servers arrive.
     */
    @Override
    public boolean connected() {
        StatefulRedisPubSubConnection<String, String> connection = listening;
        return connection != null && connection.isOpen() && confirmed.containsAll(followers.keySet());
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            followers.values().forEach(ofChannel -> ofChannel.forEach(follower -> follower.stopped = true));
            followers.clear();
        }
        upkeep.shutdownNow();
        // closes the connections, those still being made included
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        announcing = null;
        listening = null;
    }

    private void connectAnnouncing(Duration retry) {
        connect(() -> client.connectAsync(StringCodec.UTF8, uri), retry, this::connectAnnouncing, connection -> {
            announcing = connection;
            LOG.debug("announcing live events through Redis at {}", where());
        });
    }

    private void connectListening(Duration retry) {
        connect(() -> client.connectPubSubAsync(StringCodec.UTF8, uri), retry, this::connectListening, connection -> {
            connection.addListener(new Words());
            connection.addListener(new ListeningState());
            listening = connection;
            if (unreached.compareAndSet(true, false)) {
                LOG.info("Redis at {} reached: live events come from the other servers again", where());
            }
            reconcile();
        });
    }

    /**
     * Makes a first connection, retried with a longer wait each time until Redis answers (Lettuce reconnects a
     * connection it once made, but not one it never made).
     */
    private <C extends StatefulConnection<String, String>> void connect(
            Supplier<ConnectionFuture<C>> connecting, Duration retry, Consumer<Duration> again, Consumer<C> made) {
        if (closed) {
            return;
        }
        ConnectionFuture<C> future;
        try {
            future = connecting.get();
        } catch (RuntimeException refused) {
            retryConnecting(refused, retry, again);
            return;
        }
        // on the upkeep thread, never on Lettuce's that completed the connection
        future.whenCompleteAsync(
                (connection, failure) -> {
                    if (failure != null) {
                        retryConnecting(failure, retry, again);
                        return;
                    }
                    synchronized (lock) {
                        if (closed) {
                            connection.closeAsync();
                            return;
                        }
                        made.accept(connection);
                    }
                },
                onUpkeep);
    }

    private void retryConnecting(Throwable failure, Duration retry, Consumer<Duration> again) {
        if (closed) {
            return;
        }
        if (unreached.compareAndSet(false, true)) {
            LOG.warn(
                    "Redis at {} not reached: live events are read from the database until it is ({})",
                    where(),
                    failure.toString());
        } else {
            LOG.debug("Redis at {} not reached yet", where(), failure);
        }
        Duration next = retry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : retry.multipliedBy(2);
        later(() -> again.accept(next), retry);
    }

    /**
     * Subscribes to the channels followed and not confirmed, and unsubscribes from those confirmed and no longer
     * followed. A command that crosses one already on its way does no harm: Redis applies both in order, and
     * subscribing twice to a channel delivers its messages once.
     */
    private void reconcile() {
        synchronized (lock) {
            List<String> subscribe = followers.keySet().stream()
                    .filter(channel -> !confirmed.contains(channel))
                    .toList();
            List<String> unsubscribe = confirmed.stream()
                    .filter(channel -> !followers.containsKey(channel))
                    .toList();
            if (!subscribe.isEmpty()) {
                command(connection -> connection.subscribe(subscribe.toArray(String[]::new)));
            }
            if (!unsubscribe.isEmpty()) {
                command(connection -> connection.unsubscribe(unsubscribe.toArray(String[]::new)));
            }
        }
    }

    /**
     * Sends a SUBSCRIBE or UNSUBSCRIBE now if the listening connection is up; if it is not, the reconnection puts the
     * subscriptions right, and if the command fails, a reconciliation a moment later does.
     */
    private void command(Function<RedisPubSubAsyncCommands<String, String>, RedisFuture<Void>> subscription) {
        StatefulRedisPubSubConnection<String, String> connection = listening;
        if (closed || connection == null || !connection.isOpen()) {
            return;
        }
        try {
            subscription.apply(connection.async()).whenComplete((done, failure) -> {
                if (failure != null) {
                    subscriptionFailed(failure);
                }
            });
        } catch (RuntimeException failure) {
            subscriptionFailed(failure);
        }
    }

    private void subscriptionFailed(Throwable failure) {
        if (closed) {
            return;
        }
        if (failure instanceof RedisCommandExecutionException) {
            // Redis itself refused (an ACL without pub/sub, say): words stay away until it is fixed
            LOG.warn("Redis at {} refused a subscription to live events: {}", where(), failure.getMessage());
        } else {
            LOG.debug("subscription to live events not made yet", failure);
        }
        later(this::reconcile, RECONCILE_AFTER_FAILURE);
    }

    private void later(Runnable task, Duration after) {
        try {
            upkeep.schedule(task, after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException whenClosed) {
            // closed: nothing left to keep up
        }
    }

    private String where() {
        return uri.getHost() + ":" + uri.getPort();
    }

    /** One listener of one business's words, until stopped. */
    private final class Follower {
        private final String channel;
        private final LongConsumer listener;
        private volatile boolean stopped;

        Follower(String channel, LongConsumer listener) {
            this.channel = channel;
            this.listener = listener;
        }

        void hear(long last) {
            if (stopped) {
                return;
            }
            try {
                listener.accept(last);
            } catch (RuntimeException e) {
                LOG.warn("a follower of {} failed on a word of new events", channel, e);
            }
        }

        void stop() {
            synchronized (lock) {
                if (stopped) {
                    return;
                }
                stopped = true;
                List<Follower> ofChannel = followers.get(channel);
                if (ofChannel == null) {
                    return;
                }
                ofChannel.remove(this);
                if (ofChannel.isEmpty()) {
                    followers.remove(channel);
                    command(connection -> connection.unsubscribe(channel));
                }
            }
        }
    }

    /** What arrives on the listening connection, on Lettuce's thread: handed on, or noted, never waited on. */
    private final class Words extends RedisPubSubAdapter<String, String> {
        @Override
        public void message(String channel, String message) {
            List<Follower> ofChannel = followers.get(channel);
            if (ofChannel == null) {
                return;
            }
            long last;
            try {
                last = Long.parseLong(message);
            } catch (NumberFormatException notANumber) {
                LOG.debug("a word on {} that is no event number ignored", channel);
                return;
            }
            if (last < 0) {
                LOG.debug("a negative event number on {} ignored", channel);
                return;
            }
            for (Follower follower : ofChannel) {
                follower.hear(last);
            }
        }

        @Override
        public void subscribed(String channel, long count) {
            confirmed.add(channel);
            if (!followers.containsKey(channel)) {
                // Lettuce subscribed again to a channel left while Redis was away
                onUpkeep.execute(LettuceLiveEventPublisher.this::reconcile);
            }
        }

        @Override
        public void unsubscribed(String channel, long count) {
            confirmed.remove(channel);
            if (followers.containsKey(channel)) {
                // an UNSUBSCRIBE from before a new follower arrived after the follower's SUBSCRIBE
                onUpkeep.execute(LettuceLiveEventPublisher.this::reconcile);
            }
        }
    }

    /** The listening connection's ups and downs, on Lettuce's thread. */
    private final class ListeningState implements RedisConnectionStateListener {
        @Override
        public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
            LOG.info("Redis at {} back: live events come from the other servers again", where());
            later(LettuceLiveEventPublisher.this::reconcile, RECONCILE_AFTER_RECONNECT);
        }

        @Override
        public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            // subscriptions belong to a connection: the next one confirms its own
            confirmed.clear();
            if (!closed) {
                LOG.warn(
                        "lost Redis at {}: live events are read from the database until it is back, and Lettuce"
                                + " reconnects",
                        where());
            }
        }
    }
}
