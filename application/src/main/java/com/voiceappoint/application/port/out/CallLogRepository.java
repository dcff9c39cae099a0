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

    /**
     * Takes the call until the caller's transaction ends: reports of one call arriving together are then applied one
     * at a time, each reading what the one before it left, so that a call starts and ends once in the business's events.
     */
    void lockCall(BusinessId businessId, String callId);

    /** Only among the given businesses: a lookup by id can never reach another tenant. */
    Optional<VoiceCall> find(Collection<BusinessId> scope, String callId);

    /**
     * Inserts the call, or merges a report into what is kept, in one step so that reports arriving together cannot
     * undo each other: each field the report carries replaces the kept one, except that an ended call stays ended;
     * the messages are replaced only by a report that has some; when the call was first heard of never changes.
     */
    void merge(VoiceCall report);

    /** Newest first (by when the call was first heard of, then id), after {@code after}; without their messages. */
    List<VoiceCall> list(BusinessId businessId, Optional<CallCursor> after, int limit);

    /**
     * Records that this appointment was made (or held) during this call; recording it twice changes nothing. A call not
     * heard of before is recorded as first heard of at {@code heardAt}: it may book before its first status update.
     */
    void link(BusinessId businessId, String callId, AppointmentId appointment, Instant heardAt);

    List<AppointmentId> appointmentsOf(BusinessId businessId, String callId);

    /**
     * Records that we put this call through to the business (our answer to the platform's assistant request named it,
     * or the business placed the call), and logs the call as {@link #merge} would. A call id stays with the first
     * business it was put through to: the platform never reuses one, and nothing said later moves it.
     */
    void putThrough(VoiceCall call);

    /** The business a call was put through to: the platform's call ids span businesses, so this lookup does too. */
    Optional<BusinessId> putThroughTo(String callId);

    /** Where a page of calls ended. */
    record CallCursor(Instant firstSeenAt, String callId) {}
}
