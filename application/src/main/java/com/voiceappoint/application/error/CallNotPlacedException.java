package com.voiceappoint.application.error;

import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import java.util.Map;

/** The voice platform refused an outbound call (CALL_REJECTED) or could not be reached (VOICE_UNAVAILABLE). */
public final class CallNotPlacedException extends DomainException {
    public CallNotPlacedException(ErrorCode code, String message) {
        super(code, null, message, Map.of());
    }
}
