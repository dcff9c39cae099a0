package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.voice.VoiceCall;
import java.util.List;

/**
 * The call log. The voice adapter reports on calls (after checking the reports come from the voice platform) and
 * links the appointments a call made; members read their businesses' calls, and those who look after clients read
 * transcripts.
 */
public interface CallLogUseCase {

    /**
     * Merges a report into the call (created on first report). When the call has ended, the slots it held and never
     * booked are released at once rather than at the end of their hold time.
     */
    void record(VoiceCall report);

    /**
     * Logs a call we put through to its business ourselves (answering the platform's assistant request, or placing
     * it), and routes every later message of the call to that business, whatever the call's variables say.
     */
    void putThrough(VoiceCall call);

    /** Newest first, without transcripts. */
    Page<VoiceCall> calls(Actor actor, BusinessId businessId, Page.Request page);

    /** The whole call, transcript included, with the appointments it made. Needs the right to manage clients. */
    CallRecord transcript(Actor actor, String callId);

    record CallRecord(VoiceCall call, List<AppointmentDetails> appointments) {}
}
