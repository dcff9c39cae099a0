package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.port.out.BusinessEventStore;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.event.BusinessEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Events in {@code business_events}, numbered from each business's row in {@code business_event_sequences} (see
 * V22). An event's time is kept to the microsecond, as PostgreSQL keeps time; the events {@link #append} answers are
 * already so, so that a stream told of an event as it commits and one that reads it later see the same event.
 */
public final class JdbiBusinessEventStore implements BusinessEventStore {
    /**
     * One statement, one round trip: bumps the business's counter by the number of events (creating it at the first)
     * and keeps the events numbered up to its new value. The counter's row stays locked until the transaction ends,
     * which is what makes the next transaction of the business wait for this one's commit before it numbers.
     */
    private static final String APPEND = "with counter as ("
            + "insert into business_event_sequences as s (business_id, last_seq) values (:business, :count) "
            + "on conflict (business_id) do update set last_seq = s.last_seq + excluded.last_seq "
            + "returning last_seq), "
            + "kept as (insert into business_events (business_id, seq, kind, occurred_at, payload) "
            + "select :business, counter.last_seq - :count + e.position, e.kind, e.occurred_at, e.payload "
            + "from counter, unnest(cast(:kinds as text[]), cast(:times as timestamptz[]), "
            + "cast(:payloads as jsonb[])) with ordinality as e(kind, occurred_at, payload, position)) "
            + "select last_seq from counter";

    private final Jdbi jdbi;

    JdbiBusinessEventStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<BusinessEvent> append(BusinessId business, List<BusinessEvent> drafts) {
        if (drafts.stream().anyMatch(d -> !d.business().equals(business))) {
            throw new IllegalArgumentException("events of another business are numbered with their own");
        }
        if (drafts.isEmpty()) {
            return List.of();
        }
        List<BusinessEvent> kept =
                drafts.stream().map(JdbiBusinessEventStore::asKept).toList();
        long last = jdbi.withHandle(h -> h.createQuery(APPEND)
                .bind("business", business.value())
                .bind("count", kept.size())
                .bindArray(
                        "kinds",
                        String.class,
                        kept.stream().map(e -> e.kind().code()).toList())
                .bindArray(
                        "times",
                        String.class,
                        kept.stream().map(e -> e.at().toString()).toList())
                .bindArray(
                        "payloads",
                        String.class,
                        kept.stream().map(EventPayloads::write).toList())
                .mapTo(Long.class)
                .one());
        List<BusinessEvent> numbered = new ArrayList<>(kept.size());
        long first = last - kept.size() + 1;
        for (int i = 0; i < kept.size(); i++) {
            numbered.add(kept.get(i).numbered(first + i));
        }
        return numbered;
    }

    /** The event as the database will give it back: its time to the microsecond. */
    private static BusinessEvent asKept(BusinessEvent draft) {
        Instant at = draft.at().truncatedTo(ChronoUnit.MICROS);
        return at.equals(draft.at())
                ? draft
                : new BusinessEvent(draft.sequence(), draft.business(), draft.kind(), at, draft.by(), draft.subject());
    }

    @Override
    public List<BusinessEvent> since(BusinessId business, long after, int limit) {
        return jdbi.withHandle(h -> h.createQuery("select seq, kind, occurred_at, payload from business_events "
                        + "where business_id = :business and seq > :after order by seq limit :limit")
                .bind("business", business.value())
                .bind("after", after)
                .bind("limit", limit)
                .map((rs, ctx) -> event(business, rs))
                .list());
    }

    private static BusinessEvent event(BusinessId business, ResultSet rs) throws SQLException {
        String kind = rs.getString("kind");
        return EventPayloads.read(
                rs.getLong("seq"),
                business,
                BusinessEvent.Kind.ofCode(kind)
                        .orElseThrow(() -> new IllegalStateException("unknown kind of event " + kind)),
                Rows.instant(rs, "occurred_at"),
                rs.getString("payload"));
    }

    @Override
    public Window window(BusinessId business) {
        // one statement, one snapshot: the oldest kept and the last agree
        return jdbi.withHandle(h -> h.createQuery("select s.last_seq, (select min(e.seq) from business_events e "
                                + "where e.business_id = s.business_id) as oldest "
                                + "from business_event_sequences s where s.business_id = :business")
                        .bind("business", business.value())
                        .map((rs, ctx) -> {
                            long last = rs.getLong("last_seq");
                            long oldest = rs.getLong("oldest");
                            return new Window(rs.wasNull() ? last + 1 : oldest, last);
                        })
                        .findOne())
                .orElse(Window.EMPTY);
    }

    /**
     * Forgets, for each business, its events up to the last that happened before {@code before}, lowest numbers
     * first: times are read from the clock before the commits that number the events, so they may run slightly out of
     * number order, and forgetting by time alone could leave a hole in what is kept, which a stream would wait on for
     * ever. The counters stay, so numbering goes on where it was.
     */
    @Override
    public int forget(Instant before, int batch) {
        return jdbi.withHandle(h -> h.createUpdate("with doomed as (select e.business_id, e.seq "
                        + "from business_events e join (select business_id, max(seq) as through from business_events "
                        + "where occurred_at < :before group by business_id) old on old.business_id = e.business_id "
                        + "and e.seq <= old.through order by e.business_id, e.seq limit :batch) "
                        + "delete from business_events e using doomed "
                        + "where e.business_id = doomed.business_id and e.seq = doomed.seq")
                .bind("before", Rows.timestamp(before))
                .bind("batch", batch)
                .execute());
    }
}
