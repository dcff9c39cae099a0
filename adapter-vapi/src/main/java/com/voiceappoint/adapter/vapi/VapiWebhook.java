package com.voiceappoint.adapter.vapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase.VoiceConfiguration;
import io.micrometer.core.instrument.Meter.MeterProvider;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one endpoint Vapi calls for every business. A request is authenticated on its raw bytes before anything is
 * parsed; after that every answer is a 200, because Vapi ignores any other status and the caller would hear
 * silence: tool-call failures are answered in words, per call, in order.
 *
 * <p>Which business a message is for, and how far its caller is known, is {@link CallRouting}'s to say: from what Vapi
 * vouches for (the line, the call's type and transport) and what we decided ourselves (the calls we put through or
 * placed), never from variables a SIP caller can set.
 *
 * <p>Bodies up to the server's limit arrive whole; a larger one (a long call's end-of-call report) is read as it
 * arrives, keeping only what is acted on ({@link Envelope#read(InputStream, ObjectMapper)}): at once when the headers
 * carry the shared secret, and otherwise only once its HMAC signature has been checked over every byte (the body is
 * written to a file of our own meanwhile, a few at a time).
 */
public final class VapiWebhook {
    private static final Logger LOG = LoggerFactory.getLogger(VapiWebhook.class);
    static final ToolCallThrottle.Allowance TOOL_CALLS_PER_BUSINESS =
            ToolCallThrottle.Allowance.perMinute("vapi-business", 600);
    static final ToolCallThrottle.Allowance TOOL_CALLS_PER_CALL = ToolCallThrottle.Allowance.perMinute("vapi-call", 60);

    /**
     * The largest message read as a stream ({@link #handle(InputStream, Function)}): an end-of-call report of the
     * longest call Vapi allows (12 hours) is a few megabytes; this leaves room, and still ends a body that never does.
     */
    public static final long MAX_STREAMED_BYTES = 64L * 1024 * 1024;
    /**
     * How many bodies too large to hold may be waiting for their signature at once, each in a file of up to
     * {@link #MAX_STREAMED_BYTES}. Vapi sends such a report once per long call; anyone can send a body with a
     * signature header, and more of those than this are turned away unread rather than filling the disk.
     */
    static final int MAX_SPOOLED = 4;
    /** Message types measured under their own name; any other is "other", so a label cannot be invented. */
    private static final Set<String> MEASURED_TYPES = Set.of(
            "tool-calls",
            "function-call",
            "assistant-request",
            "status-update",
            "end-of-call-report",
            "transfer-destination-request",
            "knowledge-base-request");

    private static final ObjectMapper STREAMED_JSON = new ObjectMapper();

    private final UseCases app;
    private final VapiSettings settings;
    private final ToolCallThrottle throttle;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final WebhookAuthenticator authenticator;
    private final VoiceTools tools;
    private final AssistantRequests assistantRequests;
    private final CallReports callReports;
    private final CallRouting routing;
    private final CallRequests callRequests;
    private final MeterProvider<Timer> messageLatency;
    private final MeterProvider<Timer> toolCallLatency;
    private final Path spoolDirectory;
    private final Semaphore spooling = new Semaphore(MAX_SPOOLED);
    private final Function<InputStream, Optional<Envelope>> streamedReader;

    /** @param metrics where message and tool-call latencies are recorded, by message type and by tool and outcome */
    public VapiWebhook(
            UseCases app, VapiSettings settings, ToolCallThrottle throttle, Clock clock, MeterRegistry metrics) {
        this(
                app,
                settings,
                throttle,
                clock,
                metrics,
                Path.of(System.getProperty("java.io.tmpdir")),
                body -> Envelope.read(body, STREAMED_JSON));
    }

    /**
     * @param spoolDirectory where a signed body too large to hold waits for its signature to be checked
     * @param streamedReader how such a body is read once it may be
     */
    VapiWebhook(
            UseCases app,
            VapiSettings settings,
            ToolCallThrottle throttle,
            Clock clock,
            MeterRegistry metrics,
            Path spoolDirectory,
            Function<InputStream, Optional<Envelope>> streamedReader) {
        this.spoolDirectory = spoolDirectory;
        this.streamedReader = streamedReader;
        this.app = app;
        this.settings = settings;
        this.throttle = throttle;
        this.clock = clock;
        this.authenticator = new WebhookAuthenticator(settings);
        this.routing = new CallRouting(app.voiceRouting());
        this.tools = new VoiceTools(app, clock, throttle);
        this.assistantRequests = new AssistantRequests(app, routing, settings, clock, json);
        this.callReports = new CallReports(app, routing, clock);
        this.callRequests = new CallRequests(routing, json, this::defaultSpeech);
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

    /**
     * The answer the headers alone call for, before a byte of the body is read: a 401 when they carry neither the
     * shared secret nor a fresh signature, so a sender without credentials costs no buffer at all.
     */
    public Optional<Answer> beforeBody(Function<String, Optional<String>> header) {
        if (!settings.acceptsNothing()
                && authenticator.check(header, clock.instant()).isPresent()) {
            return Optional.empty();
        }
        Handled refused = unauthenticated();
        messageLatency.withTags("type", refused.measuredAs()).record(0, TimeUnit.NANOSECONDS);
        return Optional.of(refused.answer());
    }

    /** An answer and the label its latency is recorded under. */
    private record Handled(Answer answer, String measuredAs) {}

    private Handled handleTimed(byte[] body, Function<String, Optional<String>> header) {
        if (settings.acceptsNothing() || !authenticator.authentic(body, header, clock.instant())) {
            return unauthenticated();
        }
        return handled(Envelope.read(body, json));
    }

    /**
     * A body too large to hold, authenticated over every byte before it is acted on: with the shared secret in the
     * headers it is read as it arrives; with an HMAC signature it is first written to a file (owner-only, deleted
     * once answered) while the signature is computed, and read from there only if it matches, so an unsigned body
     * costs a buffer, never a tree. {@value #MAX_SPOOLED} such bodies at once at most: beyond, a 503, unread.
     *
     * @throws IOException when the body cannot be read to its end (the client went away, or it is larger than the
     *     server takes)
     */
    public Answer handle(InputStream body, Function<String, Optional<String>> header) throws IOException {
        long started = System.nanoTime();
        Handled handled = handleStreamed(body, header);
        messageLatency.withTags("type", handled.measuredAs()).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return handled.answer();
    }

    private Handled handleStreamed(InputStream body, Function<String, Optional<String>> header) throws IOException {
        Optional<WebhookAuthenticator.BodyCheck> check =
                settings.acceptsNothing() ? Optional.empty() : authenticator.check(header, clock.instant());
        if (check.isEmpty()) {
            return unauthenticated();
        }
        if (check.get() == WebhookAuthenticator.BodyCheck.PASSED) {
            return handledStreamed(streamedReader.apply(body));
        }
        if (!spooling.tryAcquire()) {
            LOG.warn("refused a signed message too large to hold: {} are waiting for their signature", MAX_SPOOLED);
            return new Handled(new Answer(503, "{\"error\":\"busy\"}"), "busy");
        }
        try {
            return spooledAndChecked(body, check.get());
        } finally {
            spooling.release();
        }
    }

    private Handled spooledAndChecked(InputStream body, WebhookAuthenticator.BodyCheck check) throws IOException {
        Path spooled = ownerOnlyFile();
        try {
            try (OutputStream out = Files.newOutputStream(spooled)) {
                check.reading(body).transferTo(out);
            }
            if (!check.authentic()) {
                return unauthenticated();
            }
            try (InputStream in = Files.newInputStream(spooled)) {
                return handledStreamed(streamedReader.apply(in));
            }
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    private Path ownerOnlyFile() throws IOException {
        if (spoolDirectory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempFile(
                    spoolDirectory,
                    "vapi-body-",
                    ".json",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        return Files.createTempFile(spoolDirectory, "vapi-body-", ".json");
    }

    private Handled handledStreamed(Optional<Envelope> read) {
        if (read.isEmpty()) {
            LOG.warn("a message too large to hold was not JSON, or kept more than a message may hold: dropped");
        }
        return handled(read);
    }

    private static Handled unauthenticated() {
        // a secret that differs between Vapi and us silences every call: worth a line each time
        LOG.warn("refused a webhook request without valid credentials");
        return new Handled(new Answer(401, "{\"error\":\"unauthorized\"}"), "unauthenticated");
    }

    private Handled handled(Optional<Envelope> read) {
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
                    case "transfer-destination-request" -> callRequests.transfer(envelope);
                    case "knowledge-base-request" -> callRequests.knowledge(envelope);
                    case "status-update", "end-of-call-report" -> {
                        record(envelope);
                        yield json.createObjectNode();
                    }
                    // what else expects an answer (handoff, endpointing, campaign pre-dial) is not set up with us:
                    // an empty answer gives no destination, no timeout, and dials no one
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
        Route route = new Route(envelope.call());
        for (ToolCall call : envelope.toolCalls()) {
            VoiceTools.Answer spoken = answer(call, route);
            ObjectNode result = results.addObject().put("toolCallId", call.id()).put("name", call.name());
            spoken.result().ifPresent(text -> result.put("result", text));
            spoken.error().ifPresent(text -> result.put("error", text));
        }
        return answer;
    }

    /** The legacy message: one call, answered as {@code {"result": "..."}} whether it worked or not. */
    private ObjectNode functionCall(Envelope envelope) {
        VoiceTools.Answer spoken = answer(envelope.toolCalls().get(0), new Route(envelope.call()));
        return json.createObjectNode()
                .put("result", spoken.result().or(spoken::error).orElse(""));
    }

    /**
     * Where one message's call goes, looked up by its first tool call and reused by the others (each still has its
     * claims checked); a lookup that failed is tried again by the next.
     */
    private final class Route {
        private final CallContext call;
        private CallRouting.Found found;

        Route(CallContext call) {
            this.call = call;
        }

        CallRouting.Found found() {
            if (found == null) {
                found = routing.find(call);
            }
            return found;
        }
    }

    /** One call's answer; whatever fails is this call's error, never the other calls' or the whole message's. */
    private VoiceTools.Answer answer(ToolCall call, Route route) {
        long started = System.nanoTime();
        ToolOutcome outcome = answerTimed(call, route);
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

    private ToolOutcome answerTimed(ToolCall call, Route route) {
        Speech speech = defaultSpeech();
        CallContext context = route.call;
        try {
            CallRouting.Decision decision = routing.decide(route.found(), claims(call));
            speech = decision.voice().map(VapiWebhook::speechFor).orElse(speech);
            if (!decision.routed()) {
                return new ToolOutcome(VoiceTools.Answer.error(refusal(decision, speech)), "unavailable");
            }
            VoiceConfiguration voice = decision.voice().orElseThrow();
            String business = voice.business().id().toString();
            if (!throttle.tryAcquire(TOOL_CALLS_PER_BUSINESS, business)
                    || !throttle.tryAcquire(
                            TOOL_CALLS_PER_CALL, context.callId().orElse(business))) {
                return new ToolOutcome(VoiceTools.Answer.error(speech.say("busy")), "throttled");
            }
            VoiceTools.Answer answer =
                    tools.answer(call, VoiceTools.Caller.of(voice.business(), decision, context, speech));
            return new ToolOutcome(answer, answer.result().isPresent() ? "answered" : "refused");
        } catch (RuntimeException e) {
            LOG.error("tool call {} ({}) failed", call.id(), call.name(), e);
            return new ToolOutcome(VoiceTools.Answer.error(speech.say("failure")), "failed");
        }
    }

    /** Business slugs a tool call carries beyond the call's variables: fixed on the tool, or written by the model. */
    private static List<String> claims(ToolCall call) {
        List<String> claims = new ArrayList<>();
        call.staticBusinessSlug().ifPresent(claims::add);
        Optional.ofNullable(call.arguments().get(CallRouting.SLUG))
                .filter(JsonNode::isValueNode)
                .map(JsonNode::asText)
                .ifPresent(claims::add);
        return claims;
    }

    /** Why a call gets nothing, said in the language of the business it reached, if it reached one. */
    static String refusal(CallRouting.Decision decision, Speech speech) {
        return decision.refusal()
                        .filter(CallRouting.Refusal.ANOTHER_BUSINESS::equals)
                        .isPresent()
                ? speech.say(
                        "business.other",
                        decision.voice().orElseThrow().business().name())
                : speech.say("business.unavailable");
    }

    private Speech defaultSpeech() {
        return new Speech(settings.defaultLanguage(), clock.getZone());
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
            return json.createObjectNode().put("error", defaultSpeech().say("failure"));
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
