package com.voiceappoint.testkit;

import java.util.Map;
import java.util.Optional;

/**
 * A voice platform's adapter as {@link VoicePlatformContract} drives it: calls placed the way the platform would send
 * them, and tool calls answered in words. A platform's test implements it in the platform's own protocol (its
 * messages, headers and answers); the contract knows nothing of them.
 */
public interface VoicePlatformDriver {

    /** How a call reaches us, which decides what its caller's number is worth. */
    enum CallKind {
        /** Over the phone network, which gives the caller's number. */
        PSTN,
        /** By SIP: the caller's equipment gives the number. */
        SIP,
        /** From a browser, naming the business as its public page does. */
        WEB
    }

    /**
     * A call as the platform would announce it in every message of the call.
     *
     * @param callId the platform's id of the call
     * @param toNumber our line the call came in on (none on a web call)
     * @param callerNumber the number the call says the caller has
     * @param variables the assistant's variables as the platform passes them (where a SIP caller's headers, or a web
     *     page, may put a business of their choosing)
     */
    Call placeCall(
            String callId,
            Optional<String> toNumber,
            Optional<String> callerNumber,
            CallKind kind,
            Map<String, String> variables);

    /** A call in progress. */
    interface Call {
        /**
         * One tool call, answered: its retries carry the same {@code toolCallId}.
         *
         * @param arguments as the model filled them in
         */
        Said callTool(String toolCallId, String name, Map<String, ?> arguments);
    }

    /** What the assistant is told back: words to say, as a result or as an error. */
    record Said(String words, boolean error) {}
}
