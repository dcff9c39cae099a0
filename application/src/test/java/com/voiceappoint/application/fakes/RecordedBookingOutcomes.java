package com.voiceappoint.application.fakes;

import com.voiceappoint.application.port.out.BookingOutcomePublisher;
import com.voiceappoint.domain.appointment.BookingSource;
import java.util.ArrayList;
import java.util.List;

/** Keeps every outcome published, in order. */
public final class RecordedBookingOutcomes implements BookingOutcomePublisher {
    public record Published(Outcome outcome, BookingSource source) {}

    private final List<Published> published = new ArrayList<>();

    @Override
    public synchronized void publish(Outcome outcome, BookingSource source) {
        published.add(new Published(outcome, source));
    }

    public synchronized List<Published> published() {
        return List.copyOf(published);
    }
}
