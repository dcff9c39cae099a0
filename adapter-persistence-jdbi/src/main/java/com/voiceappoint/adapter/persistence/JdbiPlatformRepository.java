package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.port.out.PlatformRepository;
import com.voiceappoint.domain.account.PlatformOperator;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.BusinessUsage;
import com.voiceappoint.domain.business.StatusChange;
import com.voiceappoint.domain.shared.TimeRange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Operator rights, and every business's usage counted where the rows are: one query per page of businesses. */
final class JdbiPlatformRepository implements PlatformRepository {
    private static final String BOOKED = Rows.sqlList(AppointmentStatus.booked());
    /** Matches everything for an empty search; strpos, unlike LIKE, takes the operator's % and _ literally. */
    private static final String MATCHING = "deleted_at is null and (:search = '' "
            + "or strpos(lower(name), lower(:search)) > 0 or strpos(slug, lower(:search)) > 0)";
    /** The usage of each business row {@code b}, with its latest status change. */
    private static final String USAGE = "select b.*, "
            + "(select count(*) from business_members m where m.business_id = b.id) as members, "
            + "(select count(*) from services s where s.business_id = b.id and s.active) as services, "
            + "(select count(*) from appointments a where a.business_id = b.id and a.status in " + BOOKED
            + "   and a.created_at >= :monthStart and a.created_at < :monthEnd) as month_appointments, "
            + "(select count(*) from appointments a where a.business_id = b.id and a.status in " + BOOKED
            + ") as appointments, "
            + "(select count(*) from voice_calls c where c.business_id = b.id "
            + "   and c.first_seen_at >= :monthStart and c.first_seen_at < :monthEnd) as month_calls, "
            + "greatest((select max(a.updated_at) from appointments a where a.business_id = b.id), "
            + "   (select max(c.first_seen_at) from voice_calls c where c.business_id = b.id)) as last_activity, "
            + "last.suspended as change_suspended, last.reason as change_reason, last.changed_by as change_by, "
            + "last.changed_at as change_at "
            + "from (%s) b left join lateral (select suspended, reason, changed_by, changed_at "
            + "   from business_status_changes x where x.business_id = b.id "
            + "   order by changed_at desc, id desc limit 1) last on true "
            + "order by lower(b.name), b.id";

    private final Jdbi jdbi;
    private final ConfigurationCache configuration;

    JdbiPlatformRepository(Jdbi jdbi, ConfigurationCache configuration) {
        this.jdbi = jdbi;
        this.configuration = configuration;
    }

    @Override
    public boolean grantOperator(UserId user, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("insert into platform_operators (user_id, granted_at) "
                                + "values (:user, :at) on conflict (user_id) do nothing")
                        .bind("user", user.value())
                        .bind("at", Rows.timestamp(at))
                        .execute())
                == 1;
    }

    @Override
    public boolean revokeOperator(UserId user) {
        return jdbi.withHandle(h -> h.createUpdate("delete from platform_operators where user_id = :user")
                        .bind("user", user.value())
                        .execute())
                == 1;
    }

    @Override
    public boolean isOperator(UserId user) {
        return jdbi.withHandle(
                h -> h.createQuery("select exists (select 1 from platform_operators where user_id = :user)")
                        .bind("user", user.value())
                        .mapTo(Boolean.class)
                        .one());
    }

    @Override
    public List<PlatformOperator> operators() {
        return jdbi.withHandle(h -> h.createQuery(
                        "select user_id, granted_at from platform_operators order by granted_at, user_id")
                .map((rs, ctx) ->
                        new PlatformOperator(new UserId(Rows.uuid(rs, "user_id")), Rows.instant(rs, "granted_at")))
                .list());
    }

    @Override
    public List<BusinessUsage> businesses(String search, TimeRange month, int offset, int limit) {
        String page = "select " + JdbiBusinessRepository.READ_COLUMNS + " from businesses where " + MATCHING
                + " order by lower(name), id offset :offset limit :limit";
        return jdbi.withHandle(h -> h.createQuery(USAGE.formatted(page))
                .bind("search", search)
                .bind("offset", offset)
                .bind("limit", limit)
                .bind("monthStart", Rows.timestamp(month.start()))
                .bind("monthEnd", Rows.timestamp(month.end()))
                .map(JdbiPlatformRepository::usageRow)
                .list());
    }

    @Override
    public int countBusinesses(String search) {
        return jdbi.withHandle(h -> h.createQuery("select count(*) from businesses where " + MATCHING)
                .bind("search", search)
                .mapTo(Integer.class)
                .one());
    }

    @Override
    public Optional<BusinessUsage> usage(BusinessId business, TimeRange month) {
        String one = "select " + JdbiBusinessRepository.READ_COLUMNS
                + " from businesses where id = :id and deleted_at is null";
        return jdbi.withHandle(h -> h.createQuery(USAGE.formatted(one))
                .bind("id", business.value())
                .bind("monthStart", Rows.timestamp(month.start()))
                .bind("monthEnd", Rows.timestamp(month.end()))
                .map(JdbiPlatformRepository::usageRow)
                .findOne());
    }

    @Override
    public boolean changeStatus(StatusChange change) {
        boolean changed = jdbi.withHandle(h -> {
            int rows = h.createUpdate("update businesses set suspended = :suspended, updated_at = now() "
                            + "where id = :id and deleted_at is null and suspended <> :suspended")
                    .bind("id", change.businessId().value())
                    .bind("suspended", change.suspended())
                    .execute();
            if (rows == 0) {
                return false;
            }
            h.createUpdate("insert into business_status_changes (business_id, suspended, reason, changed_by, "
                            + "changed_at) values (:id, :suspended, :reason, :by, :at)")
                    .bind("id", change.businessId().value())
                    .bind("suspended", change.suspended())
                    .bind("reason", change.reason())
                    .bind("by", change.by().value())
                    .bind("at", Rows.timestamp(change.at()))
                    .execute();
            return true;
        });
        if (changed) {
            // every server forgets the business it keeps in memory: the next booking reads the flag anew
            configuration.changed(change.businessId());
        }
        return changed;
    }

    @Override
    public List<StatusChange> statusChanges(BusinessId business) {
        return jdbi.withHandle(h -> h.createQuery("select suspended, reason, changed_by, changed_at "
                        + "from business_status_changes where business_id = :id order by changed_at desc, id desc")
                .bind("id", business.value())
                .map((rs, ctx) -> new StatusChange(
                        business,
                        rs.getBoolean("suspended"),
                        rs.getString("reason"),
                        new UserId(Rows.uuid(rs, "changed_by")),
                        Rows.instant(rs, "changed_at")))
                .list());
    }

    private static BusinessUsage usageRow(ResultSet rs, StatementContext ctx) throws SQLException {
        var business = JdbiBusinessRepository.business(rs, ctx);
        Optional<Instant> changedAt = Rows.optionalInstant(rs, "change_at");
        Optional<StatusChange> lastChange = changedAt.isEmpty()
                ? Optional.empty()
                : Optional.of(new StatusChange(
                        business.id(),
                        rs.getBoolean("change_suspended"),
                        rs.getString("change_reason"),
                        new UserId(Rows.uuid(rs, "change_by")),
                        changedAt.get()));
        return new BusinessUsage(
                business,
                rs.getInt("members"),
                rs.getInt("services"),
                rs.getLong("month_appointments"),
                rs.getLong("appointments"),
                rs.getLong("month_calls"),
                Rows.optionalInstant(rs, "last_activity"),
                lastChange);
    }
}
