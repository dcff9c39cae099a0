package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.port.out.CallLogRepository;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.voice.CallMessage;
import com.voiceappoint.domain.voice.VoiceCall;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

public final class JdbiCallLogRepository implements CallLogRepository {
    private static final String COLUMNS = "business_id, call_id, type, status, customer_number, dialled_number, "
            + "started_at, ended_at, cost, ended_reason, summary, recording_url, transcript, first_seen_at";

    /**
     * How many call routes are remembered, the most recently used kept: far more calls than are live at once on one
     * server, and a few megabytes at most.
     */
    static final int ROUTES_REMEMBERED = 10_000;

    private final Jdbi jdbi;
    /**
     * Call ids and the business each was put through to. Every tool call and status update of a call routed this way
     * asks, and the answer never changes once written (the first business stays), so it is read once; a call not
     * put through (yet) is asked about again.
     */
    private final Map<String, BusinessId> routes = Collections.synchronizedMap(new RecentlyUsed<>(ROUTES_REMEMBERED));

    JdbiCallLogRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** A map that forgets its least recently used entry beyond a size. */
    private static final class RecentlyUsed<K, V> extends LinkedHashMap<K, V> {
        private final int most;

        RecentlyUsed(int most) {
            super(16, 0.75f, true);
            this.most = most;
        }

