package com.voiceappoint.adapter.vapi;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a message says about the call it belongs to. Vapi vouches for the call's id, its type and transport, and the
 * line it came in on (or went out from); the caller's number and the variable values are only as good as where they
 * came from: {@link CallRouting} decides what each is worth.
 *
 * @param callType {@code inboundPhoneCall}, {@code outboundPhoneCall}, {@code webCall} or {@code vapi.websocketCall}
 * @param transport on phone calls, {@code pstn} (the phone network gave the caller's number) or {@code sip} (the
 *     caller's equipment did)
 * @param customerNumber the number the call says the caller has: the network's caller id on a PSTN call, the SIP
 *     {@code From} on a SIP call, whatever the browser sent on a web call
 * @param dialledNumber the number of our line the call came in on or went out from (E.164)
 * @param lineId Vapi's id of that line
 * @param variables the assistant's variable values: ours when we answered the assistant request or placed the call,
 *     but Vapi also fills them from a SIP call's {@code X-} headers
 */
record CallContext(
        Optional<String> callId,
        Optional<String> callType,
        Optional<String> transport,
        Optional<String> customerNumber,
        Optional<String> dialledNumber,
        Optional<String> lineId,
        Map<String, String> variables) {
    private static final Set<String> PHONE_CALLS = Set.of("inboundPhoneCall", "outboundPhoneCall");
    private static final Set<String> WEB_CALLS = Set.of("webCall", "vapi.websocketCall");

    Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
    }

    boolean phoneCall() {
        return callType.filter(PHONE_CALLS::contains).isPresent();
    }

    boolean outbound() {
        return callType.filter("outboundPhoneCall"::equals).isPresent();
    }

    boolean webCall() {
        return callType.filter(WEB_CALLS::contains).isPresent();
    }

    /** Over the phone network, which gave the caller's number itself. */
    boolean pstn() {
        return phoneCall() && transport.filter("pstn"::equalsIgnoreCase).isPresent();
    }

    /** The caller's number as the call log keeps it: a web call has none worth keeping. */
    Optional<String> callerNumber() {
        return phoneCall() ? customerNumber : Optional.empty();
    }
}
