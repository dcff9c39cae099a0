package com.voiceappoint.adapter.vapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase.VoiceConfiguration;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.InvalidValueException;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one endpoint Vapi calls for every business. A request is authenticated on its raw bytes before anything is
 * parsed; after that every answer is a 200, because Vapi ignores any other status and the caller would hear
 * silence: tool-call failures are answered in words, per call, in order.
 *
 * <p>Which business a tool call is for comes only from what the model cannot forge: a business slug fixed on the
 * tool definition, the variable values we gave the call, or the number dialled. A business slug the model puts in
 * the arguments must name that same business, or the call is refused.
 */
public final class VapiWebhook {
    private static final Logger LOG = LoggerFactory.getLogger(VapiWebhook.class);
    static final int TOOL_CALLS_PER_BUSINESS_PER_MINUTE = 600;
    static final int TOOL_CALLS_PER_CALL_PER_MINUTE = 60;
    private static final String SLUG = "business_slug";
    /** Message types measured under their own name; any other is "other", so a label cannot be invented. */
    private static final Set<String> MEASURED_TYPES =
            Set.of("tool-calls", "function-call", "assistant-request", "status-update", "end-of-call-report");

    private final UseCases app;
    private final VapiSettings settings;
    private final ToolCallThrottle throttle;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final WebhookAuthenticator authenticator;
    private final VoiceTools tools;
    private final AssistantRequests assistantRequests;
    private final CallReports callReports;
    private final MeterProvider<Timer> messageLatency;
    private final MeterProvider<Timer> toolCallLatency;

    /** @param metrics where message and tool-call latencies are recorded, by message type and by tool and outcome */
    public VapiWebhook(
            UseCases app, VapiSettings settings, ToolCallThrottle throttle, Clock clock, MeterRegistry metrics) {
        this.app = app;
        this.settings = settings;
        this.throttle = throttle;
        this.clock = clock;
        this.authenticator = new WebhookAuthenticator(settings);
        this.tools = new VoiceTools(app, clock);
        this.assistantRequests = new AssistantRequests(app, settings, clock, json);
        this.callReports = new CallReports(app, clock);
        this.messageLatency = Timer.builder("vapi.messages")
                .description("time to answer a Vapi server message, by message type")
                .withRegistry(metrics);
        this.toolCallLatency = Timer.builder("vapi.tool.calls")
                .description("time to answer one tool call, by tool and outcome")
                .withRegistry(metrics);
        if (settings.acceptsNothing()) {
            LOG.warn("no VAPI_WEBHOOK_SECRET or VAPI_HMAC_SECRET: the Vapi webhook refuses every request");
        }
    }

    /** The status and JSON body to answer with. */
    public record Answer(int status, String json) {}

    /** @param header a request header by its lower-case name */
    public Answer handle(byte[] body, Function<String, Optional<String>> header) {
        long started = System.nanoTime();
        Handled handled = handleTimed(body, header);
        messageLatency.withTags("type", handled.measuredAs()).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return handled.answer();
    }

    /** An answer and the label its latency is recorded under. */
    private record Handled(Answer answer, String measuredAs) {}

    private Handled handleTimed(byte[] body, Function<String, Optional<String>> header) {
        if (settings.acceptsNothing() || !authenticator.authentic(body, header, clock.instant())) {
            // a secret that differs between Vapi and us silences every call: worth a line each time
            LOG.warn("refused a webhook request without valid credentials");
            return new Handled(new Answer(401, "{\"error\":\"unauthorized\"}"), "unauthenticated");
        }
        Optional<Envelope> read = Envelope.read(body, json);
        if (read.isEmpty()) {
            return new Handled(answer(json.createObjectNode().put("error", "unreadable message")), "unreadable");
        }
        Envelope envelope = read.get();
        String type = MEASURED_TYPES.contains(envelope.type()) ? envelope.type() : "other";
        return new Handled(answerTo(envelope), type);
    }

    private Answer answerTo(Envelope envelope) {
        return answer(
                switch (envelope.type()) {
                    case "tool-calls" -> toolCalls(envelope);
                    case "function-call" -> functionCall(envelope);
                    case "assistant-request" -> assistantRequest(envelope);
                    case "status-update", "end-of-call-report" -> {
                        record(envelope);
                        yield json.createObjectNode();
                    }
                    default -> json.createObjectNode();
                });
    }

    /** A report we cannot keep is logged, not bounced: Vapi would not send it again anyway. */
    private void record(Envelope envelope) {
        try {
            callReports.record(envelope);
        } catch (RuntimeException e) {
            LOG.error(
                    "could not record {} for call {}",
                    envelope.type(),
                    envelope.call().callId().orElse("?"),
                    e);
        }
    }

    private ObjectNode toolCalls(Envelope envelope) {
        ObjectNode answer = json.createObjectNode();
        ArrayNode results = answer.putArray("results");
        for (ToolCall call : envelope.toolCalls()) {
            VoiceTools.Answer spoken = answer(call, envelope.call());
            ObjectNode result = results.addObject().put("toolCallId", call.id()).put("name", call.name());
            spoken.result().ifPresent(text -> result.put("result", text));
            spoken.error().ifPresent(text -> result.put("error", text));
        }
        return answer;
    }

