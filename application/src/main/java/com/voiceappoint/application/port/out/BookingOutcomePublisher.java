package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.appointment.BookingSource;

/**
 * Told what became of every request to book or hold a time, whichever channel it came through. Called after the
 * transaction, never inside it: a slow listener must not hold a booking's locks.
 */
public interface BookingOutcomePublisher {
    /** For when nobody is listening. */
    BookingOutcomePublisher NONE = (outcome, source) -> {};

    void publish(Outcome outcome, BookingSource source);

    enum Outcome {
        BOOKED,
        HELD,
        /** The request had been made before (same idempotency key, or same client, service and start). */
        REPLAYED,
        /** Someone else has the time: the conflict the exclusion constraint settles. */
        SLOT_TAKEN,
        /** Closed, too soon, too far, and the other reasons the booking policy gives. */
        REFUSED
    }
}
