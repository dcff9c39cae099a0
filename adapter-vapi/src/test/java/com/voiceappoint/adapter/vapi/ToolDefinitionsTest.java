package com.voiceappoint.adapter.vapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code GET /api/v1/vapi/tools} prints is what the webhook answers, one tool as Vapi's {@code POST /tool} takes. */
class ToolDefinitionsTest {
    private final JsonNode tools = read();

    private static JsonNode read() {
        try {
            return new ObjectMapper().readTree(ToolDefinitions.json("https://voice.example.com/"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode tool(String name) {
        for (JsonNode tool : tools) {
            if (tool.path("function").path("name").asText().equals(name)) {
                return tool;
            }
        }
        throw new AssertionError("no tool " + name);
    }

    @Test
    void every_tool_the_webhook_answers_is_defined_once_pointing_at_it() {
        List<String> names = new ArrayList<>();
        for (JsonNode tool : tools) {
            names.add(tool.path("function").path("name").asText());
            assertThat(tool.path("type").asText()).isEqualTo("function");
            assertThat(tool.path("function").path("parameters").path("type").asText())
                    .isEqualTo("object");
            assertThat(tool.path("server").path("url").asText())
                    .isEqualTo("https://voice.example.com" + ToolDefinitions.WEBHOOK_PATH);
            assertThat(tool.path("parameters").path(0).path("key").asText()).isEqualTo(CallRouting.SLUG);
            assertThat(tool.path("messages").path(0).path("type").asText()).isEqualTo("request-start");
        }
        assertThat(names).doesNotHaveDuplicates().allMatch(VoiceTools::known);
        assertThat(names)
                .containsExactlyInAnyOrder(
                        VoiceTools.SERVICES,
                        VoiceTools.AVAILABILITY,
                        VoiceTools.BOOK,
                        VoiceTools.HOURS,
                        VoiceTools.HOLD,
                        VoiceTools.MINE,
                        VoiceTools.CANCEL,
                        VoiceTools.RESCHEDULE);
    }

    @Test
    void a_caller_s_own_appointments_take_the_manage_code_where_the_number_proves_nothing() {
        for (String name : List.of(VoiceTools.MINE, VoiceTools.CANCEL, VoiceTools.RESCHEDULE)) {
            JsonNode properties = tool(name).path("function").path("parameters").path("properties");
            assertThat(properties.has("manage_code")).as(name).isTrue();
            assertThat(tool(name)
                            .path("function")
                            .path("parameters")
                            .path("required")
                            .toString())
                    .as(name + ": the code is asked for only when the server says so")
                    .doesNotContain("manage_code");
        }
        assertThat(tool(VoiceTools.MINE)
                        .path("function")
                        .path("parameters")
                        .path("properties")
                        .has("phone"))
                .isTrue();
    }
}
