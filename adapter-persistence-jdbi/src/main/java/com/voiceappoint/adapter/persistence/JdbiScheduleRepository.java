package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.port.out.ScheduleRepository;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.TimeOff;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.TimeRange;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

public final class JdbiScheduleRepository implements ScheduleRepository {
    private final Jdbi jdbi;
    private final ConfigurationCache configuration;

    JdbiScheduleRepository(Jdbi jdbi, ConfigurationCache configuration) {
        this.jdbi = jdbi;
        this.configuration = configuration;
    }

    @Override
    public WeeklyHours weeklyHours(BusinessId businessId) {
        return configuration.get(
                businessId,
                ConfigurationCache.Part.HOURS,
                () -> jdbi.withHandle(h ->
                        WeeklyHoursRows.readAll(h, businessId).getOrDefault(Optional.empty(), WeeklyHours.CLOSED)));
    }

    @Override
    public void replaceWeeklyHours(BusinessId businessId, WeeklyHours hours) {
        PostgresErrors.translate(
                () -> jdbi.useTransaction(h -> WeeklyHoursRows.replace(h, businessId, Optional.empty(), hours)));
        configuration.changed(businessId);
    }

    /**
     * Special days and time off from two days ago on are kept in memory (two days: yesterday in any time zone, with a
     * margin); asking about earlier ones reads the database.
     */
    private record Upcoming<T>(Instant since, List<T> items) {}

    /** Later than anything stored, and within what PostgreSQL's dates and timestamps hold. */
    private static final Instant FAR_FUTURE = Instant.parse("9999-12-31T00:00:00Z");

    private static Instant upcomingSince() {
        return LocalDate.now(ZoneOffset.UTC)
                .minusDays(2)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }

    @Override
    public List<SpecialDay> specialDays(BusinessId businessId, LocalDate from, LocalDate to) {
        Upcoming<SpecialDay> upcoming = configuration.get(businessId, ConfigurationCache.Part.SPECIAL_DAYS, () -> {
            Instant since = upcomingSince();
            LocalDate first = LocalDate.ofInstant(since, ZoneOffset.UTC);
            return new Upcoming<>(
                    since, specialDaysFromDatabase(businessId, first, LocalDate.ofInstant(FAR_FUTURE, ZoneOffset.UTC)));
        });
        if (from.isBefore(LocalDate.ofInstant(upcoming.since(), ZoneOffset.UTC))) {
            return specialDaysFromDatabase(businessId, from, to);
        }
        return upcoming.items().stream()
                .filter(day -> !day.date().isBefore(from) && !day.date().isAfter(to))
                .toList();
    }

    private List<SpecialDay> specialDaysFromDatabase(BusinessId businessId, LocalDate from, LocalDate to) {
        return jdbi.withHandle(h -> h.createQuery("select provider_id, day, opens_minutes, closes_minutes, reason "
                        + "from special_days where business_id = :business and day between :from and :to "
                        + "order by day, provider_id nulls first")
                .bind("business", businessId.value())
                .bind("from", from)
                .bind("to", to)
                .map((rs, ctx) -> new SpecialDay(
                        Rows.optionalUuid(rs, "provider_id").map(ProviderId::new),
                        rs.getObject("day", LocalDate.class),
                        windows(rs.getArray("opens_minutes"), rs.getArray("closes_minutes")),
                        rs.getString("reason")))
                .list());
    }

    @Override
    public void saveSpecialDay(BusinessId businessId, SpecialDay day) {
        jdbi.useHandle(h -> h.createUpdate("insert into special_days (business_id, provider_id, day, opens_minutes, "
                        + "closes_minutes, reason) values (:business, :provider, :day, :opens, :closes, :reason) "
                        + "on conflict on constraint special_days_key do update set opens_minutes = excluded.opens_minutes, "
                        + "closes_minutes = excluded.closes_minutes, reason = excluded.reason")
                .bind("business", businessId.value())
                .bind("provider", day.provider().map(ProviderId::value).orElse(null))
                .bind("day", day.date())
                .bindArray(
                        "opens",
                        Short.class,
                        day.windows().stream()
                                .map(w -> (short) w.openingMinute())
                                .toList())
                .bindArray(
                        "closes",
                        Short.class,
                        day.windows().stream()
                                .map(w -> (short) w.closingMinute())
                                .toList())
                .bind("reason", day.reason())
                .execute());
        configuration.changed(businessId);
    }

