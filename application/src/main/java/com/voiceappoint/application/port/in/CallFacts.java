package com.voiceappoint.application.port.in;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a voice platform says about a call, as its adapter reads it from the platform's message. The platform vouches
 * for the call's id, its kind and the line it came in on (or went out from); the caller's number and the variables
 * are only as good as where they came from, which {@link RouteCallQuery} decides.
 *
 * @param platform the voice platform the call is on ({@code vapi}): lines and assistants are the platform's own
 * @param type the platform's own name for the kind of call, as the call log keeps it
 * @param callerNumber the number the call says the caller has: the network's caller id on a call over the phone
 *     network, the SIP {@code From} on a SIP call, whatever the browser sent on a web call
 * @param dialledNumber the number of our line the call came in on or went out from (E.164)
 * @param lineId the platform's id of that line
 * @param variables the assistant's variable values: ours when we answered the platform's request for an assistant
 *     or placed the call, but a platform may also fill them from a SIP call's headers
 */
public record CallFacts(
        String platform,
        Optional<String> callId,
        Kind kind,
        Optional<String> type,
        Optional<String> callerNumber,
        Optional<String> dialledNumber,
        Optional<String> lineId,
        Map<String, String> variables) {

    /** What kind of call it is, which decides what its caller's number is worth. */
    public enum Kind {
        /** Dialled to one of our lines over the phone network, which gave the caller's number itself. */
        INBOUND_PSTN,
        /** Dialled to one of our lines by SIP (or a transport not named): the caller's equipment gave the number. */
        INBOUND_SIP,
        /** A call we placed. */
        OUTBOUND,
        /** A call from a browser or an app, naming the business it wants as its public page would. */
        WEB,
        /** A kind the platform did not say, or one we do not know: routed by its line, its number unproven. */
        OTHER
    }

    public CallFacts {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(kind, "kind");
        variables = Map.copyOf(variables);
    }

    public Optional<String> variable(String name) {
        return Optional.ofNullable(variables.get(name)).filter(v -> !v.isBlank());
    }

    public boolean web() {
        return kind == Kind.WEB;
    }

    public boolean outbound() {
        return kind == Kind.OUTBOUND;
    }

    /** The caller's number as the call log keeps it: only a phone call's is worth keeping. */
    public Optional<String> loggedCallerNumber() {
        return kind == Kind.INBOUND_PSTN || kind == Kind.INBOUND_SIP || kind == Kind.OUTBOUND
                ? callerNumber
                : Optional.empty();
    }
}
