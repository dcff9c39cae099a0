package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.business.BusinessId;
import java.util.function.LongConsumer;

/**
 * Carries word of committed events between the server's instances: that business {@code b} has events up to number
 * {@code n}. The events themselves stay in the {@link BusinessEventStore}, which every instance reads, so a word lost
 * on the way loses no event: it only delays it until the next word or the next check.
 */
public interface LiveEventPublisher {

    /** For a server that runs alone: the instance that keeps an event is the only one with streams to give it to. */
    LiveEventPublisher ALONE = new LiveEventPublisher() {
        @Override
        public void announce(BusinessId business, long last) {}

        @Override
        public Following follow(BusinessId business, LongConsumer last) {
            return new Following(() -> {});
        }

        @Override
        public boolean connected() {
            return true;
        }
    };

    /**
     * Tells the other instances that the business's events up to {@code last} are committed. Never blocks and never
     * throws: a word that cannot be sent now is dropped.
     */
    void announce(BusinessId business, long last);

    /**
     * Hears the words other instances send about the business, until {@link Following#stop()}. The listener is called on
     * the carrier's own thread: it must return at once.
     */
    Following follow(BusinessId business, LongConsumer last);

    /** Whether words from the other instances reach this one now; while not, events are fetched by asking the store. */
    boolean connected();

    /** One business followed, until {@link #stop()}. */
    final class Following {
        private final Runnable stop;

        public Following(Runnable stop) {
            this.stop = stop;
        }

        /** Hears no more words about the business; a second stop does nothing more. */
        public void stop() {
            stop.run();
        }
    }
}
