package com.voiceappoint.adapter.vapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voiceappoint.application.port.in.AnswerToolCallUseCase;
import com.voiceappoint.application.port.in.CallFacts;
import com.voiceappoint.application.port.in.RouteCallQuery;
import com.voiceappoint.application.port.in.StartCallUseCase;
import com.voiceappoint.application.port.in.ToolArguments;
import com.voiceappoint.application.port.in.VoiceUseCases;
import com.voiceappoint.application.voice.Speech;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * <p>What a message asks is answered by the application's voice ports ({@link VoiceUseCases}): which business it is
 * for, and how far its caller is known, from what Vapi vouches for (the line, the call's type and transport, read by
 * {@link Envelope}) and what we decided ourselves (the calls we put through or placed), never from variables a SIP
 * caller can set.
 *
 * <p>Bodies up to the server's limit arrive whole; a larger one (a long call's end-of-call report) is read as it
 * arrives, keeping only what is acted on ({@link Envelope#read(InputStream, ObjectMapper)}): at once when the headers
 * carry the shared secret, and otherwise only once its HMAC signature has been checked over every byte (the body is
 * written to a file of our own meanwhile, a few at a time).
 */
public final class VapiWebhook {
    private static final Logger LOG = LoggerFactory.getLogger(VapiWebhook.class);
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

    private final VoiceUseCases voice;
    private final VapiSettings settings;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final WebhookAuthenticator authenticator;
    private final CallReports callReports;
    private final CallRequests callRequests;
    private final MeterProvider<Timer> messageLatency;
    private final MeterProvider<Timer> toolCallLatency;
    private final Path spoolDirectory;
    private final Semaphore spooling = new Semaphore(MAX_SPOOLED);
    private final Function<InputStream, Optional<Envelope>> streamedReader;

    /** @param metrics where message and tool-call latencies are recorded, by message type and by tool and outcome */
    public VapiWebhook(VoiceUseCases voice, VapiSettings settings, Clock clock, MeterRegistry metrics) {
        this(
                voice,
                settings,
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
            VoiceUseCases voice,
            VapiSettings settings,
            Clock clock,
            MeterRegistry metrics,
            Path spoolDirectory,
            Function<InputStream, Optional<Envelope>> streamedReader) {
        this.spoolDirectory = spoolDirectory;
        this.streamedReader = streamedReader;
        this.voice = voice;
        this.settings = settings;
        this.clock = clock;
        this.authenticator = new WebhookAuthenticator(settings);
        this.callReports = new CallReports(voice.callLog(), voice.routing(), clock);
        this.callRequests = new CallRequests(voice.transfer(), voice.knowledge(), json);
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
            AnswerToolCallUseCase.Answer spoken = answer(call, route);
            ObjectNode result = results.addObject().put("toolCallId", call.id()).put("name", call.name());
            spoken.result().ifPresent(text -> result.put("result", text));
            spoken.error().ifPresent(text -> result.put("error", text));
        }
        return answer;
    }

    /** The legacy message: one call, answered as {@code {"result": "..."}} whether it worked or not. */
    private ObjectNode functionCall(Envelope envelope) {
        AnswerToolCallUseCase.Answer spoken = answer(envelope.toolCalls().get(0), new Route(envelope.call()));
        return json.createObjectNode()
                .put("result", spoken.result().or(spoken::error).orElse(""));
    }

    /**
     * Where one message's call goes, looked up by its first tool call and reused by the others (each still has its
     * claims checked); a lookup that failed is tried again by the next.
     */
    private final class Route {
        private final CallFacts call;
        private RouteCallQuery.Route found;

        Route(CallFacts call) {
            this.call = call;
        }

        RouteCallQuery.Route found() {
            if (found == null) {
                found = voice.routing().find(call);
            }
            return found;
        }
    }

    /** One call's answer; whatever fails is this call's error, never the other calls' or the whole message's. */
    private AnswerToolCallUseCase.Answer answer(ToolCall call, Route route) {
        long started = System.nanoTime();
        AnswerToolCallUseCase.Outcome outcome = answerRouted(call, route);
        toolCallLatency
                .withTags(
                        "tool",
                        AnswerToolCallUseCase.known(call.name()) ? call.name() : "unknown",
                        "outcome",
                        outcome.how().label())
                .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        return outcome.answer();
    }

    private AnswerToolCallUseCase.Outcome answerRouted(ToolCall call, Route route) {
        AnswerToolCallUseCase.ToolCall asked = new AnswerToolCallUseCase.ToolCall(
                // the legacy message's one call has no id of its own: its retries cannot be told apart
                call.id().equals(Envelope.LEGACY_CALL_ID) ? "" : call.id(),
                call.name(),
                arguments(call.arguments()),
                claims(call));
        try {
            return voice.tools().answer(route.found(), asked);
        } catch (RuntimeException e) {
            LOG.error("tool call {} ({}) failed", call.id(), call.name(), e);
            return new AnswerToolCallUseCase.Outcome(
                    new AnswerToolCallUseCase.Answer(
                            Optional.empty(), Optional.of(defaultSpeech().say("failure"))),
                    AnswerToolCallUseCase.How.FAILED);
        }
    }

    /**
     * The model's arguments: each single value as text (a null is no value), and the single values of an object
     * one level down.
     */
    static ToolArguments arguments(ObjectNode node) {
        Map<String, String> values = new HashMap<>();
        Map<String, Map<String, String>> objects = new HashMap<>();
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            if (value.isValueNode() && !value.isNull()) {
                values.put(field.getKey(), value.asText());
            } else if (value.isObject()) {
                Map<String, String> inside = new HashMap<>();
                value.fields().forEachRemaining(nested -> {
                    if (nested.getValue().isValueNode()) {
                        inside.put(nested.getKey(), nested.getValue().asText());
                    }
                });
                objects.put(field.getKey(), inside);
            }
        });
        return new ToolArguments(values, objects);
    }

    /** Business slugs a tool call carries beyond the call's variables: fixed on the tool, or written by the model. */
    private static List<String> claims(ToolCall call) {
        List<String> claims = new ArrayList<>();
        call.staticBusinessSlug().ifPresent(claims::add);
        Optional.ofNullable(call.arguments().get(RouteCallQuery.SLUG))
                .filter(JsonNode::isValueNode)
                .map(JsonNode::asText)
                .ifPresent(claims::add);
        return claims;
    }

    private Speech defaultSpeech() {
        return new Speech(settings.defaultLanguage(), clock.getZone());
    }

    /**
     * The assistant for a call on a line with none attached, and what it is told ({@link StartCallUseCase}). A caller
     * waits in silence meanwhile: whatever fails, Vapi gets an answer it can speak.
     */
    private ObjectNode assistantRequest(Envelope envelope) {
        try {
            StartCallUseCase.Start start = voice.startCall().start(envelope.call(), settings.assistantId());
            if (start instanceof StartCallUseCase.Assistant assistant) {
                ObjectNode answer = json.createObjectNode().put("assistantId", assistant.assistantId());
                ObjectNode overrides = answer.putObject("assistantOverrides");
                assistant.greeting().ifPresent(words -> overrides.put("firstMessage", words));
                ObjectNode variables = overrides.putObject("variableValues");
                assistant.variables().forEach(variables::put);
                return answer;
            }
            return json.createObjectNode().put("error", ((StartCallUseCase.Refused) start).words());
        } catch (RuntimeException e) {
            LOG.error(
                    "assistant request for call {} failed",
                    envelope.call().callId().orElse("?"),
                    e);
            return json.createObjectNode().put("error", defaultSpeech().say("failure"));
        }
    }

    private Answer answer(ObjectNode body) {
        try {
            return new Answer(200, json.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }
}
