package com.voiceappoint.bootstrap;

import com.voiceappoint.application.port.in.ExpireLapsedHoldsUseCase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the engine's sweep of lapsed holds on a thread of its own: a hold nobody confirmed and no booking needed goes
 * back to the diary, and the dashboards hear of it, within this long of lapsing. A run that fails (the database away)
 * leaves the holds to the next.
 */
final class LapsedHoldsSweep implements AutoCloseable {
    static final Duration EVERY = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(LapsedHoldsSweep.class);

    private final ScheduledExecutorService runner;

    private LapsedHoldsSweep(ScheduledExecutorService runner) {
        this.runner = runner;
    }

    static LapsedHoldsSweep start(ExpireLapsedHoldsUseCase holds) {
        ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "lapsed-holds");
            thread.setDaemon(true);
            return thread;
        });
        runner.scheduleWithFixedDelay(
                () -> {
                    try {
                        int expired = holds.expireLapsedHolds();
                        if (expired > 0) {
                            LOG.debug("{} lapsed holds expired", expired);
                        }
                    } catch (RuntimeException e) {
                        LOG.warn("lapsed holds not expired this time: {}", e.toString());
                    }
                },
                EVERY.toSeconds(),
                EVERY.toSeconds(),
                TimeUnit.SECONDS);
        return new LapsedHoldsSweep(runner);
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
