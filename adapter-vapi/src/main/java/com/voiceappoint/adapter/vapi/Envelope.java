package com.voiceappoint.adapter.vapi;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.voiceappoint.application.port.in.CallFacts;
import com.voiceappoint.application.port.in.RouteCallQuery;
import com.voiceappoint.domain.shared.StorableText;
import com.voiceappoint.domain.voice.VoiceCall;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One Vapi message, read leniently: the fields we act on, wherever the protocol's generations put them, and nothing
 * else. Unknown fields and message types are ignored; tool calls are found in {@code toolCallList}, else
 * {@code toolCalls}, else {@code toolWithToolCallList[].toolCall}, each as {@code {id, function: {name, arguments}}}
 * or flat {@code {id, name, arguments | parameters}}, with arguments as an object or a JSON string. The legacy
 * {@code function-call} message is one call.
 */
record Envelope(String type, JsonNode message, CallFacts call, List<ToolCall> toolCalls) {
    /** How our lines, assistants and calls are told apart from other voice platforms' in our records. */
    static final String PLATFORM = "vapi";

    static final String LEGACY_CALL_ID = "function-call";
    private static final String SLUG = RouteCallQuery.SLUG;

    /**
     * The message types answered from {@link #SHAPE} alone. Every other type (the call reports) reads the whole
     * message: they are sent once or twice per call, while tool calls come many times, each with the call's
     * artifact and assistant definitions, which they never read.
     */
    private static final Set<String> SHAPED_TYPES = Set.of("tool-calls", "function-call", "assistant-request");

    private static final Shape SHAPE = messageShape();

    /** How much of a message read as a stream is kept at most: characters of field names and text. */
    static final int STREAMED_BUDGET = 4_000_000;
    /**
     * The longest text kept from a message read as a stream, in bytes of JSON (as many characters, or fewer): a
     * longer one is cut to it ({@link CutTexts}). A twelve-hour call's transcript is about 600,000 characters; text
     * we do not keep is skipped unread, however long.
     */
    static final int STREAMED_MAX_TEXT = 1_000_000;
    /** How many turns of a conversation are kept from a message read as a stream (the first ones). */
    static final int STREAMED_TURNS = 2_000;

