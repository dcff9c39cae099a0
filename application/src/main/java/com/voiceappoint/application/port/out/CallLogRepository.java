package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.voice.VoiceCall;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Each business's calls with the voice assistant, and the appointments made during them. */
public interface CallLogRepository {

    Optional<VoiceCall> find(BusinessId businessId, String callId);

    /** Only among the given businesses: a lookup by id can never reach another tenant. */
    Optional<VoiceCall> find(Collection<BusinessId> scope, String callId);

    /** Inserts the call or replaces what was kept of it, its messages included. */
    void save(VoiceCall call);

    /** Newest first (by when the call was first heard of, then id), after {@code after}; without their messages. */
    List<VoiceCall> list(BusinessId businessId, Optional<CallCursor> after, int limit);

    /** Records that this appointment was made (or held) during this call; recording it twice changes nothing. */
    void link(BusinessId businessId, String callId, AppointmentId appointment);

    List<AppointmentId> appointmentsOf(BusinessId businessId, String callId);

    /** Where a page of calls ended. */
    record CallCursor(Instant firstSeenAt, String callId) {}
}
