package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.port.out.BusinessEventStore;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.event.BusinessEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Like the database: each business's counter is a row written in the appending transaction, so a transaction rolled
 * back gives its numbers back, and transactions run one at a time, so the numbers follow the commits.
 */
final class InMemoryBusinessEventStore implements BusinessEventStore {
    private static final Comparator<BusinessEvent> BY_NUMBER =
            Comparator.comparing((BusinessEvent e) -> e.business().value()).thenComparingLong(BusinessEvent::sequence);

    /** Each business's last number, kept when its events are forgotten. */
    private final Table<BusinessId, Long> counters;

    private final Table<Numbered, BusinessEvent> events;

    private record Numbered(BusinessId business, long sequence) {}

    InMemoryBusinessEventStore(InMemoryTransactionRunner transactions) {
        counters = new Table<>(transactions);
        events = new Table<>(transactions);
    }

    @Override
    public List<BusinessEvent> append(BusinessId business, List<BusinessEvent> drafts) {
        if (drafts.stream().anyMatch(d -> !d.business().equals(business))) {
            throw new IllegalArgumentException("events of another business are numbered with their own");
        }
        if (drafts.isEmpty()) {
            return List.of();
        }
        long last = counters.find(business).orElse(0L);
        List<BusinessEvent> numbered = new ArrayList<>(drafts.size());
        for (BusinessEvent draft : drafts) {
            BusinessEvent event = draft.numbered(++last);
            events.put(new Numbered(business, event.sequence()), event);
            numbered.add(event);
        }
        counters.put(business, last);
        return numbered;
    }

    @Override
    public List<BusinessEvent> since(BusinessId business, long after, int limit) {
        return events.stream()
                .filter(e -> e.business().equals(business) && e.sequence() > after)
                .sorted(BY_NUMBER)
                .limit(limit)
                .toList();
    }

    @Override
    public Window window(BusinessId business) {
        return counters.find(business)
                .map(last -> new Window(
                        events.stream()
                                .filter(e -> e.business().equals(business))
                                .mapToLong(BusinessEvent::sequence)
                                .min()
                                .orElse(last + 1),
                        last))
                .orElse(Window.EMPTY);
    }

    /**
     * As the database does: each business's events up to the last that happened before {@code before}, lowest numbers
     * first, so that what is kept of a business is always a run with no holes.
     */
    @Override
    public int forget(Instant before, int batch) {
        Map<BusinessId, Long> through = events.stream()
                .filter(e -> e.at().isBefore(before))
                .collect(Collectors.toMap(BusinessEvent::business, BusinessEvent::sequence, Math::max));
        List<BusinessEvent> doomed = events.stream()
                .filter(e -> e.sequence() <= through.getOrDefault(e.business(), 0L))
                .sorted(BY_NUMBER)
                .limit(batch)
                .toList();
        doomed.forEach(e -> events.remove(new Numbered(e.business(), e.sequence())));
        return doomed.size();
    }
}
