package com.voiceappoint.adapter.persistence;

import static com.voiceappoint.adapter.persistence.PostgresErrors.translate;

import com.voiceappoint.application.error.ConcurrentUpdateException;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.appointment.CalendarFilter;
import com.voiceappoint.domain.appointment.Cancellation;
import com.voiceappoint.domain.appointment.CancelledBy;
import com.voiceappoint.domain.appointment.ManageCode;
import com.voiceappoint.domain.availability.Booking;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.shared.TimeRange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

public final class JdbiAppointmentRepository implements AppointmentRepository {
    private static final String COLUMNS = "business_id, id, service_id, provider_id, client_id, starts_at, ends_at, "
            + "blocked_from, blocked_until, status, source, price_amount, price_currency, notes, hold_expires_at, "
            + "cancelled_by, cancellation_reason, cancelled_at, created_at, updated_at";
    private static final String SELECT = "select " + COLUMNS + " from appointments ";
    private static final String LIVE = "status in " + Rows.sqlList(AppointmentStatus.timeBlocking());

    private final Jdbi jdbi;

    JdbiAppointmentRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Appointment appointment, Optional<IdempotencyKey> idempotencyKey, Optional<ManageCode> manageCode) {
        translate(() -> jdbi.useTransaction(h -> {
            waitForDiary(h, appointment);
            bindAll(
                            h.createUpdate("insert into appointments (" + COLUMNS
                                    + ", idempotency_key, idempotency_fingerprint, manage_code) values (:business, "
                                    + ":id, :service, :provider, :client, :starts, :ends, :blockedFrom, "
                                    + ":blockedUntil, :status, :source, :price, :currency, :notes, :holdExpires, "
                                    + ":cancelledBy, :cancellationReason, :cancelledAt, :created, :updated, :key, "
                                    + ":fingerprint, :manageCode)"),
                            appointment)
                    .bind("key", idempotencyKey.map(IdempotencyKey::key).orElse(null))
                    .bind(
                            "fingerprint",
                            idempotencyKey.map(IdempotencyKey::fingerprint).orElse(null))
                    .bind("manageCode", manageCode.map(ManageCode::value).orElse(null))
                    .execute();
        }));
    }

    /**
     * Takes the provider's diary until the transaction ends, before writing time into it.
     *
     * <p>The exclusion constraint checks a new row against rows still being written, and waits for their
     * transactions; two bookings racing for one slot can then each wait for the other, and only PostgreSQL's deadlock
     * detector (after a second, by default) breaks the tie, one pair at a time. Many callers asking for one stylist's
     * time at once made queues of such ties that held every pooled connection longer than the pool lets a request
     * wait. Written one at a time, each write finds the one before it committed (or gone) and is answered at once;
     * reads are not held up. The lock is {@link AdvisoryLocks#PROVIDER_DIARY}'s.
     */
    private static void waitForDiary(Handle h, Appointment appointment) {
        if (appointment.status().blocksTime()) {
            AdvisoryLocks.providerDiary(h, appointment.providerId());
        }
    }

    @Override
    public void update(Appointment previous, Appointment next) {
        int updated = translate(() -> jdbi.inTransaction(h -> {
            waitForDiary(h, next);
            return bindAll(
                            h.createUpdate("update appointments set provider_id = :provider, starts_at = :starts, "
                                    + "ends_at = :ends, blocked_from = :blockedFrom, blocked_until = :blockedUntil, "
                                    + "status = :status, notes = :notes, hold_expires_at = :holdExpires, "
                                    + "cancelled_by = :cancelledBy, cancellation_reason = :cancellationReason, "
                                    + "cancelled_at = :cancelledAt, updated_at = :updated "
                                    + "where business_id = :business and id = :id "
                                    + "and status = :previousStatus and updated_at = :previousUpdate"),
                            next)
                    .bind("previousStatus", previous.status().code())
                    .bind("previousUpdate", Rows.timestamp(previous.updatedAt()))
                    .execute();
        }));
        if (updated == 0) {
            throw new ConcurrentUpdateException("appointment " + previous.id());
        }
    }

    @Override
    public void keepIdempotencyKey(BusinessId businessId, AppointmentId id, IdempotencyKey idempotencyKey) {
        translate(() -> jdbi.useHandle(h -> h.createUpdate("update appointments set idempotency_key = :key, "
                        + "idempotency_fingerprint = :fingerprint "
                        + "where business_id = :business and id = :id and idempotency_key is null")
                .bind("key", idempotencyKey.key())
                .bind("fingerprint", idempotencyKey.fingerprint())
                .bind("business", businessId.value())
                .bind("id", id.value())
                .execute()));
    }

    private static <S extends SqlStatement<S>> S bindAll(S statement, Appointment a) {
        Optional<Cancellation> cancellation = a.cancellation();
        return statement
                .bind("business", a.businessId().value())
                .bind("id", a.id().value())
                .bind("service", a.serviceId().value())
                .bind("provider", a.providerId().value())
                .bind("client", a.clientId().value())
                .bind("starts", Rows.timestamp(a.start()))
                .bind("ends", Rows.timestamp(a.end()))
                .bind("blockedFrom", Rows.timestamp(a.blocked().start()))
                .bind("blockedUntil", Rows.timestamp(a.blocked().end()))
                .bind("status", a.status().code())
                .bind("source", a.source().code())
                .bind("price", a.price().amount())
                .bind("currency", a.price().currency().getCurrencyCode())
                .bind("notes", a.notes())
                .bind("holdExpires", Rows.timestamp(a.holdExpiresAt().orElse(null)))
                .bind("cancelledBy", cancellation.map(c -> c.by().code()).orElse(null))
                .bind(
                        "cancellationReason",
                        cancellation.map(Cancellation::reason).orElse(null))
                .bind(
                        "cancelledAt",
                        Rows.timestamp(cancellation.map(Cancellation::at).orElse(null)))
                .bind("created", Rows.timestamp(a.createdAt()))
                .bind("updated", Rows.timestamp(a.updatedAt()));
    }

    @Override
    public Optional<Appointment> findById(Collection<BusinessId> scope, AppointmentId id) {
        if (scope.isEmpty()) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery(SELECT + "where id = :id and business_id = any(:scope)")
                .bind("id", id.value())
                .bindArray(
                        "scope",
                        UUID.class,
                        scope.stream().map(BusinessId::value).toList())
                .map(JdbiAppointmentRepository::appointment)
                .findOne());
    }

    @Override
    public Optional<KeyedBooking> findByIdempotencyKey(BusinessId businessId, String idempotencyKey) {
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + ", idempotency_fingerprint from appointments "
                        + "where business_id = :business and idempotency_key = :key")
                .bind("business", businessId.value())
                .bind("key", idempotencyKey)
                .map((rs, ctx) -> new KeyedBooking(appointment(rs, ctx), rs.getString("idempotency_fingerprint")))
                .findOne());
    }

    @Override
    public Optional<Appointment> findLive(BusinessId businessId, ClientId client, ServiceId service, Instant start) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "where business_id = :business and client_id = :client "
                        + "and service_id = :service and starts_at = :start and " + LIVE
                        + " order by status = 'held', created_at desc limit 1")
                .bind("business", businessId.value())
                .bind("client", client.value())
                .bind("service", service.value())
                .bind("start", Rows.timestamp(start))
                .map(JdbiAppointmentRepository::appointment)
                .findOne());
    }

    @Override
    public void addManageToken(BusinessId businessId, AppointmentId id, String tokenHash) {
        // only an appointment of this business gets a token
        jdbi.useHandle(h -> h.createUpdate("insert into appointment_manage_tokens (token_hash, business_id, "
                        + "appointment_id) select :hash, business_id, id from appointments "
                        + "where business_id = :business and id = :id "
                        + "on conflict (token_hash) do nothing")
                .bind("hash", tokenHash)
                .bind("business", businessId.value())
                .bind("id", id.value())
                .execute());
    }

    @Override
    public Optional<String> issueManageCode(BusinessId businessId, AppointmentId id, String candidate) {
        // read first: every view of the manage page asks, and only the first finds no code and writes
        String issued = manageCodes(businessId, List.of(id)).get(id);
        if (issued != null) {
            return Optional.of(issued);
        }
        // one statement: two asking at once both get the code the first one set
        return jdbi.withHandle(h -> h.createQuery("update appointments set manage_code = "
                        + "coalesce(manage_code, :candidate) where business_id = :business and id = :id "
                        + "returning manage_code")
                .bind("candidate", candidate)
                .bind("business", businessId.value())
                .bind("id", id.value())
                .mapTo(String.class)
                .findOne());
    }

    @Override
    public Map<AppointmentId, String> manageCodes(BusinessId businessId, Collection<AppointmentId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(h -> h.createQuery("select id, manage_code from appointments "
                        + "where business_id = :business and id = any(:ids) and manage_code is not null")
                .bind("business", businessId.value())
                .bindArray(
                        "ids",
                        UUID.class,
                        ids.stream().map(AppointmentId::value).toList())
                .map((rs, ctx) -> Map.entry(new AppointmentId(Rows.uuid(rs, "id")), rs.getString("manage_code")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Override
    public Optional<Appointment> findByManageToken(String tokenHash) {
        record Opened(BusinessId business, AppointmentId appointment) {}
        // the token names the business, and the appointment is read within it
        return jdbi.withHandle(h -> h.createQuery(
                                "select business_id, appointment_id from appointment_manage_tokens where token_hash = :hash")
                        .bind("hash", tokenHash)
                        .map((rs, ctx) -> new Opened(
                                new BusinessId(Rows.uuid(rs, "business_id")),
                                new AppointmentId(Rows.uuid(rs, "appointment_id"))))
                        .findOne())
                .flatMap(opened -> findById(List.of(opened.business()), opened.appointment()));
    }

    @Override
    public List<Appointment> findByClient(BusinessId businessId, ClientId client, int limit) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "where business_id = :business and client_id = :client "
                        + "order by starts_at desc, id limit :limit")
                .bind("business", businessId.value())
                .bind("client", client.value())
                .bind("limit", limit)
                .map(JdbiAppointmentRepository::appointment)
                .list());
    }

    @Override
    public boolean existsForService(BusinessId businessId, ServiceId service) {
        return jdbi.withHandle(h -> h.createQuery(
                        "select exists (select 1 from appointments where business_id = :business and service_id = :service)")
                .bind("business", businessId.value())
                .bind("service", service.value())
                .mapTo(Boolean.class)
                .one());
    }

    @Override
    public List<BusyTime> findBusy(BusinessId businessId, TimeRange overlapping) {
        return jdbi.withHandle(h -> h.createQuery("select id, provider_id, starts_at, blocked_from, blocked_until, "
                        + "case when status in " + Rows.LAPSING + " then hold_expires_at end as hold_expires_at "
                        + "from appointments where business_id = :business and " + LIVE
                        + " and tstzrange(blocked_from, blocked_until, '[)') && tstzrange(:from, :to, '[)')")
                .bind("business", businessId.value())
                .bind("from", Rows.timestamp(overlapping.start()))
                .bind("to", Rows.timestamp(overlapping.end()))
                .map((rs, ctx) -> new BusyTime(
                        new AppointmentId(Rows.uuid(rs, "id")),
                        new ProviderId(Rows.uuid(rs, "provider_id")),
                        new Booking(
                                Rows.instant(rs, "starts_at"),
                                new TimeRange(Rows.instant(rs, "blocked_from"), Rows.instant(rs, "blocked_until"))),
                        Rows.optionalInstant(rs, "hold_expires_at")))
                .list());
    }

    @Override
    public List<Appointment> search(CalendarFilter filter, Optional<StartCursor> after, int limit) {
        StringBuilder sql = new StringBuilder(SELECT)
                .append("where business_id = :business and starts_at < :to and ends_at > :from");
        if (!filter.statuses().isEmpty()) {
            sql.append(" and status = any(:statuses)");
        }
        filter.provider().ifPresent(p -> sql.append(" and provider_id = :provider"));
        filter.client().ifPresent(c -> sql.append(" and client_id = :client"));
        filter.source().ifPresent(s -> sql.append(" and source = :source"));
        after.ifPresent(a -> sql.append(" and (starts_at, id) > (:afterStart, :afterId)"));
        sql.append(" order by starts_at, id limit :limit");
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql.toString())
                    .bind("business", filter.businessId().value())
                    .bind("from", Rows.timestamp(filter.period().start()))
                    .bind("to", Rows.timestamp(filter.period().end()))
                    .bind("limit", limit);
            if (!filter.statuses().isEmpty()) {
                query.bindArray(
                        "statuses",
                        String.class,
                        filter.statuses().stream().map(AppointmentStatus::code).toList());
            }
            filter.provider().ifPresent(p -> query.bind("provider", p.value()));
            filter.client().ifPresent(c -> query.bind("client", c.value()));
            filter.source().ifPresent(s -> query.bind("source", s.code()));
            after.ifPresent(
                    a -> query.bind("afterStart", Rows.timestamp(a.start())).bind("afterId", a.id().value()));
            return query.map(JdbiAppointmentRepository::appointment).list();
        });
    }

    @Override
    public List<Appointment> expireLapsedHolds(
            BusinessId businessId, ProviderId provider, TimeRange overlapping, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("update appointments set status = 'expired', updated_at = :now "
                        + "where business_id = :business and provider_id = :provider and status in " + Rows.LAPSING
                        + " and hold_expires_at <= :now "
                        + "and tstzrange(blocked_from, blocked_until, '[)') && tstzrange(:from, :to, '[)') "
                        + "returning " + COLUMNS)
                .bind("business", businessId.value())
                .bind("provider", provider.value())
                .bind("now", Rows.timestamp(now))
                .bind("from", Rows.timestamp(overlapping.start()))
                .bind("to", Rows.timestamp(overlapping.end()))
                .map(JdbiAppointmentRepository::appointment)
                .list());
    }

    @Override
    public List<Appointment> lapsedHolds(Instant now, int limit) {
        // across businesses: the engine's own sweep, never a member's read (index of V27)
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from appointments where status in "
                        + Rows.LAPSING + " and hold_expires_at <= :now order by hold_expires_at limit :limit")
                .bind("now", Rows.timestamp(now))
                .bind("limit", limit)
                .map(JdbiAppointmentRepository::appointment)
                .list());
    }

    private static Appointment appointment(ResultSet rs, StatementContext ctx) throws SQLException {
        Optional<Cancellation> cancellation = Optional.empty();
        String cancelledBy = rs.getString("cancelled_by");
        if (cancelledBy != null) {
            cancellation = Optional.of(new Cancellation(
                    CancelledBy.valueOf(cancelledBy.toUpperCase(Locale.ROOT)),
                    rs.getString("cancellation_reason"),
                    Rows.instant(rs, "cancelled_at")));
        }
        return new Appointment(
                new AppointmentId(Rows.uuid(rs, "id")),
                new BusinessId(Rows.uuid(rs, "business_id")),
                new ServiceId(Rows.uuid(rs, "service_id")),
                new ProviderId(Rows.uuid(rs, "provider_id")),
                new ClientId(Rows.uuid(rs, "client_id")),
                new TimeRange(Rows.instant(rs, "starts_at"), Rows.instant(rs, "ends_at")),
                new TimeRange(Rows.instant(rs, "blocked_from"), Rows.instant(rs, "blocked_until")),
                AppointmentStatus.parse(rs.getString("status")),
                BookingSource.parse(rs.getString("source")),
                new Money(rs.getBigDecimal("price_amount"), Currency.getInstance(rs.getString("price_currency"))),
                rs.getString("notes"),
                Rows.optionalInstant(rs, "hold_expires_at"),
                cancellation,
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }
}
