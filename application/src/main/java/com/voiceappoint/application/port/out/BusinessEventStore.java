package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.event.BusinessEvent;
import java.time.Instant;
import java.util.List;

/**
 * Each business's events, numbered in commit order and kept for a while, so that a dashboard that lost its stream
 * gets what it missed.
 */
public interface BusinessEventStore {

    /**
     * Keeps the drafts of one business, in the caller's transaction, numbering them after the business's last event.
     * Until that transaction ends no other may number an event of the same business, so the numbers follow the
     * commits: a reader that has seen event {@code n} and no gap before it has missed nothing before {@code n}.
     * Called as the last write of a transaction, to hold that turn as briefly as possible.
     *
     * @return the same events, numbered
     */
    List<BusinessEvent> append(BusinessId business, List<BusinessEvent> drafts);

    /** The business's kept events numbered after {@code after}, oldest first, at most {@code limit} of them. */
    List<BusinessEvent> since(BusinessId business, long after, int limit);

    /** Which of the business's events are still kept. */
    Window window(BusinessId business);

    /**
     * Forgets events that happened before {@code before}, in batches of at most {@code batch}.
     *
     * @return how many were forgotten
     */
    int forget(Instant before, int batch);

    /**
     * @param oldestKept the number of the oldest event still kept; one more than {@code last} when none is
     * @param last the number of the business's last event, kept or forgotten (0 before its first)
     */
    record Window(long oldestKept, long last) {
        public static final Window EMPTY = new Window(1, 0);

        /**
         * Whether a reader who saw events up to {@code seen} can be given everything after it: nothing it missed has
         * been forgotten, and {@code seen} is a number this business has given.
         */
        public boolean canResumeAfter(long seen) {
            return seen >= 0 && seen <= last && seen >= oldestKept - 1;
        }
    }
}
