package com.voiceappoint.adapter.persistence;

import com.voiceappoint.domain.business.BusinessId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What nearly every request reads of a business and seldom changes (the business, its services, staff, opening
 * hours and phone set-up), kept in memory until PostgreSQL says it changed.
 *
 * <p>Triggers (migration V10) notify channel {@value #CHANNEL} with the business's id when a change to those tables
 * commits, whoever made it: this instance, another one, or someone with psql; a truncate notifies {@code *}. One
 * connection per instance listens. A change is forgotten here within the notification's delay after its commit, and
 * at once on the instance that made it. While nobody listens (starting, or the connection lost) nothing is served
 * from memory, and when listening resumes everything is forgotten, since changes may have been missed meanwhile.
 *
 * <p>A read never keeps a value loaded before a change it has not seen: values live in a per-business map that a
 * change detaches, so a load that straddles a commit lands in a map nobody reads any more.
 *
 * <p>Numbers, line ids and slugs are looked up across businesses. A change to a business forgets the lookups that led
 * to it and those that led nowhere (it may have just taken that number or slug), and no others: one business's
 * change costs the rest nothing. A lookup whose load straddles any change is answered but not kept.
 *
 * <p>Logins are kept the same way: every member request asks whether its access token's login is still on, and a
 * login ends seldom (a logout, a replayed refresh token, a password change). Migration V15 notifies channel {@value
 * #LOGINS_CHANNEL} with the login's id when its end commits, so every instance refuses its tokens from then on; this
 * instance at once, when the transaction that ended it ends.
 */
final class ConfigurationCache implements AutoCloseable {
    static final String CHANNEL = "business_changed";
    static final String LOGINS_CHANNEL = "login_ended";
    /** Beyond this many businesses in memory everything is forgotten: a crude bound that a server never reaches. */
    private static final int MAX_ENTRIES = 20_000;

    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationCache.class);
    private static final long RETRY_MILLIS = 1_000;
    private static final int WAIT_MILLIS = 1_000;
    private static final long PING_MILLIS = 10_000;

    /** What is kept of one business. */
    enum Part {
        BUSINESS,
        SERVICES,
        PROVIDERS,
        HOURS,
        SPECIAL_DAYS,
        TIME_OFF,
        VOICE_SETTINGS,
        NOTIFICATION_SETTINGS
    }

    private final ConcurrentHashMap<BusinessId, Map<Part, Object>> businesses = new ConcurrentHashMap<>();
    /** Numbers, line ids and slugs, and the business each led to (none: it led nowhere). */
    private final ConcurrentHashMap<Lookup, Found> lookups = new ConcurrentHashMap<>();
    /** Counts the changes that forgot lookups: a lookup loaded across one is not kept. */
    private final AtomicLong lookupsForgotten = new AtomicLong();

    /** Logins known to be on, and until when at the latest (their sessions' expiry). */
    private final ConcurrentHashMap<UUID, Login> logins = new ConcurrentHashMap<>();
    /** Counts the ends of logins heard or made here: a login loaded across one is not kept. */
    private final AtomicLong loginsEnded = new AtomicLong();

    private record Login(UUID user, Instant onUntil) {}

    private record Lookup(String kind, String value) {}

    private record Found(Object value, Optional<BusinessId> business) {}

    /** What this thread's open transaction did to businesses and logins. */
    private record Open(
            Set<BusinessId> changed, Set<BusinessId> locked, Set<UUID> loginsEnded, Set<UUID> usersLoggedOut) {
        boolean readsFromDatabase(BusinessId business) {
            return changed.contains(business) || locked.contains(business);
        }

        boolean touchedAny() {
            return !changed.isEmpty() || !locked.isEmpty();
        }
    }

    /** Businesses this thread's open transaction changed or locked for a change: read from the database until it ends. */
    private final ThreadLocal<Open> openTransaction = new ThreadLocal<>();

    /** None when nothing listens: then everything is read from the database. */
    private final Thread listener;

    private volatile boolean listening;
    private volatile boolean closed;

    /** Where the listening connection comes from, each time it is (re)opened. */
    @FunctionalInterface
    interface Connections {
        Connection open() throws SQLException;
    }

    private ConfigurationCache(Connections connections) {
        this.listener = connections == null ? null : new Thread(() -> listen(connections), "configuration-changes");
    }

    /** Listens for changes on a connection of its own to the database at {@code url}. */
    static ConfigurationCache listeningTo(DatabaseUrl url) {
        return listeningTo(() -> connect(url));
    }

    /** Listens for changes on a connection taken from {@code connections} and held until it breaks or this closes. */
    static ConfigurationCache listeningTo(Connections connections) {
        ConfigurationCache cache = new ConfigurationCache(connections);
        cache.listener.setDaemon(true);
        cache.listener.start();
        return cache;
    }

    /** Hears of no change, so keeps nothing: every read goes to the database. */
    static ConfigurationCache notListening() {
        return new ConfigurationCache(null);
    }

    /** One part of a business, from memory or loaded now; never null. */
    @SuppressWarnings("unchecked")
    <T> T get(BusinessId business, Part part, Supplier<T> load) {
        if (!listening || changedHere(business)) {
            return load.get();
        }
        Map<Part, Object> parts = businesses.computeIfAbsent(business, id -> new EnumMap<>(Part.class));
        synchronized (parts) {
            Object kept = parts.get(part);
            if (kept != null) {
                return (T) kept;
            }
        }
        // loaded outside the lock: a slow query for one part must not hold up another's reads
        T loaded = load.get();
        synchronized (parts) {
            parts.putIfAbsent(part, loaded);
        }
        if (businesses.size() > MAX_ENTRIES) {
            forgetAll();
        }
        return loaded;
    }

    /**
     * What a number, line id or slug ({@code kind}) leads to, from memory or looked up now; never null.
     *
     * @param leadsTo the business a loaded value names, if any
     */
    @SuppressWarnings("unchecked")
    <V> V lookup(String kind, String value, Supplier<V> load, Function<V, Optional<BusinessId>> leadsTo) {
        Lookup key = new Lookup(kind, value);
        Open open = openTransaction.get();
        if (!listening || open != null && open.touchedAny()) {
            return load.get();
        }
        Found kept = lookups.get(key);
        if (kept != null) {
            return (V) kept.value();
        }
        long forgottenBefore = lookupsForgotten.get();
        V loaded = load.get();
        lookups.putIfAbsent(key, new Found(loaded, leadsTo.apply(loaded)));
        // a change forgot lookups while this one loaded: what it loaded may predate that change
        if (lookupsForgotten.get() != forgottenBefore) {
            lookups.remove(key);
        }
        if (lookups.size() > MAX_ENTRIES) {
            forgetAll();
        }
        return loaded;
    }

    /**
     * A repository changed the business: forgotten now, or when the transaction around the change ends (its reads
     * meanwhile go to the database, which holds the change).
     */
    void changed(BusinessId business) {
        Open open = openTransaction.get();
        if (open != null) {
            open.changed().add(business);
        } else {
            forget(business);
        }
    }

    /**
     * The open transaction locked the business to change it: what it reads of the business until it ends comes from
     * the database. Nothing is forgotten for that alone; whatever the transaction changes is, through {@link
     * #changed}.
     */
    void lockedForChange(BusinessId business) {
        Open open = openTransaction.get();
        if (open != null) {
            open.locked().add(business);
        }
    }

    /** Whether this thread runs inside {@link #transaction}. */
    boolean inTransaction() {
        return openTransaction.get() != null;
    }

    /**
     * Runs the outermost transaction of this thread, which may change businesses; what it changed is forgotten when
     * it ends, however.
     */
    <T> T transaction(Supplier<T> work) {
        Open open = new Open(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
        openTransaction.set(open);
        try {
            return work.get();
        } finally {
            openTransaction.remove();
            open.changed().forEach(this::forget);
            open.loginsEnded().forEach(this::forgetLogin);
            open.usersLoggedOut().forEach(this::forgetLoginsOf);
        }
    }

    /**
     * Whether a user's login is on now, from memory or asked now.
     *
     * @param load when the login's sessions expire at the latest, if any of them is neither revoked nor expired
     */
    boolean loginOn(UUID login, UUID user, Instant now, Supplier<Optional<Instant>> load) {
        Login kept = listening ? logins.get(login) : null;
        if (kept != null && kept.user().equals(user) && kept.onUntil().isAfter(now)) {
            return true;
        }
        long endedBefore = loginsEnded.get();
        Optional<Instant> onUntil = load.get().filter(until -> until.isAfter(now));
        // a login ended while this one loaded may be the one loaded: only what no end crossed is kept
        if (onUntil.isPresent() && listening && loginsEnded.get() == endedBefore) {
            if (logins.size() > MAX_ENTRIES) {
                logins.clear();
            }
            logins.put(login, new Login(user, onUntil.get()));
            if (loginsEnded.get() != endedBefore) {
                logins.remove(login);
            }
        }
        return onUntil.isPresent();
    }

    /** A repository ended the login: forgotten now and, if a transaction is open, again when it ends. */
    void loginEnded(UUID login) {
        forgetLogin(login);
        Open open = openTransaction.get();
        if (open != null) {
            open.loginsEnded().add(login);
        }
    }

    /** A repository ended every login of the user: forgotten now and, if a transaction is open, when it ends. */
    void loginsEndedOf(UUID user) {
        forgetLoginsOf(user);
        Open open = openTransaction.get();
        if (open != null) {
            open.usersLoggedOut().add(user);
        }
    }

    private void forgetLogin(UUID login) {
        loginsEnded.incrementAndGet();
        logins.remove(login);
    }

    private void forgetLoginsOf(UUID user) {
        loginsEnded.incrementAndGet();
        logins.values().removeIf(login -> login.user().equals(user));
    }

    private boolean changedHere(BusinessId business) {
        Open open = openTransaction.get();
        return open != null && open.readsFromDatabase(business);
    }

    /** The business, and the lookups that led to it or nowhere: it may have just taken a number or a slug. */
    private void forget(BusinessId business) {
        businesses.remove(business);
        lookupsForgotten.incrementAndGet();
        lookups.values()
                .removeIf(found ->
                        found.business().isEmpty() || found.business().get().equals(business));
    }

    private void forgetAll() {
        businesses.clear();
        lookupsForgotten.incrementAndGet();
        lookups.clear();
        loginsEnded.incrementAndGet();
        logins.clear();
    }

    private void listen(Connections connections) {
        while (!closed) {
            try (Connection connection = connections.open()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + CHANNEL);
                    statement.execute("listen " + LOGINS_CHANNEL);
                }
                forgetAll();
                listening = true;
                LOG.info("listening for configuration changes: businesses are read from memory");
                PGConnection postgres = connection.unwrap(PGConnection.class);
                long lastHeard = System.nanoTime();
                while (!closed) {
                    PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
                    if (notifications != null && notifications.length > 0) {
                        for (PGNotification notification : notifications) {
                            heard(notification.getName(), notification.getParameter());
                        }
                        lastHeard = System.nanoTime();
                    } else if (System.nanoTime() - lastHeard > PING_MILLIS * 1_000_000) {
                        // a connection dropped without a word looks like silence: ask, to find out
                        try (Statement statement = connection.createStatement()) {
                            statement.execute("select 1");
                        }
                        lastHeard = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                boolean wasListening = listening;
                listening = false;
                forgetAll();
                if (closed) {
                    return;
                }
                if (wasListening) {
                    LOG.warn(
                            "stopped listening for configuration changes, reading businesses from the database: {}",
                            e.getMessage());
                }
                pause();
            }
        }
        listening = false;
    }

    private void heard(String channel, String payload) {
        if (payload.equals("*")) {
            forgetAll();
            return;
        }
        try {
            UUID id = UUID.fromString(payload);
            if (channel.equals(LOGINS_CHANNEL)) {
                forgetLogin(id);
            } else {
                forget(new BusinessId(id));
            }
        } catch (IllegalArgumentException notAnId) {
            forgetAll();
        }
    }

    private static Connection connect(DatabaseUrl url) throws SQLException {
        Properties properties = new Properties();
        if (url.user() != null) {
            properties.setProperty("user", url.user());
        }
        if (url.password() != null) {
            properties.setProperty("password", url.password());
        }
        properties.setProperty("ApplicationName", "voiceappoint configuration-changes");
        properties.setProperty("socketTimeout", "30");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url.jdbcUrl(), properties);
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    /** Whether reads are served from memory now: for tests and the readiness report. */
    boolean listening() {
        return listening;
    }

    @Override
    public void close() {
        closed = true;
        listening = false;
        if (listener == null) {
            return;
        }
        listener.interrupt();
        try {
            listener.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
