package com.voiceappoint.adapter.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase.VoiceConfiguration;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.voice.KnowledgeSearch;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The two questions Vapi asks during a call besides tool calls, answered for the business the call is for
 * ({@link CallRouting}):
 *
 * <ul>
 *   <li>{@code transfer-destination-request} (the assistant wants to put the caller through to a person and has no
 *       number): the business's transfer number, with what to say while connecting, or a refusal said to the caller.
 *       A web call is not put through: a visitor of the public page cannot reach a private line that way.
 *   <li>{@code knowledge-base-request} (the assistant's knowledge base is ours, {@code custom-knowledge-base}): what
 *       the business says about itself (its description and answers to common questions) that fits the caller's last
 *       words, best first.
 * </ul>
 */
final class CallRequests {
    /** How many of the business's answers go to the model at most. */
    static final int DOCUMENTS = 3;

    private final CallRouting routing;
    private final ObjectMapper json;
    private final Supplier<Speech> defaultSpeech;

    CallRequests(CallRouting routing, ObjectMapper json, Supplier<Speech> defaultSpeech) {
        this.routing = routing;
        this.json = json;
        this.defaultSpeech = defaultSpeech;
    }

    /**
     * {@code {"destination": {"type": "number", "number", "message"}}}, or {@code {"error", "message":
     * {"type": "request-failed", "content"}}}: the error says why, the message is what the caller hears.
     */
    ObjectNode transfer(Envelope envelope) {
        CallRouting.Decision decision = routing.decide(envelope.call(), List.of());
        Speech speech = decision.voice().map(VapiWebhook::speechFor).orElseGet(defaultSpeech);
        if (!decision.routed()) {
            return refused(VapiWebhook.refusal(decision, speech));
        }
        VoiceConfiguration voice = decision.voice().orElseThrow();
        Optional<PhoneNumber> number = voice.settings().transferNumber();
        if (decision.channel() == CallRouting.Channel.WEB || number.isEmpty()) {
            return refused(speech.say("transfer.none", voice.business().name()));
        }
        ObjectNode answer = json.createObjectNode();
        answer.putObject("destination")
                .put("type", "number")
                .put("number", number.get().value())
                .put("message", speech.say("transfer.to", voice.business().name()));
        return answer;
    }

    private ObjectNode refused(String words) {
        ObjectNode answer = json.createObjectNode().put("error", words);
        answer.putObject("message").put("type", "request-failed").put("content", words);
        return answer;
    }

    /**
     * {@code {"documents": [{"content", "similarity", "uuid"}]}}; none when nothing the business wrote fits, or the
     * call is for no business.
     */
    ObjectNode knowledge(Envelope envelope) {
        ObjectNode answer = json.createObjectNode();
        ArrayNode documents = answer.putArray("documents");
        CallRouting.Decision decision = routing.decide(envelope.call(), List.of());
        if (!decision.routed()) {
            return answer;
        }
        String asked = lastSaidByCaller(envelope.message());
        for (KnowledgeSearch.Found found :
                KnowledgeSearch.search(decision.voice().orElseThrow().settings(), asked, DOCUMENTS)) {
            documents
                    .addObject()
                    .put("content", Speech.oneLine(found.content()))
                    .put("similarity", found.similarity())
                    .put("uuid", found.id());
        }
        return answer;
    }

    /**
     * The caller's last words: the last {@code user} turn of {@code messages} ({@code message} holds the words), else
     * of {@code messagesOpenAIFormatted} ({@code content} does).
     */
    static String lastSaidByCaller(JsonNode message) {
        for (String list : List.of("messages", "messagesOpenAIFormatted")) {
            JsonNode turns = message.path(list);
            for (int i = turns.size() - 1; i >= 0; i--) {
                JsonNode turn = turns.path(i);
                if (turn.path("role").asText("").equals("user")) {
                    String said =
                            turn.path("message").asText(turn.path("content").asText(""));
                    if (!said.isBlank()) {
                        return said;
                    }
                }
            }
        }
        return "";
    }
}
