package com.voiceappoint.adapter.persistence;

import com.voiceappoint.domain.appointment.AppointmentStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Small conversions between JDBC values and ours, in one place so every repository reads time the same way. */
final class Rows {
    /**
     * The statuses whose time lapses at {@code hold_expires_at}: a hold, and a time kept for a payment ({@code
     * Appointment.isLapsedHold}). As the partial index {@code appointments_lapsing_holds} is written, so the sweep
     * uses it.
     */
    static final String LAPSING = sqlList(EnumSet.of(AppointmentStatus.HELD, AppointmentStatus.PENDING_PAYMENT));

    private Rows() {}

    /**
     * The statuses as an SQL list, {@code ('held', 'pending_payment', 'confirmed')}, written into a query rather
     * than bound so the planner can match it to the partial indexes and the exclusion constraint built on it.
     */
    static String sqlList(Collection<AppointmentStatus> statuses) {
        return statuses.stream().map(s -> "'" + s.code() + "'").collect(Collectors.joining(", ", "(", ")"));
    }

    static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Optional<Instant> optionalInstant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(instant(rs, column));
    }

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, UUID.class);
    }

    static Optional<UUID> optionalUuid(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(uuid(rs, column));
    }

    static Optional<String> optionalString(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column));
    }

    /** Minutes since midnight, 1440 meaning the end of the day, as {@link LocalTime} (end of day = midnight). */
    static LocalTime timeOfDay(int minute) {
        return minute == 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.of(minute / 60, minute % 60);
    }
}
