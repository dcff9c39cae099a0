package com.voiceappoint.bootstrap;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The server's own clock ({@link VoiceAppointServer#databaseClock()}), which a test may move on: to what the server
 * would do some seconds later, without waiting for them. It never goes back.
 */
final class ServerClock extends Clock {
    private final Clock real;
    private final AtomicReference<Duration> ahead;

    ServerClock() {
        this(VoiceAppointServer.databaseClock(), new AtomicReference<>(Duration.ZERO));
    }

    private ServerClock(Clock real, AtomicReference<Duration> ahead) {
        this.real = real;
        this.ahead = ahead;
    }

    void moveOn(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the server's clock never goes back");
        }
        ahead.accumulateAndGet(by, Duration::plus);
    }

    @Override
    public Instant instant() {
        return real.instant().plus(ahead.get());
    }

    /** The real clock's own reading, as the server's libraries ask for it (stripe-java times a signature by it). */
    @Override
    public long millis() {
        return real.millis() + ahead.get().toMillis();
    }

    @Override
    public ZoneId getZone() {
        return real.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // the same clock seen from another zone: moved on with this one
        return new ServerClock(real.withZone(zone), ahead);
    }
}
