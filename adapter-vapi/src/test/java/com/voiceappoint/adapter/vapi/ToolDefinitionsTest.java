package com.voiceappoint.adapter.vapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.voiceappoint.application.port.in.AnswerToolCallUseCase;
import com.voiceappoint.application.port.in.RouteCallQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What {@code GET /api/v1/vapi/tools} prints is what the webhook answers, one tool as Vapi's {@code POST /tool} takes,
 * and it tells the model the arguments the tools read, and how.
 */
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

    private JsonNode arguments(String name) {
        return tool(name).path("function").path("parameters").path("properties");
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
            assertThat(tool.path("parameters").path(0).path("key").asText()).isEqualTo(RouteCallQuery.SLUG);
            assertThat(tool.path("messages").path(0).path("type").asText()).isEqualTo("request-start");
        }
        assertThat(names).doesNotHaveDuplicates().allMatch(AnswerToolCallUseCase::known);
        assertThat(names)
                .containsExactlyInAnyOrder(
                        AnswerToolCallUseCase.SERVICES,
                        AnswerToolCallUseCase.AVAILABILITY,
                        AnswerToolCallUseCase.BOOK,
                        AnswerToolCallUseCase.HOURS,
                        AnswerToolCallUseCase.HOLD,
                        AnswerToolCallUseCase.MINE,
                        AnswerToolCallUseCase.CANCEL,
                        AnswerToolCallUseCase.RESCHEDULE);
    }

    @Test
    void a_caller_s_own_appointments_take_the_manage_code_where_the_number_proves_nothing() {
        for (String name :
                List.of(AnswerToolCallUseCase.MINE, AnswerToolCallUseCase.CANCEL, AnswerToolCallUseCase.RESCHEDULE)) {
            assertThat(arguments(name).has("manage_code")).as(name).isTrue();
            assertThat(tool(name)
                            .path("function")
                            .path("parameters")
                            .path("required")
                            .toString())
                    .as(name + ": the code is asked for only when the server says so")
                    .doesNotContain("manage_code");
        }
        assertThat(arguments(AnswerToolCallUseCase.MINE).has("phone")).isTrue();
    }

    @Test
    void booking_takes_an_e_mail_for_calls_that_show_no_number() {
        assertThat(arguments(AnswerToolCallUseCase.BOOK)
                        .path("email")
                        .path("description")
                        .asText())
                .contains("Required when the call shows no phone number", "a web call");
        assertThat(tool(AnswerToolCallUseCase.BOOK)
                        .path("function")
                        .path("parameters")
                        .path("required")
                        .toString())
                .doesNotContain("email");
    }

    @Test
    void the_tools_that_take_a_person_take_them_by_name() {
        for (String tool :
                List.of(AnswerToolCallUseCase.AVAILABILITY, AnswerToolCallUseCase.BOOK, AnswerToolCallUseCase.HOLD)) {
            assertThat(arguments(tool).path("staff_name").path("description").asText())
                    .as(tool)
                    .contains("'Marta' for 'con Marta'");
        }
    }

    @Test
    void days_may_be_given_in_words_and_the_weekday_rule_is_said() {
        assertThat(arguments(AnswerToolCallUseCase.AVAILABILITY)
                        .path("date")
                        .path("description")
                        .asText())
                .contains("'mañana'/'tomorrow'", "never today itself", "'mañana por la tarde'");
        assertThat(arguments(AnswerToolCallUseCase.BOOK)
                        .path("start")
                        .path("description")
                        .asText())
                .contains("'mañana a las 16:00'");
        assertThat(arguments(AnswerToolCallUseCase.HOURS)
                        .path("date")
                        .path("description")
                        .asText())
                .contains("'el martes'");
    }
}
