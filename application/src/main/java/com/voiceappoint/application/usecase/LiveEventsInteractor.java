package com.voiceappoint.application.usecase;

import com.voiceappoint.application.error.NotFoundException;
import com.voiceappoint.application.error.TooManyStreamsException;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.LiveEventsUseCase;
import com.voiceappoint.application.port.out.BusinessEventStore;
import com.voiceappoint.application.port.out.LiveEventPublisher;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.event.BusinessEvent;
import com.voiceappoint.domain.schedule.Provider;
import com.voiceappoint.domain.schedule.ProviderId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * The streams open on this server, fed from the events committed here (handed over as each transaction commits) and
 * from those committed elsewhere (read from the store when another instance announces them, and every few seconds
 * in case a word was lost).
 *
 * <p>Each business with a stream open here has one feed, which knows the number of the last event it handed on. The
 * numbers of a business have no gaps, so an event that is not the next one means some were missed, and the feed reads
 * them from the store before going on. Handing an event on only offers it to each stream's bounded queue: a stream
 * that does not keep up is ended, never waited for, so no reader slows a booking.
 */
public final class LiveEventsInteractor implements LiveEventsUseCase, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LiveEventsInteractor.class.getName());
    private static final int PAGE = 500;
    private static final int FORGET_BATCH = 10_000;
    private static final Duration CHECK_WHILE_CONNECTED = Duration.ofSeconds(15);
    private static final Duration CHECK_WHILE_DISCONNECTED = Duration.ofSeconds(1);
    /** How often a stream checks that its member is still in the business, and what their role lets them see. */
    private static final Duration RECHECK = Duration.ofSeconds(15);
    /** How long an event that came early waits for those before it before they are read from the store. */
    private static final Duration REORDER_WAIT = Duration.ofMillis(100);
    /** Beyond this many early events, they are dropped and read from the store instead. */
    private static final int MAX_EARLY = 10_000;

    /**
     * @param perMember streams one user may have open on this server
     * @param perServer streams this server keeps open at most
     * @param buffer events a stream may have waiting to be sent before it is ended as too slow
     * @param kept how long events are kept for streams that resume
     */
    public record Limits(int perMember, int perServer, int buffer, Duration kept) {
        public static final Limits DEFAULT = new Limits(5, 2_000, 1_000, Duration.ofHours(24));

        public Limits {
            Objects.requireNonNull(kept, "kept");
            if (perMember < 1 || perServer < 1 || buffer < 1 || kept.isNegative() || kept.isZero()) {
                throw new IllegalArgumentException("stream limits are positive");
            }
        }
    }

    private final BusinessAccess access;
    private final ProviderRepository providers;
    private final BusinessEventStore store;
    private final LiveEventPublisher publisher;
    private final Limits limits;
    private final Clock clock;

    private final Map<BusinessId, Feed> feeds = new ConcurrentHashMap<>();
    private final Map<Object, AtomicInteger> streamsByUser = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong published = new AtomicLong();
    private final Object lifecycle = new Object();
    /** Started with the first stream; written under {@code lifecycle}. */
    private volatile ScheduledExecutorService worker;

    private volatile Instant lastFullCheck = Instant.EPOCH;
    private volatile boolean wasConnected = true;

    LiveEventsInteractor(
            BusinessAccess access,
            ProviderRepository providers,
            BusinessEventStore store,
            LiveEventPublisher publisher,
            Limits limits,
            Clock clock) {
        this.access = access;
        this.providers = providers;
        this.store = store;
        this.publisher = publisher;
        this.limits = limits;
        this.clock = clock;
    }

    /** Events that just committed on this server: handed to the streams open here and announced to the others. */
    void committed(List<BusinessEvent> events) {
        published.addAndGet(events.size());
        Map<BusinessId, List<BusinessEvent>> byBusiness =
                events.stream().collect(Collectors.groupingBy(BusinessEvent::business));
        byBusiness.forEach((business, own) -> {
            Feed feed = feeds.get(business);
            if (feed != null) {
                feed.hand(own);
            }
            publisher.announce(business, own.get(own.size() - 1).sequence());
        });
    }

    @Override
    public EventStream open(Actor.Member member, BusinessId business, Optional<Long> lastSeen) {
        Sight sight = sight(member, business, access.require(member, business, Permission.VIEW_BUSINESS));
        AtomicInteger mine = streamsByUser.computeIfAbsent(member.userId(), u -> new AtomicInteger());
        if (mine.incrementAndGet() > limits.perMember()) {
            mine.decrementAndGet();
            throw new TooManyStreamsException(true);
        }
        if (open.incrementAndGet() > limits.perServer()) {
            open.decrementAndGet();
            mine.decrementAndGet();
            throw new TooManyStreamsException(false);
        }
        try {
            return attach(member, business, sight, lastSeen, mine);
        } catch (RuntimeException e) {
            open.decrementAndGet();
            mine.decrementAndGet();
            throw e;
        }
    }

    /** What the member may see of the business, by their role now. */
    private Sight sight(Actor.Member member, BusinessId business, BusinessAccess.Granted granted) {
        return granted.allows(Permission.MANAGE_APPOINTMENTS) || !granted.allows(Permission.MANAGE_OWN_APPOINTMENTS)
                ? Sight.EVERYTHING
                : new Sight(
                        false, providers.findByUser(business, member.userId()).map(Provider::id));
    }

    private Stream attach(
            Actor.Member member, BusinessId business, Sight sight, Optional<Long> lastSeen, AtomicInteger mine) {
        startWorker();
        BusinessEventStore.Window window = store.window(business);
        Stream stream = new Stream(member, business, sight, mine);
        while (true) {
            Feed feed = feeds.computeIfAbsent(business, b -> new Feed(b, window.last()));
            if (feed.join(stream, lastSeen, window)) {
                // what committed between reading the last number and the feed's being found is read now
                feed.catchUp();
                return stream;
            }
            // the feed closed as its last stream left: a new one is made
        }
    }

    @Override
    public int forgetOldEvents() {
        Instant before = clock.instant().minus(limits.kept());
        int forgotten = 0;
        int batch;
        do {
            batch = store.forget(before, FORGET_BATCH);
            forgotten += batch;
        } while (batch == FORGET_BATCH);
        return forgotten;
    }

    @Override
    public Stats stats() {
        return new Stats(open.get(), published.get());
    }

    private void startWorker() {
        synchronized (lifecycle) {
            if (worker != null) {
                return;
            }
            worker = Executors.newScheduledThreadPool(2, task -> {
                Thread thread = new Thread(task, "live-events");
                thread.setDaemon(true);
                return thread;
            });
            worker.scheduleWithFixedDelay(this::check, 1, 1, TimeUnit.SECONDS);
        }
    }

    /**
     * Every second: reads what no word announced (every second while the words do not arrive, at once when they arrive
     * again, since words sent meanwhile were lost, and now and then in case one was), and forgets old events.
     */
    private void check() {
        Instant now = clock.instant();
        boolean connected = publisher.connected();
        boolean reconnected = connected && !wasConnected;
        wasConnected = connected;
        Duration every = connected ? CHECK_WHILE_CONNECTED : CHECK_WHILE_DISCONNECTED;
        if (reconnected || !now.isBefore(lastFullCheck.plus(every))) {
            lastFullCheck = now;
            feeds.values().forEach(Feed::catchUp);
        }
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (worker != null) {
                worker.shutdownNow();
                worker = null;
            }
        }
        feeds.values().forEach(feed -> feed.streams().forEach(s -> s.end(Why.CLOSED)));
    }

    /**
     * Which events a member sees: all of them, or (staff who act on their own appointments only) those of the
     * business that concern no one's diary, and those of their own diary if they have one.
     */
    private record Sight(boolean everything, Optional<ProviderId> own) {
        static final Sight EVERYTHING = new Sight(true, Optional.empty());
    }

    /** One business's events on this server, handed on in order, each once. */
    private final class Feed {
        private final BusinessId business;
        private final Set<Stream> streams = ConcurrentHashMap.newKeySet();
        private final AtomicBoolean catching = new AtomicBoolean();
        private final AtomicBoolean again = new AtomicBoolean();
        private final AtomicBoolean waitScheduled = new AtomicBoolean();
        /** Events that came before those they follow, by number. */
        private final TreeMap<Long, BusinessEvent> early = new TreeMap<>();

        private final LiveEventPublisher.Following following;
        private long last;
        private boolean closed;

        Feed(BusinessId business, long last) {
            this.business = business;
            this.last = last;
            this.following = publisher.follow(business, announced -> {
                if (announced > lastHanded()) {
                    catchUp();
                }
            });
        }

        synchronized long lastHanded() {
            return last;
        }

        List<Stream> streams() {
            return List.copyOf(streams);
        }

        /**
         * Adds a stream, to be given the events after {@code lastSeen} that are already handed on, then the rest as
         * they come.
         *
         * @return false if this feed has closed meanwhile
         */
        synchronized boolean join(Stream stream, Optional<Long> lastSeen, BusinessEventStore.Window window) {
            if (closed) {
                return false;
            }
            if (lastSeen.isPresent()) {
                long seen = lastSeen.get();
                if (!window.canResumeAfter(seen)) {
                    stream.reload();
                } else if (seen < last) {
                    stream.replay(seen, last);
                } else {
                    // seen on another instance before this one read it: not to be sent twice
                    stream.skipThrough(seen);
                }
            }
            stream.feed = this;
            streams.add(stream);
            return true;
        }

        synchronized void leave(Stream stream) {
            streams.remove(stream);
            if (streams.isEmpty() && !closed) {
                closed = true;
                feeds.remove(business, this);
                following.stop();
            }
        }

        /**
         * Events of this business: hands on, in order, those that follow the last handed. One that comes early (two
         * transactions commit at once, and the later number is handed over first) waits a moment for those before it,
         * which are on their way; if they do not come, they are read from the store.
         */
        void hand(List<BusinessEvent> events) {
            boolean waiting;
            synchronized (this) {
                for (BusinessEvent event : events) {
                    if (event.sequence() > last) {
                        early.put(event.sequence(), event);
                    }
                }
                List<BusinessEvent> next = new ArrayList<>(events.size());
                BusinessEvent following;
                while ((following = early.remove(last + 1)) != null) {
                    next.add(following);
                    last++;
                }
                if (!next.isEmpty()) {
                    for (Stream stream : streams) {
                        stream.offer(next);
                    }
                }
                boolean overflowed = early.size() > MAX_EARLY;
                if (overflowed) {
                    early.clear();
                }
                waiting = overflowed || !early.isEmpty();
            }
            if (waiting) {
                catchUpSoon();
            }
        }

        /** Reads what is missing in a moment, unless it arrives meanwhile. */
        private void catchUpSoon() {
            if (!waitScheduled.compareAndSet(false, true)) {
                return;
            }
            ScheduledExecutorService running = worker;
            if (running == null) {
                waitScheduled.set(false);
                return;
            }
            // an overflow left nothing waiting: it is all read from the store
            boolean dropped;
            synchronized (this) {
                dropped = early.isEmpty();
            }
            if (dropped) {
                waitScheduled.set(false);
                catchUp();
                return;
            }
            try {
                running.schedule(
                        () -> {
                            waitScheduled.set(false);
                            if (stillWaiting()) {
                                catchUp();
                            }
                        },
                        REORDER_WAIT.toMillis(),
                        TimeUnit.MILLISECONDS);
            } catch (RuntimeException stopped) {
                waitScheduled.set(false);
            }
        }

        private synchronized boolean stillWaiting() {
            early.headMap(last + 1).clear();
            return !early.isEmpty();
        }

        /** Reads from the store what this feed has not handed on yet, on the worker, once at a time. */
        void catchUp() {
            again.set(true);
            if (!catching.compareAndSet(false, true)) {
                return;
            }
            ScheduledExecutorService running = worker;
            if (running == null) {
                catching.set(false);
                return;
            }
            try {
                running.execute(this::readMissing);
            } catch (RuntimeException rejected) {
                catching.set(false);
            }
        }

        private void readMissing() {
            try {
                while (again.getAndSet(false)) {
                    List<BusinessEvent> page;
                    do {
                        page = store.since(business, lastHanded(), PAGE);
                        if (!page.isEmpty()) {
                            hand(page);
                        }
                    } while (page.size() == PAGE);
                }
            } catch (RuntimeException e) {
                // the store is away: the next check reads again
                LOG.log(System.Logger.Level.DEBUG, "events of " + business + " not read", e);
            } finally {
                catching.set(false);
            }
            if (again.get()) {
                catchUp();
            }
        }

        List<BusinessEvent> read(long after, long upTo) {
            List<BusinessEvent> page = store.since(business, after, PAGE);
            return page.stream().filter(e -> e.sequence() <= upTo).toList();
        }
    }

    /** One member's stream: a bounded queue of events to send, after what it missed. */
    private final class Stream implements EventStream {
        private final Actor.Member member;
        private final BusinessId business;
        private volatile Sight sight;
        private Instant checkedAt;
        private final AtomicInteger mine;
        private final BlockingQueue<Object> queue;
        private final Deque<Next> first = new ArrayDeque<>();
        private final AtomicBoolean ended = new AtomicBoolean();
        private volatile Why endedBecause;
        private volatile Feed feed;
        private long replayAfter;
        private long replayUpTo;
        private long skipThrough;

        Stream(Actor.Member member, BusinessId business, Sight sight, AtomicInteger mine) {
            this.member = member;
            this.business = business;
            this.sight = sight;
            this.checkedAt = clock.instant();
            this.mine = mine;
            this.queue = new ArrayBlockingQueue<>(limits.buffer() + 1);
        }

        void replay(long after, long upTo) {
            replayAfter = after;
            replayUpTo = upTo;
        }

        void skipThrough(long seen) {
            skipThrough = seen;
        }

        void reload() {
            first.add(new Reload());
        }

        /** Called under the feed's lock: never blocks. */
        void offer(List<BusinessEvent> events) {
            for (BusinessEvent event : events) {
                if (event.sequence() <= skipThrough || !visible(event)) {
                    continue;
                }
                if (queue.size() >= limits.buffer() || !queue.offer(event)) {
                    end(Why.FELL_BEHIND);
                    return;
                }
            }
        }

        private boolean visible(BusinessEvent event) {
            return sight.everything()
                    || event.provider()
                            .map(p -> sight.own().equals(Optional.of(p)))
                            .orElse(true);
        }

        @Override
        public Next next(Duration wait) throws InterruptedException {
            if (endedBecause != null) {
                return new Ended(endedBecause);
            }
            // busy or quiet, the member's place in the business is checked this often
            if (!clock.instant().isBefore(checkedAt.plus(RECHECK)) && !stillMember()) {
                return end(Why.ACCESS_ENDED);
            }
            if (!first.isEmpty()) {
                return first.poll();
            }
            if (replayAfter < replayUpTo) {
                List<BusinessEvent> page = feed.read(replayAfter, replayUpTo);
                if (page.isEmpty() || page.get(0).sequence() != replayAfter + 1) {
                    // forgotten since the stream opened
                    replayAfter = replayUpTo;
                    return new Reload();
                }
                replayAfter = page.get(page.size() - 1).sequence();
                List<BusinessEvent> shown = page.stream().filter(this::visible).toList();
                if (!shown.isEmpty()) {
                    return new Events(shown, false);
                }
                return next(wait);
            }
            Object head = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (head == null) {
                return stillMember() ? new Quiet() : end(Why.ACCESS_ENDED);
            }
            if (head instanceof Why why) {
                return new Ended(why);
            }
            List<BusinessEvent> events = new ArrayList<>();
            events.add((BusinessEvent) head);
            Object more;
            while (events.size() < PAGE && (more = queue.peek()) instanceof BusinessEvent) {
                events.add((BusinessEvent) queue.poll());
            }
            return new Events(events, true);
        }

        /** Whether the member is still in the business; what they may see follows their role as it is now. */
        private boolean stillMember() {
            checkedAt = clock.instant();
            try {
                sight = sight(member, business, access.require(member, business, Permission.VIEW_BUSINESS));
                return true;
            } catch (NotFoundException gone) {
                return false;
            }
        }

        private Ended end(Why why) {
            if (ended.compareAndSet(false, true)) {
                endedBecause = why;
                queue.clear();
                queue.offer(why);
                if (feed != null) {
                    feed.leave(this);
                }
                open.decrementAndGet();
                mine.decrementAndGet();
            }
            return new Ended(why);
        }

        @Override
        public void close() {
            end(Why.CLOSED);
        }
    }
}
