package com.voiceappoint.adapter.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.voiceappoint.adapter.limits.TestRedis;
import com.voiceappoint.application.port.out.LiveEventPublisher;
import com.voiceappoint.application.port.out.LiveEventPublisher.Following;
import com.voiceappoint.domain.business.BusinessId;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.Test;

/**
 * Two publishers on one Redis play two server instances: what one announces, the other's followers hear. Nothing is
 * asserted by sleeping: a word that must not arrive is checked after a later word from the same server has arrived
 * (one server's words reach another in the order they were sent), and everything else is awaited.
 */
class LettuceLiveEventPublisherTest {
    private static final Duration SOON = Duration.ofSeconds(10);

    @Test
    void a_word_announced_on_one_server_reaches_the_followers_of_that_business_on_another() throws Exception {
        BusinessId salon = BusinessId.random();
        BusinessId otherSalon = BusinessId.random();
        try (TwoServers servers = new TwoServers(TestRedis.url())) {
            Heard ofSalon = servers.followOnB(salon);
            Heard ofOtherSalon = servers.followOnB(otherSalon);

            servers.a.announce(salon, 42);

            assertThat(ofSalon.next()).isEqualTo(42);
            servers.allOfAsWordsArrived();
            assertThat(ofOtherSalon.words).as("followers of another business").isEmpty();
            assertThat(ofSalon.words).as("one word, heard once").isEmpty();
        }
    }

    @Test
    void a_follower_that_stopped_hears_nothing_more_and_the_channel_is_left() throws Exception {
        BusinessId salon = BusinessId.random();
        try (TwoServers servers = new TwoServers(TestRedis.url());
                Raw raw = new Raw(TestRedis.url())) {
            Heard heard = new Heard();
            Following following = servers.b.follow(salon, heard);
            servers.awaitConnectedB();
            servers.a.announce(salon, 1);
            assertThat(heard.next()).isEqualTo(1);

            following.stop();
            following.stop();
            servers.a.announce(salon, 2);

            servers.allOfAsWordsArrived();
            assertThat(heard.words).isEmpty();
            eventually(
                    "B unsubscribed from the business's channel",
                    () -> raw.subscribers(LettuceLiveEventPublisher.channel(salon)) == 0);
        }
    }

    @Test
    void two_followers_of_a_business_both_hear_and_one_stopping_keeps_the_other() throws Exception {
        BusinessId salon = BusinessId.random();
        try (TwoServers servers = new TwoServers(TestRedis.url());
                Raw raw = new Raw(TestRedis.url())) {
            Heard first = new Heard();
            Heard second = new Heard();
            Following firstFollowing = servers.b.follow(salon, first);
            servers.b.follow(salon, second);
            servers.awaitConnectedB();

            servers.a.announce(salon, 7);
            assertThat(first.next()).isEqualTo(7);
            assertThat(second.next()).isEqualTo(7);
            assertThat(raw.subscribers(LettuceLiveEventPublisher.channel(salon)))
                    .as("one subscription for both followers")
                    .isEqualTo(1);

            firstFollowing.stop();
            servers.a.announce(salon, 8);

            assertThat(second.next()).isEqualTo(8);
            servers.allOfAsWordsArrived();
            assertThat(first.words).isEmpty();
            assertThat(raw.subscribers(LettuceLiveEventPublisher.channel(salon)))
                    .as("still subscribed for the follower left")
                    .isEqualTo(1);
        }
    }

    @Test
    void words_that_are_no_event_number_are_ignored() throws Exception {
        BusinessId salon = BusinessId.random();
        try (TwoServers servers = new TwoServers(TestRedis.url());
                Raw raw = new Raw(TestRedis.url())) {
            Heard heard = servers.followOnB(salon);
            String channel = LettuceLiveEventPublisher.channel(salon);
            for (String junk : List.of("", "hello", "-3", "4.5", "99999999999999999999", " 6", "0x10")) {
                raw.connection.sync().publish(channel, junk);
            }

            servers.a.announce(salon, 5);

            // Redis delivers in the order it took the messages: the junk came first
            assertThat(heard.next()).isEqualTo(5);
        }
    }

