package com.voiceappoint.adapter.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.voiceappoint.application.port.in.CallFacts;
import com.voiceappoint.application.port.in.CallLogUseCase;
import com.voiceappoint.application.port.in.RouteCallQuery;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase.VoiceConfiguration;
import com.voiceappoint.domain.voice.CallMessage;
import com.voiceappoint.domain.voice.VoiceCall;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns {@code status-update} and {@code end-of-call-report} messages into the business's call log. Both the 2024
 * shape (transcript, summary, messages and recording at the top of the message) and the current one (under
 * {@code artifact} and {@code analysis}) are read. A report goes to the business {@link RouteCallQuery} finds for its
 * call (a web call's only when it names one business that takes voice bookings); reports for calls no business of
 * ours answered are dropped. What is kept is bounded: the first {@value #MAX_TURNS} turns of the conversation, each
 * at most {@value #MAX_TURN_LENGTH} characters, and so on; the rest of a long report is dropped, not the report.
 */
final class CallReports {
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2100-01-01T00:00:00Z");
    private static final BigDecimal MAX_COST = new BigDecimal("1000000");
    static final int MAX_TURNS = Envelope.STREAMED_TURNS;
    static final int MAX_TURN_LENGTH = 20_000;
    static final int MAX_TRANSCRIPT_LENGTH = Envelope.STREAMED_MAX_TEXT;
    static final int MAX_SUMMARY_LENGTH = 20_000;
    static final int MAX_SHORT_LENGTH = 2_000;
    private final CallLogUseCase callLog;
    private final RouteCallQuery routing;
    private final Clock clock;

    CallReports(CallLogUseCase callLog, RouteCallQuery routing, Clock clock) {
        this.callLog = callLog;
        this.routing = routing;
        this.clock = clock;
    }

    void record(Envelope envelope) {
        CallFacts context = envelope.call();
        Optional<String> callId = context.callId();
        Optional<VoiceConfiguration> routed = routing.decide(context, List.of()).logOwner();
        if (callId.isEmpty() || routed.isEmpty()) {
            return;
        }
        JsonNode message = envelope.message();
        JsonNode call = message.path("call");
        JsonNode artifact = message.path("artifact");
        boolean report = envelope.type().equals("end-of-call-report");
        Optional<Instant> endedAt = instant(message.path("endedAt")).or(() -> instant(call.path("endedAt")));
        callLog.record(new VoiceCall(
                routed.get().business().id(),
                callId.get(),
                context.type(),
                text(message.path("status"), MAX_SHORT_LENGTH)
                        .or(() -> report ? Optional.of("ended") : Optional.empty()),
                context.loggedCallerNumber(),
                context.dialledNumber(),
                instant(message.path("startedAt")).or(() -> instant(call.path("startedAt"))),
                endedAt,
                number(message.path("cost")).or(() -> number(call.path("cost"))),
                text(message.path("endedReason"), MAX_SHORT_LENGTH),
                text(message.path("analysis").path("summary"), MAX_SUMMARY_LENGTH)
                        .or(() -> text(message.path("summary"), MAX_SUMMARY_LENGTH)),
                text(artifact.path("recording").path("mono").path("combinedUrl"), MAX_SHORT_LENGTH)
                        .or(() -> text(artifact.path("recordingUrl"), MAX_SHORT_LENGTH))
                        .or(() -> text(message.path("recordingUrl"), MAX_SHORT_LENGTH)),
                text(artifact.path("transcript"), MAX_TRANSCRIPT_LENGTH)
                        .or(() -> text(message.path("transcript"), MAX_TRANSCRIPT_LENGTH)),
                messages(
                        artifact.path("messages").isArray()
                                        && !artifact.path("messages").isEmpty()
                                ? artifact.path("messages")
                                : message.path("messages")),
                clock.instant()));
    }

    /** What the caller and the assistant said; the system prompt and tool plumbing are not part of the transcript. */
    private static List<CallMessage> messages(JsonNode messages) {
        List<CallMessage> said = new ArrayList<>();
        for (JsonNode m : messages) {
            if (said.size() == MAX_TURNS) {
                break;
            }
            String role = m.path("role").asText("");
            String text = shortened(m.path("message").asText(m.path("content").asText("")), MAX_TURN_LENGTH);
            if (text.isBlank()) {
                continue;
            }
            switch (role) {
                case "user" -> said.add(new CallMessage("user", text.strip(), instant(m.path("time"))));
                case "bot", "assistant" ->
                    said.add(new CallMessage("assistant", text.strip(), instant(m.path("time"))));
                default -> {
                    // system prompts and tool calls are configuration, not conversation
                }
            }
        }
        return said;
    }

    /**
     * Epoch milliseconds, or an ISO instant: Vapi has sent both. A value no call could have (before 2000, after
     * 2100) is no value: one absurd field must not cost the whole report.
     */
    static Optional<Instant> instant(JsonNode node) {
        Optional<Instant> read = Optional.empty();
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            read = Optional.of(Instant.ofEpochMilli(node.asLong()));
        } else if (node.isTextual()) {
            try {
                read = Optional.of(Instant.parse(node.asText()));
            } catch (DateTimeParseException notIso) {
                read = Optional.empty();
            }
        }
        return read.filter(at -> at.isAfter(EARLIEST) && at.isBefore(LATEST));
    }

    /** A cost: what a call can cost, not whatever a number may be. */
    private static Optional<BigDecimal> number(JsonNode node) {
        return node.isNumber()
                ? Optional.of(node.decimalValue()).filter(v -> v.signum() >= 0 && v.compareTo(MAX_COST) < 0)
                : Optional.empty();
    }

    private static Optional<String> text(JsonNode node, int longest) {
        return node.isTextual() && !node.asText().isBlank()
                ? Optional.of(shortened(node.asText(), longest))
                : Optional.empty();
    }

    /** The first {@code longest} characters, never half of one written as two. */
    private static String shortened(String text, int longest) {
        if (text.length() <= longest) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(longest - 1)) ? longest - 1 : longest;
        return text.substring(0, end);
    }
}
