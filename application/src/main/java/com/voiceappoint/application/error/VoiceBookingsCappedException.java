package com.voiceappoint.application.error;

import java.net.URI;
import java.util.Optional;

/**
 * A caller may not book by voice just now: the business's plan allows no more voice bookings this month. What the
 * caller hears says nothing of plans or bills, only that the booking is made on the web, at the business's public page
 * when the server has one. Never a REST answer: only a voice caller books by voice.
 */
public final class VoiceBookingsCappedException extends RuntimeException {
    private final transient Optional<URI> bookOnline;

    public VoiceBookingsCappedException(Optional<URI> bookOnline) {
        super("the plan's voice bookings for this month are used up", null, false, false);
        this.bookOnline = bookOnline;
    }

    /** The business's public page, where the caller can book instead. */
    public Optional<URI> bookOnline() {
        return bookOnline;
    }
}