        @Override
        protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
            return size() > most;
        }
    }

    @Override
    public Optional<VoiceCall> find(BusinessId businessId, String callId) {
        return find(List.of(businessId), callId);
    }

    @Override
    public void lockCall(BusinessId businessId, String callId) {
        jdbi.useHandle(h -> AdvisoryLocks.call(h, businessId, callId));
    }

    @Override
    public Optional<VoiceCall> find(Collection<BusinessId> scope, String callId) {
        if (scope.isEmpty()) {
            return Optional.empty();
        }
        return jdbi.withHandle(h -> h.createQuery("select " + COLUMNS + " from voice_calls "
                        + "where business_id = any(:scope) and call_id = :call limit 1")
                .bindArray(
                        "scope",
                        UUID.class,
                        scope.stream().map(BusinessId::value).toList())
                .bind("call", callId)
                .map((rs, ctx) -> call(rs, messages(h, new BusinessId(Rows.uuid(rs, "business_id")), callId)))
                .findOne());
    }

    private static List<CallMessage> messages(Handle h, BusinessId businessId, String callId) {
        return h.createQuery("select role, text, said_at from voice_call_messages "
                        + "where business_id = :business and call_id = :call order by position")
                .bind("business", businessId.value())
                .bind("call", callId)
                .map((rs, ctx) -> new CallMessage(
                        rs.getString("role"), rs.getString("text"), Rows.optionalInstant(rs, "said_at")))
                .list();
    }

    @Override
    public void merge(VoiceCall report) {
        jdbi.useTransaction(h -> merge(h, report));
    }

    private static void merge(Handle h, VoiceCall report) {
        // one statement: two reports arriving together each keep what the other said
        h.createUpdate("insert into voice_calls (" + COLUMNS + ") values (:business, :call, :type, :status, "
                        + ":customer, :dialled, :started, :ended, :cost, :endedReason, :summary, :recording, "
                        + ":transcript, :firstSeen) on conflict (business_id, call_id) do update set "
                        + "type = coalesce(excluded.type, voice_calls.type), "
                        + "status = case when voice_calls.status = 'ended' then 'ended' "
                        + "  else coalesce(excluded.status, voice_calls.status) end, "
                        + "customer_number = coalesce(excluded.customer_number, voice_calls.customer_number), "
                        + "dialled_number = coalesce(excluded.dialled_number, voice_calls.dialled_number), "
                        + "started_at = coalesce(excluded.started_at, voice_calls.started_at), "
                        + "ended_at = coalesce(excluded.ended_at, voice_calls.ended_at), "
                        + "cost = coalesce(excluded.cost, voice_calls.cost), "
                        + "ended_reason = coalesce(excluded.ended_reason, voice_calls.ended_reason), "
                        + "summary = coalesce(excluded.summary, voice_calls.summary), "
                        + "recording_url = coalesce(excluded.recording_url, voice_calls.recording_url), "
                        + "transcript = coalesce(excluded.transcript, voice_calls.transcript)")
                .bind("business", report.businessId().value())
                .bind("call", report.callId())
                .bind("type", report.type().orElse(null))
                .bind("status", report.status().orElse(null))
                .bind("customer", report.customerNumber().orElse(null))
                .bind("dialled", report.dialledNumber().orElse(null))
                .bind("started", Rows.timestamp(report.startedAt().orElse(null)))
                .bind("ended", Rows.timestamp(report.endedAt().orElse(null)))
                .bind("cost", report.cost().orElse(null))
                .bind("endedReason", report.endedReason().orElse(null))
                .bind("summary", report.summary().orElse(null))
                .bind("recording", report.recordingUrl().orElse(null))
                .bind("transcript", report.transcript().orElse(null))
                .bind("firstSeen", Rows.timestamp(report.firstSeenAt()))
                .execute();
        if (report.messages().isEmpty()) {
            return;
        }
        h.createUpdate("delete from voice_call_messages where business_id = :business and call_id = :call")
                .bind("business", report.businessId().value())
                .bind("call", report.callId())
                .execute();
        var batch = h.prepareBatch("insert into voice_call_messages (business_id, call_id, position, role, text, "
                + "said_at) values (:business, :call, :position, :role, :text, :at)");
        for (int i = 0; i < report.messages().size(); i++) {
            CallMessage message = report.messages().get(i);
            batch.bind("business", report.businessId().value())
                    .bind("call", report.callId())
                    .bind("position", i)
                    .bind("role", message.role())
                    .bind("text", message.text())
                    .bind("at", Rows.timestamp(message.at().orElse(null)))
                    .add();
        }
        batch.execute();
    }

    @Override
    public List<VoiceCall> list(BusinessId businessId, Optional<CallCursor> after, int limit) {
        String keyset = after.isPresent() ? " and (first_seen_at, call_id) < (:afterSeen, :afterCall)" : "";
        return jdbi.withHandle(h -> {
            var query = h.createQuery("select " + COLUMNS + " from voice_calls where business_id = :business" + keyset
                            + " order by first_seen_at desc, call_id desc limit :limit")
                    .bind("business", businessId.value())
                    .bind("limit", limit);
            after.ifPresent(a ->
                    query.bind("afterSeen", Rows.timestamp(a.firstSeenAt())).bind("afterCall", a.callId()));
            return query.map((rs, ctx) -> call(rs, List.of())).list();
        });
    }

    @Override
    public void link(BusinessId businessId, String callId, AppointmentId appointment, Instant heardAt) {
        // one statement, as a booking waits for it: the call (if new) and the link commit together
        jdbi.useHandle(
                h -> h.createUpdate("with heard as (insert into voice_calls (business_id, call_id, first_seen_at) "
                                + "values (:business, :call, :heardAt) on conflict (business_id, call_id) do nothing) "
                                + "insert into voice_call_appointments (business_id, call_id, appointment_id) "
                                + "values (:business, :call, :appointment) on conflict do nothing")
                        .bind("business", businessId.value())
                        .bind("call", callId)
                        .bind("heardAt", Rows.timestamp(heardAt))
                        .bind("appointment", appointment.value())
                        .execute());
    }

    @Override
    public List<AppointmentId> appointmentsOf(BusinessId businessId, String callId) {
        return jdbi.withHandle(h -> h.createQuery("select appointment_id from voice_call_appointments "
                        + "where business_id = :business and call_id = :call")
                .bind("business", businessId.value())
                .bind("call", callId)
                .map((rs, ctx) -> new AppointmentId(Rows.uuid(rs, "appointment_id")))
                .list());
    }

    @Override
    public void putThrough(VoiceCall call) {
        jdbi.useTransaction(h -> {
            h.createUpdate("insert into voice_call_routes (call_id, business_id, routed_at) "
                            + "values (:call, :business, :at) on conflict (call_id) do nothing")
                    .bind("call", call.callId())
                    .bind("business", call.businessId().value())
                    .bind("at", Rows.timestamp(call.firstSeenAt()))
                    .execute();
            merge(h, call);
        });
    }

    @Override
    public Optional<BusinessId> putThroughTo(String callId) {
        BusinessId remembered = routes.get(callId);
        if (remembered != null) {
            return Optional.of(remembered);
        }
        Optional<BusinessId> read =
                jdbi.withHandle(h -> h.createQuery("select business_id from voice_call_routes where call_id = :call")
                        .bind("call", callId)
                        .map((rs, ctx) -> new BusinessId(Rows.uuid(rs, "business_id")))
                        .findOne());
        read.ifPresent(business -> routes.put(callId, business));
        return read;
    }

    private static VoiceCall call(ResultSet rs, List<CallMessage> messages) throws SQLException {
        return new VoiceCall(
                new BusinessId(Rows.uuid(rs, "business_id")),
                rs.getString("call_id"),
                Optional.ofNullable(rs.getString("type")),
                Optional.ofNullable(rs.getString("status")),
                Optional.ofNullable(rs.getString("customer_number")),
                Optional.ofNullable(rs.getString("dialled_number")),
                Rows.optionalInstant(rs, "started_at"),
                Rows.optionalInstant(rs, "ended_at"),
                Optional.ofNullable(rs.getBigDecimal("cost")),
                Optional.ofNullable(rs.getString("ended_reason")),
                Optional.ofNullable(rs.getString("summary")),
                Optional.ofNullable(rs.getString("recording_url")),
                Optional.ofNullable(rs.getString("transcript")),
                messages,
                Rows.instant(rs, "first_seen_at"));
    }
}
