package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.port.out.CallLogRepository;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.voice.VoiceCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class InMemoryCallLogRepository implements CallLogRepository {
    private final Table<String, VoiceCall> calls;
    /** The appointments booked in each call, in the order they were. */
    private final Table<String, List<AppointmentId>> links;

    private final Table<String, BusinessId> putThrough;

    InMemoryCallLogRepository(InMemoryTransactionRunner transactions) {
        calls = new Table<>(transactions);
        links = new Table<>(transactions);
        putThrough = new Table<>(transactions);
    }

    private static String key(BusinessId businessId, String callId) {
        return businessId + "|" + callId;
    }

    @Override
    public Optional<VoiceCall> find(BusinessId businessId, String callId) {
        return calls.find(key(businessId, callId));
    }

    @Override
    public void lockCall(BusinessId businessId, String callId) {
        // transactions here run one at a time already
    }

    @Override
    public Optional<VoiceCall> find(Collection<BusinessId> scope, String callId) {
        return scope.stream().flatMap(b -> calls.find(key(b, callId)).stream()).findFirst();
    }

    @Override
    public void merge(VoiceCall report) {
        String key = key(report.businessId(), report.callId());
        calls.put(key, calls.find(key).map(known -> known.with(report)).orElse(report));
    }

    @Override
    public List<VoiceCall> list(BusinessId businessId, Optional<CallCursor> after, int limit) {
        Comparator<VoiceCall> newestFirst = Comparator.comparing(VoiceCall::firstSeenAt)
                .thenComparing(VoiceCall::callId)
                .reversed();
        return calls.stream()
                .filter(c -> c.businessId().equals(businessId))
                .filter(c -> after.map(a -> {
                            int byTime = c.firstSeenAt().compareTo(a.firstSeenAt());
                            return byTime < 0 || (byTime == 0 && c.callId().compareTo(a.callId()) < 0);
                        })
                        .orElse(true))
                .sorted(newestFirst)
                .limit(limit)
                .map(InMemoryCallLogRepository::withoutMessages)
                .toList();
    }

    private static VoiceCall withoutMessages(VoiceCall c) {
        return new VoiceCall(
                c.businessId(),
                c.callId(),
                c.type(),
                c.status(),
                c.customerNumber(),
                c.dialledNumber(),
                c.startedAt(),
                c.endedAt(),
                c.cost(),
                c.endedReason(),
                c.summary(),
                c.recordingUrl(),
                c.transcript(),
                List.of(),
                c.firstSeenAt());
    }

    @Override
    public void link(BusinessId businessId, String callId, AppointmentId appointment, Instant heardAt) {
        String key = key(businessId, callId);
        calls.putIfAbsent(key, VoiceCall.heardOf(businessId, callId, heardAt));
        List<AppointmentId> booked = links.find(key).orElse(List.of());
        if (!booked.contains(appointment)) {
            List<AppointmentId> more = new ArrayList<>(booked);
            more.add(appointment);
            links.put(key, List.copyOf(more));
        }
    }

    @Override
    public List<AppointmentId> appointmentsOf(BusinessId businessId, String callId) {
        return links.find(key(businessId, callId)).orElse(List.of());
    }

    @Override
    public void putThrough(VoiceCall call) {
        putThrough.putIfAbsent(call.callId(), call.businessId());
        merge(call);
    }

    @Override
    public Optional<BusinessId> putThroughTo(String callId) {
        return putThrough.find(callId);
    }

    List<VoiceCall> all(BusinessId businessId) {
        return calls.stream().filter(c -> c.businessId().equals(businessId)).toList();
    }
}