    @Override
    public boolean removeSpecialDay(BusinessId businessId, Optional<ProviderId> provider, LocalDate date) {
        boolean removed = jdbi.withHandle(h -> h.createUpdate("delete from special_days where business_id = :business "
                                + "and provider_id is not distinct from cast(:provider as uuid) and day = :day")
                        .bind("business", businessId.value())
                        .bind("provider", provider.map(ProviderId::value).orElse(null))
                        .bind("day", date)
                        .execute())
                > 0;
        configuration.changed(businessId);
        return removed;
    }

    @Override
    public void addTimeOff(BusinessId businessId, TimeOff timeOff) {
        jdbi.useHandle(
                h -> h.createUpdate("insert into time_off (business_id, id, provider_id, starts_at, ends_at, reason) "
                                + "values (:business, :id, :provider, :from, :to, :reason)")
                        .bind("business", businessId.value())
                        .bind("id", timeOff.id())
                        .bind("provider", timeOff.provider().value())
                        .bind("from", Rows.timestamp(timeOff.period().start()))
                        .bind("to", Rows.timestamp(timeOff.period().end()))
                        .bind("reason", timeOff.reason())
                        .execute());
        configuration.changed(businessId);
    }

    @Override
    public List<TimeOff> timeOff(BusinessId businessId, TimeRange overlapping) {
        Upcoming<TimeOff> upcoming = configuration.get(businessId, ConfigurationCache.Part.TIME_OFF, () -> {
            Instant since = upcomingSince();
            return new Upcoming<>(since, timeOffFromDatabase(businessId, new TimeRange(since, FAR_FUTURE)));
        });
        if (overlapping.start().isBefore(upcoming.since())) {
            return timeOffFromDatabase(businessId, overlapping);
        }
        return upcoming.items().stream()
                .filter(off -> off.period().overlaps(overlapping))
                .toList();
    }

    private List<TimeOff> timeOffFromDatabase(BusinessId businessId, TimeRange overlapping) {
        return jdbi.withHandle(h -> h.createQuery("select id, provider_id, starts_at, ends_at, reason from time_off "
                        + "where business_id = :business "
                        + "and tstzrange(starts_at, ends_at, '[)') && tstzrange(:from, :to, '[)') order by starts_at")
                .bind("business", businessId.value())
                .bind("from", Rows.timestamp(overlapping.start()))
                .bind("to", Rows.timestamp(overlapping.end()))
                .map(JdbiScheduleRepository::timeOffRow)
                .list());
    }

    @Override
    public Optional<TimeOff> findTimeOff(BusinessId businessId, UUID timeOffId) {
        return jdbi.withHandle(h -> h.createQuery("select id, provider_id, starts_at, ends_at, reason from time_off "
                        + "where business_id = :business and id = :id")
                .bind("business", businessId.value())
                .bind("id", timeOffId)
                .map(JdbiScheduleRepository::timeOffRow)
                .findOne());
    }

    @Override
    public boolean removeTimeOff(BusinessId businessId, UUID timeOffId) {
        boolean removed =
                jdbi.withHandle(h -> h.createUpdate("delete from time_off where business_id = :business and id = :id")
                                .bind("business", businessId.value())
                                .bind("id", timeOffId)
                                .execute())
                        > 0;
        configuration.changed(businessId);
        return removed;
    }

    private static TimeOff timeOffRow(ResultSet rs, StatementContext ctx) throws SQLException {
        return new TimeOff(
                Rows.uuid(rs, "id"),
                new ProviderId(Rows.uuid(rs, "provider_id")),
                new TimeRange(Rows.instant(rs, "starts_at"), Rows.instant(rs, "ends_at")),
                rs.getString("reason"));
    }

    private static List<OpeningWindow> windows(Array opens, Array closes) throws SQLException {
        Object[] o = (Object[]) opens.getArray();
        Object[] c = (Object[]) closes.getArray();
        List<OpeningWindow> windows = new ArrayList<>(o.length);
        for (int i = 0; i < o.length; i++) {
            windows.add(new OpeningWindow(
                    Rows.timeOfDay(((Number) o[i]).intValue()), Rows.timeOfDay(((Number) c[i]).intValue())));
        }
        return windows;
    }
}
