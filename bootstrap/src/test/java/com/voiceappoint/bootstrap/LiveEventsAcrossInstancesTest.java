package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.adapter.limits.TestRedis;
import com.voiceappoint.adapter.persistence.TestPostgres;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two server instances on one PostgreSQL and one Redis, as behind nginx: a booking on one reaches a stream on the
 * other, and Redis going away loses no event and stops no booking.
 */
class LiveEventsAcrossInstancesTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static boolean mentions(EventStreamReader.Event event, String appointment) {
        return event.json().path("appointment").path("id").asText().equals(appointment);
    }

    @Test
    void a_booking_on_one_instance_reaches_a_stream_on_the_other_and_a_redis_outage_loses_nothing() {
        try (TestRedis.Own redis = TestRedis.own();
                LiveApi first = LiveApi.start(postgres, Map.of("REDIS_URL", redis.url()));
                LiveApi second = LiveApi.start(postgres, Map.of("REDIS_URL", redis.url()))) {
            World world = World.open(first, "Dos Sedes");
            long seen;
            try (EventStreamReader stream =
                    EventStreamReader.open(second.port(), world.id, world.owner.token(), Optional.empty())) {
                String before = world.freshAppointment(world.ownerProvider);
                List<EventStreamReader.Event> live = stream.until(e -> mentions(e, before), WAIT);
                seen = live.get(live.size() - 1).number();

                redis.stop();
                String during = world.freshAppointment(world.ownerProvider);
                String later = world.freshAppointment(world.ownerProvider);

                // the other instance reads them from the database while Redis is away
                List<EventStreamReader.Event> read = stream.until(e -> mentions(e, later), WAIT);
                assertThat(read).extracting(EventStreamReader.Event::number).containsExactly(seen + 1, seen + 2);
                assertThat(mentions(read.get(0), during)).isTrue();
            }
            // a browser reconnecting meanwhile, to either instance, gets each event once, in order
            try (EventStreamReader resumed =
                    EventStreamReader.open(first.port(), world.id, world.owner.token(), Optional.of(seen))) {
                assertThat(resumed.until(e -> e.number() == seen + 2, WAIT))
                        .extracting(EventStreamReader.Event::number)
                        .containsExactly(seen + 1, seen + 2);
                assertThat(resumed.drain(Duration.ofMillis(300))).isEmpty();
            }

            redis.start();
            try (EventStreamReader stream =
                    EventStreamReader.open(second.port(), world.id, world.owner.token(), Optional.of(seen + 2))) {
                String after = world.freshAppointment(world.ownerProvider);
                assertThat(stream.until(e -> mentions(e, after), WAIT))
                        .extracting(EventStreamReader.Event::number)
                        .containsExactly(seen + 3);
            }
        }
    }
}
