package com.voiceappoint.adapter.vapi;

import java.util.Map;
import java.util.Optional;

/**
 * What Vapi itself says about the call a message belongs to: never what the caller or the model said.
 *
 * @param callerNumber the caller id, on phone calls only: the network vouches for it, a browser does not
 * @param dialledNumber the number the caller dialled (E.164)
 * @param lineId Vapi's id of that number
 * @param variables the assistant's variable values: those we set when answering the assistant request or placing
 *     the call
 */
record CallContext(
        Optional<String> callId,
        Optional<String> callType,
        Optional<String> callerNumber,
        Optional<String> dialledNumber,
        Optional<String> lineId,
        Map<String, String> variables) {

    Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
    }
}
