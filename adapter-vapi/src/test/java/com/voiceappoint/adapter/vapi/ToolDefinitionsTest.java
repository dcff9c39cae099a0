package com.voiceappoint.adapter.vapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** The tool definitions tell the model the arguments the tools read, and how. */
class ToolDefinitionsTest {
    private static Map<String, JsonNode> tools() throws Exception {
        JsonNode all = new ObjectMapper().readTree(ToolDefinitions.json("https://voice.example.com"));
        return StreamSupport.stream(all.spliterator(), false)
                .collect(java.util.stream.Collectors.toMap(
                        t -> t.path("function").path("name").asText(),
                        t -> t.path("function").path("parameters").path("properties")));
    }

    @Test
    void the_tools_that_take_a_person_take_them_by_name() throws Exception {
        Map<String, JsonNode> tools = tools();

        for (String tool : List.of(VoiceTools.AVAILABILITY, VoiceTools.BOOK, VoiceTools.HOLD)) {
            assertThat(tools.get(tool).path("staff_name").path("description").asText())
                    .as(tool)
                    .contains("'Marta' for 'con Marta'");
        }
    }

    @Test
    void days_may_be_given_in_words_and_the_weekday_rule_is_said() throws Exception {
        Map<String, JsonNode> tools = tools();

        assertThat(tools.get(VoiceTools.AVAILABILITY)
                        .path("date")
                        .path("description")
                        .asText())
                .contains("'mañana'/'tomorrow'", "never today itself", "'mañana por la tarde'");
        assertThat(tools.get(VoiceTools.BOOK).path("start").path("description").asText())
                .contains("'mañana a las 16:00'");
        assertThat(tools.get(VoiceTools.HOURS).path("date").path("description").asText())
                .contains("'el martes'");
    }
}
