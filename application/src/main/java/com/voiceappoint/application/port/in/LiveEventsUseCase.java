package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.event.BusinessEvent;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A member's live view of a business: every event of its diary and its calls, as each commits on any instance, and,
 * for a dashboard coming back, what it missed.
 */
public interface LiveEventsUseCase {

    /**
     * Opens a stream of the business's events the member may see: all of them, except for staff who may act on their
     * own appointments only, who see the events of their own diary and none of their colleagues'.
     *
     * @param lastSeen the number of the last event the member's dashboard saw, to go on from; empty to start from now
     * @throws com.voiceappoint.application.error.NotFoundException for a business the member is not in
     * @throws com.voiceappoint.application.error.TooManyStreamsException when the member, or this server, has as many
     *     streams open as it may
     */
    EventStream open(Actor.Member member, BusinessId business, Optional<Long> lastSeen);

    /**
     * Forgets the events older than those kept for streams that resume, whether or not any stream is open; run by the
     * server every few minutes.
     *
     * @return how many were forgotten
     */
    int forgetOldEvents();

    /** How many streams are open on this server, and how many events were committed here. */
    Stats stats();

    record Stats(int openStreams, long published) {}

    /** One member's stream. Read from one thread; closing it from any thread ends the reader's wait. */
    interface EventStream extends AutoCloseable {

        /**
         * What to send next, waiting at most {@code wait} for it: events, in order; {@link Quiet} when nothing came (time
         * for a heartbeat); or the end. At least every 15 seconds, busy or quiet, the member's place in the business is
         * checked again: a member removed loses the stream, and one whose role changed sees what it now allows.
         */
        Next next(Duration wait) throws InterruptedException;

        @Override
        void close();
    }

    sealed interface Next permits Events, Quiet, Reload, Ended {}

    /** @param live whether they are news, or what a resumed stream missed */
    record Events(List<BusinessEvent> events, boolean live) implements Next {
        public Events {
            events = List.copyOf(events);
        }
    }

    /** Nothing happened meanwhile. */
    record Quiet() implements Next {}

    /**
     * What the dashboard missed can no longer be told (it is older than the events kept, or the number it gave is not
     * one this business gave): it should read everything again. Events from now on follow.
     */
    record Reload() implements Next {}

    /** The stream is over; the client may open another, from the last event it saw. */
    record Ended(Why why) implements Next {
        public Ended {
            Objects.requireNonNull(why, "why");
        }
    }

    enum Why {
        /** It did not read as fast as events came: reconnecting resumes where it stopped. */
        FELL_BEHIND,
        /** The member is no longer in the business. */
        ACCESS_ENDED,
        /** Closed by its reader, or by the server shutting down. */
        CLOSED
    }
}
