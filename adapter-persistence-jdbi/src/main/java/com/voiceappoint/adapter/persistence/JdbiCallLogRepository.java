package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.port.out.CallLogRepository;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.voice.CallMessage;
import com.voiceappoint.domain.voice.VoiceCall;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

public final class JdbiCallLogRepository implements CallLogRepository {
    private static final String COLUMNS = "business_id, call_id, type, status, customer_number, dialled_number, "
            + "started_at, ended_at, cost, ended_reason, summary, recording_url, transcript, first_seen_at";

    private final Jdbi jdbi;

    JdbiCallLogRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<VoiceCall> find(BusinessId businessId, String callId) {
        return find(List.of(businessId), callId);
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
    public void save(VoiceCall call) {
        jdbi.useTransaction(h -> {
            h.createUpdate("insert into voice_calls (" + COLUMNS + ") values (:business, :call, :type, :status, "
                            + ":customer, :dialled, :started, :ended, :cost, :endedReason, :summary, :recording, "
                            + ":transcript, :firstSeen) on conflict (business_id, call_id) do update set "
                            + "type = excluded.type, status = excluded.status, "
                            + "customer_number = excluded.customer_number, dialled_number = excluded.dialled_number, "
                            + "started_at = excluded.started_at, ended_at = excluded.ended_at, cost = excluded.cost, "
                            + "ended_reason = excluded.ended_reason, summary = excluded.summary, "
                            + "recording_url = excluded.recording_url, transcript = excluded.transcript")
                    .bind("business", call.businessId().value())
                    .bind("call", call.callId())
                    .bind("type", call.type().orElse(null))
                    .bind("status", call.status().orElse(null))
                    .bind("customer", call.customerNumber().orElse(null))
                    .bind("dialled", call.dialledNumber().orElse(null))
                    .bind("started", Rows.timestamp(call.startedAt().orElse(null)))
                    .bind("ended", Rows.timestamp(call.endedAt().orElse(null)))
                    .bind("cost", call.cost().orElse(null))
                    .bind("endedReason", call.endedReason().orElse(null))
                    .bind("summary", call.summary().orElse(null))
                    .bind("recording", call.recordingUrl().orElse(null))
                    .bind("transcript", call.transcript().orElse(null))
                    .bind("firstSeen", Rows.timestamp(call.firstSeenAt()))
                    .execute();
            h.createUpdate("delete from voice_call_messages where business_id = :business and call_id = :call")
                    .bind("business", call.businessId().value())
                    .bind("call", call.callId())
                    .execute();
            var batch = h.prepareBatch("insert into voice_call_messages (business_id, call_id, position, role, text, "
                    + "said_at) values (:business, :call, :position, :role, :text, :at)");
            for (int i = 0; i < call.messages().size(); i++) {
                CallMessage message = call.messages().get(i);
                batch.bind("business", call.businessId().value())
                        .bind("call", call.callId())
                        .bind("position", i)
                        .bind("role", message.role())
                        .bind("text", message.text())
                        .bind("at", Rows.timestamp(message.at().orElse(null)))
                        .add();
            }
            if (!call.messages().isEmpty()) {
                batch.execute();
            }
        });
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
    public void link(BusinessId businessId, String callId, AppointmentId appointment) {
        jdbi.useHandle(h -> h.createUpdate("insert into voice_call_appointments (business_id, call_id, appointment_id) "
                        + "values (:business, :call, :appointment) on conflict do nothing")
                .bind("business", businessId.value())
                .bind("call", callId)
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