    private static final Shape STREAMED_SHAPE = streamedShape();
    private static final JsonFactory STREAMING = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(STREAMED_MAX_TEXT)
                    .build())
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();

    /**
     * Reads a request body; empty when it is not a JSON object. The fields {@link #parse} reads for tool calls and
     * assistant requests are built into a tree and the rest is only scanned, which is most of a tool call's cost in
     * JSON (a 12 KB capture builds a tree of about 2 KB).
     */
    static Optional<Envelope> read(byte[] body, ObjectMapper json) {
        JsonNode shaped;
        try (JsonParser parser = json.createParser(body)) {
            shaped = parser.nextToken() == null ? null : SHAPE.read(parser, json, Budget.unlimited());
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        if (shaped == null || !shaped.isObject()) {
            return Optional.empty();
        }
        Envelope envelope = parse(shaped, json);
        if (SHAPED_TYPES.contains(envelope.type())) {
            return Optional.of(envelope);
        }
        try {
            return Optional.of(kept(json.readTree(body), json));
        } catch (IOException cannotHappen) {
            // the same bytes were read once already
            return Optional.empty();
        }
    }

    /**
     * Reads a body too large to hold (an end-of-call report of a long call) as it arrives, keeping what any message
     * type acts on, within {@link #STREAMED_BUDGET}: the call, the tool calls, the report's transcript, summary,
     * recording and first {@link #STREAMED_TURNS} turns, each text cut to {@link #STREAMED_MAX_TEXT}. Everything else
     * (the model's view of the conversation, the assistant's definition, logs, analysis beyond the summary) is skipped
     * without being built. The stream is read up to the end of the JSON value and left open.
     */
    static Optional<Envelope> read(InputStream body, ObjectMapper json) {
        JsonNode shaped;
        try (JsonParser parser = STREAMING.createParser(new CutTexts(body, STREAMED_MAX_TEXT))) {
            shaped = parser.nextToken() == null ? null : STREAMED_SHAPE.read(parser, json, new Budget(STREAMED_BUDGET));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
        if (shaped == null || !shaped.isObject()) {
            return Optional.empty();
        }
        return Optional.of(kept(shaped, json));
    }

    /**
     * The message as acted on, however it was read: a report (any type but a tool call or an assistant request)
     * without what no store keeps as given (NUL, half a character), since refusing it would lose the whole report,
     * which Vapi sends once. Tool calls are kept as given: their arguments are refused by name instead.
     */
    private static Envelope kept(JsonNode root, ObjectMapper json) {
        Envelope envelope = parse(root, json);
        return SHAPED_TYPES.contains(envelope.type()) ? envelope : parse(scrubbed(root), json);
    }

    /** The call, as every message type reads it. */
    private static Shape callShape(Map<String, Shape> more) {
        Shape variables = Shape.of(Map.of("variableValues", Shape.WHOLE));
        Map<String, Shape> call = new HashMap<>(Map.of(
                "id", Shape.WHOLE,
                "type", Shape.WHOLE,
                "phoneCallTransport", Shape.WHOLE,
                "customer", Shape.WHOLE,
                "phoneNumberId", Shape.WHOLE,
                "phoneNumber", Shape.of(Map.of("number", Shape.WHOLE)),
                "assistantOverrides", variables,
                "assistant", variables));
        call.putAll(more);
        return Shape.of(call);
    }

    /** The message under {@code message}, or the root itself: the root has both shapes. */
    private static Shape rooted(Map<String, Shape> message) {
        Map<String, Shape> root = new HashMap<>(message);
        root.put("message", Shape.of(message));
        return Shape.of(root);
    }

    /** The fields a tool call or assistant request reads, nested. */
    private static Shape messageShape() {
        Map<String, Shape> message = new HashMap<>();
        for (String whole : List.of(
                "type",
                "functionCall",
                "toolWithToolCallList",
                "toolCallList",
                "toolCalls",
                "customer",
                "phoneNumber")) {
            message.put(whole, Shape.WHOLE);
        }
        message.put("assistant", Shape.of(Map.of("variableValues", Shape.WHOLE)));
        message.put("call", callShape(Map.of()));
        return rooted(message);
    }

    /** What every message type reads, for a message too large to hold: {@link #messageShape} and the reports'. */
    private static Shape streamedShape() {
        Shape turns = Shape.list(
                Shape.of(Map.of(
                        "role", Shape.WHOLE, "message", Shape.WHOLE, "content", Shape.WHOLE, "time", Shape.WHOLE)),
                STREAMED_TURNS);
        Map<String, Shape> message = new HashMap<>();
        for (String whole : List.of(
                "type",
                "timestamp",
                "functionCall",
                "toolWithToolCallList",
                "toolCallList",
                "toolCalls",
                "customer",
                "phoneNumber",
                "status",
                "startedAt",
                "endedAt",
                "cost",
                "endedReason",
                "summary",
                "transcript",
                "recordingUrl")) {
            message.put(whole, Shape.WHOLE);
        }
        message.put("messages", turns);
        message.put("messagesOpenAIFormatted", turns);
        message.put("analysis", Shape.of(Map.of("summary", Shape.WHOLE)));
        message.put(
                "artifact",
                Shape.of(Map.of(
                        "transcript",
                        Shape.WHOLE,
                        "recordingUrl",
                        Shape.WHOLE,
                        "recording",
                        Shape.of(Map.of("mono", Shape.of(Map.of("combinedUrl", Shape.WHOLE)))),
                        "messages",
                        turns)));
        message.put("assistant", Shape.of(Map.of("variableValues", Shape.WHOLE)));
        message.put("call", callShape(Map.of("startedAt", Shape.WHOLE, "endedAt", Shape.WHOLE, "cost", Shape.WHOLE)));
        return rooted(message);
    }

    /** What is left to keep of a message, in characters; an unlimited one for a message already held whole. */
    private static final class Budget {
        private long left;

        Budget(long left) {
            this.left = left;
        }

        static Budget unlimited() {
            return new Budget(Long.MAX_VALUE);
        }

        void spend(long characters) throws IOException {
            left -= characters;
            if (left < 0) {
                throw new IOException("more to keep than a message may hold");
            }
        }
    }

    /**
     * Which fields of an object are kept, or which items of an array (the first {@code maxItems}); a field not named
     * or an item past the limit is skipped without building it, and a string skipped is not even decoded.
     */
    private record Shape(Map<String, Shape> fields, Shape items, int maxItems) {
        static final Shape WHOLE = new Shape(null, null, Integer.MAX_VALUE);

        static Shape of(Map<String, Shape> fields) {
            return new Shape(Map.copyOf(fields), null, Integer.MAX_VALUE);
        }

        static Shape list(Shape items, int maxItems) {
            return new Shape(null, items, maxItems);
        }

        /** Reads the value the parser is on; a value that is not what the shape expects is read whole. */
        JsonNode read(JsonParser parser, ObjectMapper json, Budget budget) throws IOException {
            JsonToken token = parser.currentToken();
            if (token == JsonToken.START_OBJECT) {
                ObjectNode node = json.createObjectNode();
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    parser.nextToken();
                    Shape field = fields == null ? WHOLE : fields.get(name);
                    if (field == null) {
                        parser.skipChildren();
                    } else {
                        budget.spend(name.length());
                        node.set(name, field.read(parser, json, budget));
                    }
                }
                return node;
            }
            if (token == JsonToken.START_ARRAY) {
                ArrayNode array = json.createArrayNode();
                Shape item = items == null ? WHOLE : items;
                int seen = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    if (seen++ < maxItems) {
                        array.add(item.read(parser, json, budget));
                    } else {
                        parser.skipChildren();
                    }
                }
                return array;
            }
            if (token == JsonToken.VALUE_STRING) {
                String text = parser.getText();
                budget.spend(text.length());
                return json.getNodeFactory().textNode(text);
            }
            if (token == JsonToken.VALUE_NULL) {
                return json.getNodeFactory().nullNode();
            }
            budget.spend(1);
            return json.readTree(parser);
        }
    }

    static Envelope parse(JsonNode root, ObjectMapper json) {
        JsonNode message = root.path("message");
        if (!message.isObject()) {
            message = root;
        }
        String type = message.path("type").asText("");
        List<ToolCall> calls = new ArrayList<>();
        if (type.equals("function-call")) {
            JsonNode function = message.path("functionCall");
            calls.add(new ToolCall(
                    LEGACY_CALL_ID,
                    function.path("name").asText(""),
                    arguments(function.path("parameters"), json),
                    Optional.empty()));
        } else {
            Map<String, String> staticSlugs = staticSlugs(message.path("toolWithToolCallList"));
            JsonNode list = firstArray(message.path("toolCallList"), message.path("toolCalls"), toolCallsOf(message));
            Set<String> seen = new LinkedHashSet<>();
            for (JsonNode item : list) {
                String given = item.path("id").asText("");
                // echoed exactly, or not at all: an id no store could keep would fail the call's booking instead
                String id = StorableText.storable(given) ? given : "";
                // the same call listed twice is answered once; calls without an id are each answered
                if (!id.isBlank() && !seen.add(id)) {
                    continue;
                }
                JsonNode function = item.path("function");
                String name = function.path("name").asText(item.path("name").asText(""));
                JsonNode arguments = firstPresent(
                        function.path("arguments"),
                        function.path("parameters"),
                        item.path("arguments"),
                        item.path("parameters"));
                calls.add(new ToolCall(id, name, arguments(arguments, json), Optional.ofNullable(staticSlugs.get(id))));
            }
        }
        return new Envelope(type, message, context(message), List.copyOf(calls));
    }

    private static CallFacts context(JsonNode message) {
        JsonNode call = message.path("call");
        Map<String, String> variables = new LinkedHashMap<>();
        // the overrides we set win over the assistant's defaults
        addVariables(variables, call.path("assistantOverrides").path("variableValues"));
        addVariables(variables, message.path("assistant").path("variableValues"));
        addVariables(variables, call.path("assistant").path("variableValues"));
        Optional<String> type = text(call.path("type"));
        return new CallFacts(
                PLATFORM,
                text(call.path("id")).filter(id -> id.length() <= VoiceCall.MAX_ID_LENGTH),
                kind(type, text(call.path("phoneCallTransport"))),
                type,
                text(message.path("customer").path("number"))
                        .or(() -> text(call.path("customer").path("number"))),
                // a call made with a transient number carries it on the call
                text(message.path("phoneNumber").path("number"))
                        .or(() -> text(call.path("phoneNumber").path("number"))),
                text(call.path("phoneNumberId"))
                        .or(() -> text(message.path("phoneNumber").path("id"))),
                Map.copyOf(variables));
    }

    /**
     * {@code inboundPhoneCall} over {@code pstn} (the phone network gave the caller's number) or {@code sip} (the
     * caller's equipment did), {@code outboundPhoneCall}, {@code webCall} or {@code vapi.websocketCall}.
     */
    private static CallFacts.Kind kind(Optional<String> type, Optional<String> transport) {
        return switch (type.orElse("")) {
            case "inboundPhoneCall" ->
                transport.filter("pstn"::equalsIgnoreCase).isPresent()
                        ? CallFacts.Kind.INBOUND_PSTN
                        : CallFacts.Kind.INBOUND_SIP;
            case "outboundPhoneCall" -> CallFacts.Kind.OUTBOUND;
            case "webCall", "vapi.websocketCall" -> CallFacts.Kind.WEB;
            default -> CallFacts.Kind.OTHER;
        };
    }

    private static void addVariables(Map<String, String> into, JsonNode values) {
        values.fields().forEachRemaining(field -> {
            if (field.getValue().isValueNode()
                    && !field.getValue().isNull()
                    && StorableText.storable(field.getValue().asText())) {
                into.putIfAbsent(field.getKey(), field.getValue().asText());
            }
        });
    }

    /** Static parameters on the tool definitions ({@code parameters: [{key, value}]}), by tool-call id. */
    private static Map<String, String> staticSlugs(JsonNode toolsWithCalls) {
        Map<String, String> slugs = new LinkedHashMap<>();
        for (JsonNode tool : toolsWithCalls) {
            JsonNode parameters = tool.path("parameters");
            if (!parameters.isArray()) {
                continue;
            }
            for (JsonNode parameter : parameters) {
                String value = parameter.path("value").asText("");
                // an unresolved template is no value at all
                if (parameter.path("key").asText("").equals(SLUG) && !value.isBlank() && !value.contains("{{")) {
                    slugs.put(tool.path("toolCall").path("id").asText(""), value.strip());
                }
            }
        }
        return slugs;
    }

    private static JsonNode toolCallsOf(JsonNode message) {
        var calls = JsonNodeFactory.instance.arrayNode();
        for (JsonNode tool : message.path("toolWithToolCallList")) {
            JsonNode toolCall = tool.path("toolCall");
            if (toolCall.isObject()) {
                ObjectNode copy = toolCall.deepCopy();
                if (!copy.path("function").has("name") && !copy.has("name")) {
                    copy.put(
                            "name",
                            tool.path("function")
                                    .path("name")
                                    .asText(tool.path("name").asText("")));
                }
                calls.add(copy);
            }
        }
        return calls;
    }

    /** Arguments as the model gave them: an object, or a JSON string holding one. Anything else is no arguments. */
    private static ObjectNode arguments(JsonNode given, ObjectMapper json) {
        if (given.isObject()) {
            return (ObjectNode) given;
        }
        if (given.isTextual()) {
            try {
                JsonNode parsed = json.readTree(given.asText());
                if (parsed != null && parsed.isObject()) {
                    return (ObjectNode) parsed;
                }
            } catch (JsonProcessingException notJson) {
                // the model wrote something that is not JSON: answered as missing arguments
            }
        }
        return JsonNodeFactory.instance.objectNode();
    }

    private static JsonNode firstArray(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (candidate.isArray() && !candidate.isEmpty()) {
                return candidate;
            }
        }
        return JsonNodeFactory.instance.arrayNode();
    }

    private static JsonNode firstPresent(JsonNode... candidates) {
        for (JsonNode candidate : candidates) {
            if (!candidate.isMissingNode() && !candidate.isNull()) {
                return candidate;
            }
        }
        return JsonNodeFactory.instance.objectNode();
    }

    /** A value Vapi gives about the call; one no store could keep as given (NUL, half a character) is no value. */
    private static Optional<String> text(JsonNode node) {
        return node.isValueNode() && !node.isNull() && !node.asText().isBlank() && StorableText.storable(node.asText())
                ? Optional.of(node.asText().strip())
                : Optional.empty();
    }

    /** The text of {@code node}, and of everything under it, without what no store keeps as given. */
    private static JsonNode scrubbed(JsonNode node) {
        if (node.isTextual()) {
            return StorableText.storable(node.asText()) ? node : TextNode.valueOf(StorableText.scrubbed(node.asText()));
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> field.setValue(scrubbed(field.getValue())));
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, scrubbed(array.get(i)));
            }
        }
        return node;
    }
}
