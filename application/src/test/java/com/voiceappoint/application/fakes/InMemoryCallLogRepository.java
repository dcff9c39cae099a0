package com.voiceappoint.application.fakes;

import com.voiceappoint.application.port.out.CallLogRepository;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.voice.VoiceCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

public final class InMemoryCallLogRepository implements CallLogRepository {
    private final Map<String, VoiceCall> calls = new LinkedHashMap<>();
    private final Map<String, Set<AppointmentId>> links = new LinkedHashMap<>();
    private final Map<String, BusinessId> putThrough = new HashMap<>();

    private static String key(BusinessId businessId, String callId) {
        return businessId + "|" + callId;
    }

    @Override
    public synchronized Optional<VoiceCall> find(BusinessId businessId, String callId) {
        return Optional.ofNullable(calls.get(key(businessId, callId)));
    }

    @Override
    public synchronized Optional<VoiceCall> find(Collection<BusinessId> scope, String callId) {
        return scope.stream()
                .map(b -> calls.get(key(b, callId)))
                .filter(c -> c != null)
                .findFirst();
    }

    @Override
    public synchronized void merge(VoiceCall report) {
        calls.merge(key(report.businessId(), report.callId()), report, VoiceCall::with);
    }

    @Override
    public synchronized List<VoiceCall> list(BusinessId businessId, Optional<CallCursor> after, int limit) {
        Comparator<VoiceCall> newestFirst = Comparator.comparing(VoiceCall::firstSeenAt)
                .thenComparing(VoiceCall::callId)
                .reversed();
        return calls.values().stream()
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
    public synchronized void link(BusinessId businessId, String callId, AppointmentId appointment, Instant heardAt) {
        calls.putIfAbsent(key(businessId, callId), VoiceCall.heardOf(businessId, callId, heardAt));
        links.computeIfAbsent(key(businessId, callId), k -> new LinkedHashSet<>())
                .add(appointment);
    }

    @Override
    public synchronized List<AppointmentId> appointmentsOf(BusinessId businessId, String callId) {
        return new ArrayList<>(links.getOrDefault(key(businessId, callId), Set.of()));
    }

    @Override
    public synchronized void putThrough(VoiceCall call) {
        putThrough.putIfAbsent(call.callId(), call.businessId());
        merge(call);
    }

    @Override
    public synchronized Optional<BusinessId> putThroughTo(String callId) {
        return Optional.ofNullable(putThrough.get(callId));
    }

    synchronized List<VoiceCall> all(BusinessId businessId) {
        return calls.values().stream()
                .filter(c -> c.businessId().equals(businessId))
                .toList();
    }
}
