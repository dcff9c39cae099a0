package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.out.BusinessEventStore;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.event.BusinessEvent;
import com.voiceappoint.domain.schedule.ProviderId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The transactions of the application, keeping the events recorded in each: they are kept in the transaction as its
 * last write (numbering them holds the business's turn until the commit, so it is held as briefly as can be), and
 * handed to the live streams once it commits. A transaction rolled back, or run again after a deadlock, keeps none of
 * the events of the attempt that failed; one whose commit is lost is not handed on, and the streams find its events
 * in the store if it was kept after all.
 */
final class EventJournal implements TransactionRunner {
    /** For an application without live events: transactions as they are, events dropped. */
    static EventJournal none(TransactionRunner transactions) {
        return new EventJournal(transactions, null, events -> {}, null);
    }

    /** Who acts, as the events tell it. */
    static BusinessEvent.By by(Actor actor) {
        if (actor instanceof Actor.Member member) {
            return new BusinessEvent.Member(member.userId());
        }
        return BusinessEvent.Client.of(((Actor.Caller) actor).channel());
    }

    /** The journal that {@code transactions} is, or none around them. */
    static EventJournal of(TransactionRunner transactions) {
        return transactions instanceof EventJournal journal ? journal : none(transactions);
    }

    private static final System.Logger LOG = System.getLogger(EventJournal.class.getName());

    private final TransactionRunner transactions;
    private final BusinessEventStore store;
    private final Consumer<List<BusinessEvent>> committed;
    private final Clock clock;
    private final ThreadLocal<List<BusinessEvent>> recorded = new ThreadLocal<>();

    /**
     * @param store where events are kept; none to drop them (and {@code clock} is not read)
     * @param committed told of the events of each transaction once it commits
     */
    EventJournal(
            TransactionRunner transactions,
            BusinessEventStore store,
            Consumer<List<BusinessEvent>> committed,
            Clock clock) {
        this.transactions = transactions;
        this.store = store;
        this.committed = committed;
        this.clock = clock;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (recorded.get() != null) {
            return transactions.inTransaction(work);
        }
        List<BusinessEvent> kept = new ArrayList<>();
        T result = transactions.inTransaction(() -> {
            // each attempt starts afresh: a retried one records its events again
            List<BusinessEvent> drafts = new ArrayList<>();
            kept.clear();
            recorded.set(drafts);
            try {
                T value = work.get();
                kept.addAll(keep(drafts));
                return value;
            } finally {
                recorded.remove();
            }
        });
        if (!kept.isEmpty()) {
            try {
                committed.accept(kept);
            } catch (RuntimeException e) {
                // the change is kept, and so are its events: streams read them from the store; a booking kept is
                // never answered as failed
                LOG.log(System.Logger.Level.WARNING, "events kept but not handed to the streams", e);
            }
        }
        return result;
    }

    private List<BusinessEvent> keep(List<BusinessEvent> drafts) {
        if (drafts.isEmpty() || store == null) {
            return List.of();
        }
        Map<Object, List<BusinessEvent>> byBusiness = new LinkedHashMap<>();
        drafts.forEach(d ->
                byBusiness.computeIfAbsent(d.business(), b -> new ArrayList<>()).add(d));
        List<BusinessEvent> numbered = new ArrayList<>(drafts.size());
        byBusiness
                .values()
                .forEach(own -> numbered.addAll(store.append(own.get(0).business(), own)));
        return numbered;
    }

    /**
     * Records what happened, to be kept with the transaction this thread runs, or in one of its own when it runs none.
     */
    void record(BusinessId business, BusinessEvent.Kind kind, BusinessEvent.By by, BusinessEvent.Subject subject) {
        if (store == null) {
            return;
        }
        BusinessEvent draft = BusinessEvent.draft(business, kind, clock.instant(), by, subject);
        List<BusinessEvent> open = recorded.get();
        if (open != null) {
            open.add(draft);
        } else {
            inTransaction(() -> recorded.get().add(draft));
        }
    }

    /** Opening hours, special days, closures or time off changed: the business's own, or one provider's. */
    void hoursChanged(Actor actor, BusinessId business, Optional<ProviderId> provider) {
        record(business, BusinessEvent.Kind.HOURS_CHANGED, by(actor), new BusinessEvent.HoursChange(provider));
    }

    /** Whether anyone keeps events: when not, callers skip the reads only an event needs. */
    boolean keeping() {
        return store != null;
    }
}
