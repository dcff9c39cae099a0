package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.error.DuplicateKeyException;
import com.voiceappoint.application.error.SlotAlreadyTakenException;
import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.domain.shared.InvalidValueException;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jdbi.v3.core.JdbiException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns the database's refusals into the application's: an exclusion constraint (SQLSTATE 23P01) into what it
 * guards (the appointments' into "slot already taken", the opening hours' into an invalid value), unique keys (23505)
 * into the duplicate they mean. Nothing SQL-shaped crosses the port. Deadlocks and serialization failures are told
 * apart for the transaction runner, which runs such work again, and a database that cannot be reached, or that gave
 * up on a statement waiting too long, from one that refused.
 */
final class PostgresErrors {
    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String DEADLOCK_DETECTED = "40P01";
    private static final String SERIALIZATION_FAILURE = "40001";
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    private static final String QUERY_CANCELED = "57014";
    /** admin_shutdown, crash_shutdown, cannot_connect_now (starting up, shutting down, recovering). */
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

    private static final String APPOINTMENTS_NO_OVERLAP = "appointments_no_overlap";
    private static final Set<String> WEEKLY_HOURS_NO_OVERLAP =
            Set.of("weekly_hours_business_no_overlap", "weekly_hours_provider_no_overlap");
    private static final Map<String, DuplicateKeyException.Key> UNIQUE_KEYS = Map.of(
            "users_email_key", DuplicateKeyException.Key.USER_EMAIL,
            "clients_phone_key", DuplicateKeyException.Key.CLIENT_CONTACT,
            "clients_email_key", DuplicateKeyException.Key.CLIENT_CONTACT,
            "businesses_slug_key", DuplicateKeyException.Key.BUSINESS_SLUG,
            "appointments_idempotency_key", DuplicateKeyException.Key.IDEMPOTENCY_KEY,
            "services_active_name", DuplicateKeyException.Key.SERVICE_NAME,
            "service_categories_name", DuplicateKeyException.Key.CATEGORY_NAME,
            "voice_lines_pkey", DuplicateKeyException.Key.VOICE_LINE);

    private PostgresErrors() {}

    static <T> T translate(Supplier<T> statement) {
        try {
            return statement.get();
        } catch (JdbiException e) {
            throw translated(e);
        }
    }

    static void translate(Runnable statement) {
        translate(() -> {
            statement.run();
            return null;
        });
    }

    private static RuntimeException translated(JdbiException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                if (EXCLUSION_VIOLATION.equals(sql.getSQLState())) {
                    String constraint = constraint(sql);
                    if (APPOINTMENTS_NO_OVERLAP.equals(constraint)) {
                        return new SlotAlreadyTakenException(e);
                    }
                    if (constraint != null && WEEKLY_HOURS_NO_OVERLAP.contains(constraint)) {
                        return new InvalidValueException("hours", "opening windows of one day overlap");
                    }
                }
                if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                    DuplicateKeyException.Key key = UNIQUE_KEYS.get(constraint(sql));
                    if (key != null) {
                        return new DuplicateKeyException(key, e);
                    }
                }
            }
        }
        return e;
    }

    /** Whether the statement broke the named unique key (SQLSTATE 23505), for a key no application error stands for. */
    static boolean violatesUnique(Throwable e, String constraint) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && constraint.equals(constraint(sql))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the database cancelled the transaction for what another did at the same time: worth running again. */
    static boolean isTransient(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && (DEADLOCK_DETECTED.equals(sql.getSQLState())
                            || SERIALIZATION_FAILURE.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the database could not be reached or dropped the connection: SQLSTATE class 08 (connection exception),
     * 57P01-57P03 (shut down by an administrator or a crash, or not accepting connections yet), the pool's time-out
     * waiting for a connection, or the driver's I/O errors. Nothing a client did; worth trying again shortly.
     */
    static boolean isConnectionFailure(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StoreUnavailableException
                    || cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof IOException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith(CONNECTION_EXCEPTION_CLASS) || SERVER_GONE.contains(state)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Whether the database gave up on a statement that waited too long: for a lock (lock_timeout, SQLSTATE 55P03
     * lock_not_available) or in all (statement_timeout, or a cancel, 57014 query_canceled). The statement was
     * cancelled and its transaction rolled back, so nothing was done: worth trying again shortly, not a failure.
     */
    static boolean isTimedOut(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && (LOCK_NOT_AVAILABLE.equals(sql.getSQLState()) || QUERY_CANCELED.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static String constraint(SQLException e) {
        if (e instanceof PSQLException psql) {
            ServerErrorMessage message = psql.getServerErrorMessage();
            return message == null ? null : message.getConstraint();
        }
        return null;
    }
}
