package com.voiceappoint.bootstrap;

import com.voiceappoint.application.port.in.ExpireLapsedHoldsUseCase;
import com.voiceappoint.application.port.in.LiveEventsUseCase;
import com.voiceappoint.application.port.in.PaymentUpkeepUseCase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's own chores, on a thread of their own, on every server: lapsed holds nobody confirmed and no booking
 * needed go back to the diary (and the dashboards hear of it) within {@link #HOLDS_EVERY} of lapsing, and events older
 * than those kept for resuming streams are forgotten every {@link #EVENTS_EVERY}, whether or not anyone watches. A run
 * that fails (the database away) leaves its work to the next.
 */
final class EngineUpkeep implements AutoCloseable {
    static final Duration HOLDS_EVERY = Duration.ofSeconds(30);
    static final Duration EVENTS_EVERY = Duration.ofMinutes(10);
    /** Deposits past their deadline are marked lapsed, and refunds whose answer was lost asked again. */
    static final Duration PAYMENTS_EVERY = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(EngineUpkeep.class);

    private final ScheduledExecutorService runner;

    private EngineUpkeep(ScheduledExecutorService runner) {
        this.runner = runner;
    }

    static EngineUpkeep start(ExpireLapsedHoldsUseCase holds, LiveEventsUseCase events, PaymentUpkeepUseCase payments) {
        ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "engine-upkeep");
            thread.setDaemon(true);
            return thread;
        });
        every(runner, HOLDS_EVERY, "lapsed holds expired", holds::expireLapsedHolds);
        every(runner, EVENTS_EVERY, "old events forgotten", events::forgetOldEvents);
        every(runner, PAYMENTS_EVERY, "payments lapsed and refunds settled", payments::settle);
        return new EngineUpkeep(runner);
    }

    private static void every(ScheduledExecutorService runner, Duration period, String done, IntSupplier chore) {
        runner.scheduleWithFixedDelay(
                () -> {
                    try {
                        int count = chore.getAsInt();
                        if (count > 0) {
                            LOG.debug("{}: {}", done, count);
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("not done this time ({}): {}", done, e.toString());
                    }
                },
                period.toSeconds(),
                period.toSeconds(),
                TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
