package com.voiceappoint.application.port.in;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The assistant's tools, answered for the business a call is routed to ({@link RouteCallQuery}). Every answer is a
 * line to speak, in the business's language; what goes wrong in a way the caller can act on (a taken time, a past
 * date) is an answer too, with what to do instead. The caller's number comes from the call, never from the
 * arguments; where the call does not prove it (SIP, web, a withheld number), a caller's own appointments are opened by
 * the manage code given with each, tried a few times per call at most. A web call does what the business's public
 * page allows: no holds. Tool calls are counted per business and per call, so one runaway conversation cannot starve
 * the rest.
 */
public interface AnswerToolCallUseCase {
    String SERVICES = "get_business_services";
    String AVAILABILITY = "check_service_availability";
    String BOOK = "book_appointment";
    String HOURS = "get_business_hours";
    String HOLD = "hold_slot";
    String MINE = "find_my_appointments";
    String CANCEL = "cancel_appointment";
    String RESCHEDULE = "reschedule_appointment";
    List<String> TOOLS = List.of(SERVICES, AVAILABILITY, BOOK, HOURS, HOLD, MINE, CANCEL, RESCHEDULE);

    static boolean known(String name) {
        return TOOLS.contains(name);
    }

    /** One tool call of a call already {@link RouteCallQuery#find found}; whatever fails is this call's answer. */
    Outcome answer(RouteCallQuery.Route route, ToolCall call);

    /**
     * @param id the platform's id of the tool call, which its retries carry (blank when the platform gives none)
     * @param claims business slugs the tool call carries beyond the call's variables: fixed on the tool, or written
     *     by the model
     */
    record ToolCall(String id, String name, ToolArguments arguments, List<String> claims) {
        public ToolCall {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(arguments, "arguments");
            claims = List.copyOf(claims);
        }
    }

    /** What the assistant hears back: a result, or an error it should not retry blindly. */
    record Answer(Optional<String> result, Optional<String> error) {}

    /** An answer and how it went. */
    record Outcome(Answer answer, How how) {}

    enum How {
        /** A result, refusals with alternatives included. */
        ANSWERED,
        /** An error the assistant is told. */
        REFUSED,
        /** No business takes this call. */
        UNAVAILABLE,
        /** Too many tool calls for the business or the call. */
        THROTTLED,
        /** Our fault. */
        FAILED;

        /** The name it is measured under. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
