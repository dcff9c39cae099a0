package com.voiceappoint.application.port.in;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers a voice platform's "which assistant takes this call?" for a line with none attached. The business is the one
 * whose line was dialled, and only that: the call's variables may come from a SIP caller's headers. The call is then
 * recorded as put through to it, which routes the call's later messages ({@link RouteCallQuery}). Only local data is
 * used: platforms give up after a few seconds, and the caller waits in silence.
 */
public interface StartCallUseCase {

    /** @param sharedAssistant the platform's assistant for businesses without their own */
    Start start(CallFacts call, Optional<String> sharedAssistant);

    sealed interface Start permits Assistant, Refused {}

    /**
     * The assistant that takes the call, and what it is told at the start: which business the call is for (the
     * {@value RouteCallQuery#SLUG} variable routes every tool call of the call to it), today's date, weekday and time
     * where the business is (a platform's own "now" is UTC, which puts "tomorrow" on the wrong day near midnight),
     * what it offers and when it opens, and the greeting the business chose.
     *
     * @param variables in the order they are told
     */
    record Assistant(String assistantId, Optional<String> greeting, Map<String, String> variables) implements Start {
        public Assistant {
            Objects.requireNonNull(assistantId, "assistantId");
            variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        }
    }

    /** No assistant takes the call: the words the caller hears. */
    record Refused(String words) implements Start {}
}
