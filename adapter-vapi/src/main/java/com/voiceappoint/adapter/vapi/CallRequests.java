package com.voiceappoint.adapter.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voiceappoint.application.port.in.BusinessKnowledgeQuery;
import com.voiceappoint.application.port.in.TransferCallQuery;
import com.voiceappoint.application.voice.Speech;
import com.voiceappoint.domain.voice.KnowledgeSearch;
import java.util.List;

/**
 * The two questions Vapi asks during a call besides tool calls, answered for the business the call is for:
 *
 * <ul>
 *   <li>{@code transfer-destination-request} (the assistant wants to put the caller through to a person and has no
 *       number): the business's transfer number, with what to say while connecting, or a refusal said to the caller
 *       ({@link TransferCallQuery}).
 *   <li>{@code knowledge-base-request} (the assistant's knowledge base is ours, {@code custom-knowledge-base}): what
 *       the business says about itself that fits the caller's last words, best first ({@link BusinessKnowledgeQuery}).
 * </ul>
 */
final class CallRequests {
    /** How many of the business's answers go to the model at most. */
    static final int DOCUMENTS = 3;

    private final TransferCallQuery transfers;
    private final BusinessKnowledgeQuery knowledge;
    private final ObjectMapper json;

    CallRequests(TransferCallQuery transfers, BusinessKnowledgeQuery knowledge, ObjectMapper json) {
        this.transfers = transfers;
        this.knowledge = knowledge;
        this.json = json;
    }

    /**
     * {@code {"destination": {"type": "number", "number", "message"}}}, or {@code {"error", "message":
     * {"type": "request-failed", "content"}}}: the error says why, the message is what the caller hears.
     */
    ObjectNode transfer(Envelope envelope) {
        TransferCallQuery.Transfer transfer = transfers.transfer(envelope.call());
        if (transfer.number().isEmpty()) {
            ObjectNode answer = json.createObjectNode().put("error", transfer.words());
            answer.putObject("message").put("type", "request-failed").put("content", transfer.words());
            return answer;
        }
        ObjectNode answer = json.createObjectNode();
        answer.putObject("destination")
                .put("type", "number")
                .put("number", transfer.number().get().value())
                .put("message", transfer.words());
        return answer;
    }

    /**
     * {@code {"documents": [{"content", "similarity", "uuid"}]}}; none when nothing the business wrote fits, or the
     * call is for no business.
     */
    ObjectNode knowledge(Envelope envelope) {
        ObjectNode answer = json.createObjectNode();
        ArrayNode documents = answer.putArray("documents");
        for (KnowledgeSearch.Found found :
                knowledge.search(envelope.call(), lastSaidByCaller(envelope.message()), DOCUMENTS)) {
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
