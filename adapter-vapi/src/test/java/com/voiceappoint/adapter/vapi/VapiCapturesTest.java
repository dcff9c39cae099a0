package com.voiceappoint.adapter.vapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every request Vapi was seen to send (real captures from 2024 and 2025, and the documented samples; see
 * {@code vapi-captures/SOURCES.md}) gets a well-formed answer. None of them is for one of our businesses, so tool
 * calls are answered "business unavailable", each under its own id, in order.
 */
class VapiCapturesTest {
    private static final VoiceDesk DESK = new VoiceDesk();

    static Stream<String> requests() {
        return Stream.of(
                "tool-calls-01.json",
                "tool-calls-02.json",
                "tool-calls-03.json",
                "tool-calls-04.json",
                "tool-calls-05.json",
                "tool-calls-06.json",
                "tool-calls-07.json",
                "tool-calls-08.json",
                "tool-calls-09.json",
                "tool-calls-10.json",
                "function-call-01.json",
                "function-call-02.json",
                "function-call-03.json",
                "assistant-request-01.json",
                "assistant-request-02.json",
                "status-update-01.json",
                "status-update-02.json",
                "status-update-03.json",
                "end-of-call-report-01.json",
                "end-of-call-report-02.json",
                "end-of-call-report-03.json",
                "end-of-call-report-04.json");
    }

    static String capture(String name) {
        try (InputStream in = VapiCapturesTest.class.getResourceAsStream("/vapi-captures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(name, e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void every_captured_request_gets_a_well_formed_answer(String name) throws IOException {
        String body = capture(name);
        JsonNode message = DESK.json.readTree(body).path("message");

        VapiWebhook.Answer answer = DESK.send(body);

        assertThat(answer.status()).isEqualTo(200);
        JsonNode reply = DESK.json.readTree(answer.json());
        switch (message.path("type").asText()) {
            case "tool-calls" -> {
                List<String> ids = toolCallIds(message);
                assertThat(ids).isNotEmpty();
                assertThat(reply.path("results")).hasSize(ids.size());
                for (int i = 0; i < ids.size(); i++) {
                    JsonNode result = reply.path("results").path(i);
                    assertThat(result.path("toolCallId").asText()).isEqualTo(ids.get(i));
                    assertThat(result.path("name").asText()).isNotBlank();
                    assertThat(result.has("result") ^ result.has("error")).isTrue();
                    String text = result.has("result")
                            ? result.path("result").asText()
                            : result.path("error").asText();
                    assertThat(text).isNotBlank().doesNotContain("\n");
                }
                assertThat(reply.fieldNames()).toIterable().containsExactly("results");
            }
            case "function-call" -> assertThat(reply.path("result").isTextual()).isTrue();
            case "assistant-request" -> assertThat(reply.path("error").asText()).isNotBlank();
            default -> assertThat(reply.size()).isZero();
        }
    }

    /** The ids an answer must carry, read independently of the webhook's own parsing. */
    private static List<String> toolCallIds(JsonNode message) {
        List<String> ids = new ArrayList<>();
        JsonNode list = message.path("toolCallList");
        if (list.isArray() && !list.isEmpty()) {
            list.forEach(call -> ids.add(call.path("id").asText()));
        } else {
            message.path("toolWithToolCallList")
                    .forEach(tool -> ids.add(tool.path("toolCall").path("id").asText()));
        }
        return ids;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void a_capture_without_credentials_is_refused(String name) {
        VapiWebhook.Answer answer = DESK.webhook.handle(
                capture(name).getBytes(StandardCharsets.UTF_8), VoiceDesk.header(Map.of("x-vapi-secret", "")));

        assertThat(answer.status()).isEqualTo(401);
        assertThat(Optional.of(answer.json())).contains("{\"error\":\"unauthorized\"}");
    }
}