    /** The legacy message: one call, answered as {@code {"result": "..."}} whether it worked or not. */
    private ObjectNode functionCall(Envelope envelope) {
        VoiceTools.Answer spoken = answer(envelope.toolCalls().get(0), envelope.call());
        return json.createObjectNode()
                .put("result", spoken.result().or(spoken::error).orElse(""));
    }

    /** One call's answer; whatever fails is this call's error, never the other calls' or the whole message's. */
    private VoiceTools.Answer answer(ToolCall call, CallContext context) {
        long started = System.nanoTime();
        ToolOutcome outcome = answerTimed(call, context);
        toolCallLatency
                .withTags(
                        "tool",
                        VoiceTools.known(call.name()) ? call.name() : "unknown",
                        "outcome",
                        outcome.measuredAs())
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return outcome.answer();
    }

    /**
     * An answer and how it went: answered (a result, refusals with alternatives included), refused (an error the
     * assistant is told), unavailable (no business takes this call), throttled, or failed (our fault).
     */
    private record ToolOutcome(VoiceTools.Answer answer, String measuredAs) {}

    private ToolOutcome answerTimed(ToolCall call, CallContext context) {
        Speech speech = new Speech(settings.defaultLanguage(), clock.getZone());
        try {
            Optional<VoiceConfiguration> routed = route(call, context);
            if (routed.isEmpty()) {
                return new ToolOutcome(VoiceTools.Answer.error(speech.say("business.unavailable")), "unavailable");
            }
            VoiceConfiguration voice = routed.get();
            speech = speechFor(voice);
            String business = voice.business().id().toString();
            if (!throttle.tryAcquire("vapi-business", business, TOOL_CALLS_PER_BUSINESS_PER_MINUTE)
                    || !throttle.tryAcquire(
                            "vapi-call", context.callId().orElse(business), TOOL_CALLS_PER_CALL_PER_MINUTE)) {
                return new ToolOutcome(VoiceTools.Answer.error(speech.say("busy")), "throttled");
            }
            VoiceTools.Answer answer = tools.answer(
                    call, new VoiceTools.Caller(voice.business(), callerNumber(context), context.callId(), speech));
            return new ToolOutcome(answer, answer.result().isPresent() ? "answered" : "refused");
        } catch (RuntimeException e) {
            LOG.error("tool call {} ({}) failed", call.id(), call.name(), e);
            return new ToolOutcome(VoiceTools.Answer.error(speech.say("failure")), "failed");
        }
    }

    /** A caller waits in silence meanwhile: whatever fails, Vapi gets an answer it can speak. */
    private ObjectNode assistantRequest(Envelope envelope) {
        try {
            return assistantRequests.answer(envelope.call());
        } catch (RuntimeException e) {
            LOG.error(
                    "assistant request for call {} failed",
                    envelope.call().callId().orElse("?"),
                    e);
            return json.createObjectNode()
                    .put("error", new Speech(settings.defaultLanguage(), clock.getZone()).say("failure"));
        }
    }

    /** The business, from trusted call data only, if it takes voice bookings and the model did not claim another. */
    private Optional<VoiceConfiguration> route(ToolCall call, CallContext context) {
        Optional<VoiceConfiguration> trusted = trustedBusiness(app, context, call.staticBusinessSlug());
        Optional<String> claimed = Optional.ofNullable(call.arguments().get(SLUG))
                .filter(JsonNode::isValueNode)
                .map(JsonNode::asText)
                .filter(slug -> !slug.isBlank());
        if (trusted.isPresent()
                && claimed.isPresent()
                && !claimed.get()
                        .strip()
                        .equalsIgnoreCase(trusted.get().business().slug().value())) {
            LOG.warn(
                    "call {}: tool {} named business {} but the call is for {}: refused",
                    context.callId().orElse("?"),
                    call.name(),
                    claimed.get(),
                    trusted.get().business().slug().value());
            return Optional.empty();
        }
        return trusted.filter(VoiceConfiguration::enabled);
    }

    /**
     * In the order of trust: a slug fixed on the tool definition, the variable values we gave the call, the number
     * dialled, the line's id.
     */
    static Optional<VoiceConfiguration> trustedBusiness(UseCases app, CallContext context, Optional<String> toolSlug) {
        return toolSlug.flatMap(app.voiceRouting()::bySlug)
                .or(() -> context.variable(SLUG).flatMap(app.voiceRouting()::bySlug))
                .or(() -> context.dialledNumber().flatMap(app.voiceRouting()::byNumber))
                .or(() -> context.lineId().flatMap(app.voiceRouting()::byLineId));
    }

    private static Optional<PhoneNumber> callerNumber(CallContext context) {
        try {
            return context.callerNumber().map(PhoneNumber::new);
        } catch (InvalidValueException notE164) {
            return Optional.empty();
        }
    }

    static Speech speechFor(VoiceConfiguration voice) {
        return new Speech(
                voice.settings().language().orElse(voice.business().language()),
                voice.business().zone());
    }

    private Answer answer(ObjectNode body) {
        try {
            return new Answer(200, json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }
}