    @Test
    void a_follower_that_fails_does_not_keep_the_word_from_the_others() throws Exception {
        BusinessId salon = BusinessId.random();
        try (TwoServers servers = new TwoServers(TestRedis.url())) {
            servers.b.follow(salon, last -> {
                throw new IllegalStateException("a follower with a bug");
            });
            Heard heard = servers.followOnB(salon);

            servers.a.announce(salon, 3);
            assertThat(heard.next()).isEqualTo(3);
            servers.a.announce(salon, 4);
            assertThat(heard.next()).isEqualTo(4);
        }
    }

    @Test
    void redis_going_away_and_coming_back() throws Exception {
        BusinessId salon = BusinessId.random();
        BusinessId arriving = BusinessId.random();
        try (TestRedis.Own redis = TestRedis.own();
                TwoServers servers = new TwoServers(redis.url())) {
            Heard heard = servers.followOnB(salon);
            servers.a.announce(salon, 1);
            assertThat(heard.next()).isEqualTo(1);

            redis.stop();

            eventually("B knows the words no longer arrive", () -> !servers.b.connected());
            long started = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                servers.a.announce(salon, 2);
            }
            // loose: waiting out the command timeout even once would take 2 s, a hundred times 200 s
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .as("announcing while Redis is away")
                    .isLessThan(Duration.ofSeconds(5));
            // Lettuce subscribes again to the channels it had, not to one followed meanwhile
            Heard arrivingHeard = new Heard();
            servers.b.follow(arriving, arrivingHeard);
            assertThat(servers.b.connected()).isFalse();

            redis.start();

            eventually("B connected again", servers.b::connected);
            announceUntilHeard(servers.a, salon, 3, heard);
            servers.a.announce(arriving, 4);
            assertThat(arrivingHeard.next()).as("followed while Redis was away").isEqualTo(4);
        }
    }

    @Test
    void a_business_left_while_redis_was_away_is_unsubscribed_when_it_is_back() throws Exception {
        BusinessId salon = BusinessId.random();
        BusinessId leaving = BusinessId.random();
        try (TestRedis.Own redis = TestRedis.own();
                TwoServers servers = new TwoServers(redis.url())) {
            Heard heard = servers.followOnB(salon);
            Following leavingFollowing = servers.b.follow(leaving, new Heard());
            servers.awaitConnectedB();

            redis.stop();
            eventually("B knows the words no longer arrive", () -> !servers.b.connected());
            leavingFollowing.stop();
            redis.start();

            eventually("B connected again", servers.b::connected);
            announceUntilHeard(servers.a, salon, 1, heard);
            try (Raw raw = new Raw(redis.url())) {
                // Lettuce subscribed to it again on reconnecting, as it had it before
                eventually(
                        "the channel left while Redis was away is unsubscribed",
                        () -> raw.subscribers(LettuceLiveEventPublisher.channel(leaving)) == 0);
                assertThat(raw.subscribers(LettuceLiveEventPublisher.channel(salon)))
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void a_server_started_while_redis_is_away_connects_when_it_comes() throws Exception {
        BusinessId salon = BusinessId.random();
        TestRedis.Own redis = TestRedis.at(TestRedis.freePort());
        try (redis;
                LettuceLiveEventPublisher b = LettuceLiveEventPublisher.create(redis.url())) {
            Heard heard = new Heard();
            b.follow(salon, heard);
            b.announce(salon, 1);
            assertThat(b.connected()).as("nothing listens on the port").isFalse();

            redis.start();

            eventually("B connected once Redis came", b::connected);
            try (LettuceLiveEventPublisher a = LettuceLiveEventPublisher.create(redis.url())) {
                announceUntilHeard(a, salon, 5, heard);
            }
        }
    }

    @Test
    void closing_lets_go_of_the_connections_and_the_thread() throws Exception {
        BusinessId salon = BusinessId.random();
        try (TestRedis.Own redis = TestRedis.own();
                Raw raw = new Raw(redis.url())) {
            LettuceLiveEventPublisher publisher = LettuceLiveEventPublisher.create(redis.url());
            Following following = publisher.follow(salon, new Heard());
            eventually("connected", publisher::connected);
            eventually("both connections made", () -> raw.connectionsOf(LettuceLiveEventPublisher.CLIENT_NAME) == 2);

            publisher.close();
            publisher.close();

            eventually("no connection left", () -> raw.connectionsOf(LettuceLiveEventPublisher.CLIENT_NAME) == 0);
            eventually(
                    "no upkeep thread left",
                    () -> Thread.getAllStackTraces().keySet().stream()
                            .noneMatch(thread -> thread.getName().equals("live-events-redis")));
            assertThat(publisher.connected()).isFalse();
            publisher.announce(salon, 1);
            following.stop();
            publisher.follow(salon, new Heard()).stop();
        }
    }

    /** Announces on {@code from} until {@code heard} hears {@code number}: words sent before Redis is back are lost. */
    private static void announceUntilHeard(LiveEventPublisher from, BusinessId business, long number, Heard heard)
            throws InterruptedException {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (System.nanoTime() < deadline) {
            from.announce(business, number);
            Long word = heard.words.poll(100, TimeUnit.MILLISECONDS);
            if (word != null && word == number) {
                return;
            }
        }
        fail("%d was never heard", number);
    }

    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + SOON.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within %s: %s", SOON, what);
            }
            Thread.sleep(20);
        }
    }

    /** What a follower heard, in order. */
    private static final class Heard implements LongConsumer {
        final LinkedBlockingQueue<Long> words = new LinkedBlockingQueue<>();

        @Override
        public void accept(long last) {
            words.add(last);
        }

        long next() throws InterruptedException {
            Long word = words.poll(SOON.toMillis(), TimeUnit.MILLISECONDS);
            if (word == null) {
                fail("no word within %s", SOON);
            }
            return word;
        }
    }

    /**
     * Two servers on one Redis. B follows a business of the test's own whose words mark how far A's words have
     * arrived; the constructor returns once A's words reach B.
     */
    private static final class TwoServers implements AutoCloseable {
        final LettuceLiveEventPublisher a;
        final LettuceLiveEventPublisher b;
        private final BusinessId marker = BusinessId.random();
        private final Heard markers = new Heard();
        private long lastMarker;

        TwoServers(String url) throws InterruptedException {
            a = LettuceLiveEventPublisher.create(url);
            b = LettuceLiveEventPublisher.create(url);
            b.follow(marker, markers);
            awaitConnectedB();
            announceUntilHeard(a, marker, 0, markers);
        }

        Heard followOnB(BusinessId business) throws InterruptedException {
            Heard heard = new Heard();
            b.follow(business, heard);
            awaitConnectedB();
            return heard;
        }

        /** Until Redis confirms B's subscriptions, A's words for them are lost. */
        void awaitConnectedB() throws InterruptedException {
            eventually("B subscribed", b::connected);
        }

        /** Returns once every word A announced before has reached B. */
        void allOfAsWordsArrived() throws InterruptedException {
            long marked = ++lastMarker;
            a.announce(marker, marked);
            while (markers.next() != marked) {
                // markers of the handshake
            }
        }

        @Override
        public void close() {
            try {
                b.close();
            } finally {
                a.close();
            }
        }
    }

    /** A plain connection to look at Redis from outside (never inside a listener, so the sync API is fine). */
    private static final class Raw implements AutoCloseable {
        private final RedisClient client;
        final StatefulRedisConnection<String, String> connection;

        Raw(String url) {
            client = RedisClient.create(url);
            connection = client.connect();
        }

        long subscribers(String channel) {
            return connection.sync().pubsubNumsub(channel).getOrDefault(channel, 0L);
        }

        long connectionsOf(String clientName) {
            return connection
                    .sync()
                    .clientList()
                    .lines()
                    .filter(line -> line.contains(" name=" + clientName + " "))
                    .count();
        }

        @Override
        public void close() {
            connection.close();
            client.shutdown();
        }
    }
}
