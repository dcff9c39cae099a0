package com.voiceappoint.adapter.vapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.voiceappoint.adapter.vapi.VoiceDesk.ToolRequest;
import com.voiceappoint.application.port.in.AnswerToolCallUseCase;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.application.port.in.VoiceSettingsUseCase;
import com.voiceappoint.application.port.out.AllowanceStore;
import com.voiceappoint.application.usecase.AnswerToolCallInteractor;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.CalendarFilter;
import com.voiceappoint.domain.shared.TimeRange;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The tools as a caller meets them: what is said back, in the business's language, and what it changes. */
class VoiceToolsTest {
    private static final Pattern APPOINTMENT_ID = Pattern.compile("appointment_id ([0-9a-f-]{36})");

    private final VoiceDesk desk = new VoiceDesk();

    private JsonNode lola(String tool, Map<String, ?> arguments) {
        return desk.call(VoiceDesk.LOLA_NUMBER, tool, arguments);
    }

    private JsonNode bob(String tool, Map<String, ?> arguments) {
        return desk.call(VoiceDesk.BOB_NUMBER, tool, arguments);
    }

    private static String appointmentId(JsonNode answer) {
        Matcher m = APPOINTMENT_ID.matcher(answer.path("result").asText());
        assertThat(m.find()).as(answer.toString()).isTrue();
        return m.group(1);
    }

    private long appointmentsOf(VoiceDesk.Business business) {
        return desk
                .app
                .appointments()
                .list(
                        business.owner(),
                        CalendarFilter.period(
                                business.id(),
                                new TimeRange(
                                        Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2027-03-01T00:00:00Z"))),
                        Page.Request.first(100))
                .items()
                .stream()
                .filter(d -> d.appointment().status() != AppointmentStatus.CANCELLED)
                .count();
    }

    @Test
    void a_spanish_caller_lists_services_finds_a_time_books_moves_and_cancels() {
        String services =
                lola(AnswerToolCallUseCase.SERVICES, Map.of()).path("result").asText();
        assertThat(services)
                .contains("Corte de pelo, 30 minutos, 18,50", "service_id " + desk.lola.cut())
                .contains("Tinte");

        String free = lola(
                        AnswerToolCallUseCase.AVAILABILITY,
                        Map.of("service_name", "un corte de pelo", "date", "2026-11-24", "part_of_day", "tarde"))
                .path("result")
                .asText();
        assertThat(free)
                .startsWith("Corte de pelo el martes 24 de noviembre: hay hueco a las 16:00")
                .contains("2026-11-24T16:00");

        JsonNode booked = lola(
                AnswerToolCallUseCase.BOOK,
                Map.of("service_id", desk.lola.cut(), "start", "2026-11-24T16:00", "client_name", "Carmen"));
        assertThat(booked.path("result").asText())
                .startsWith("Reservado: Corte de pelo el martes 24 de noviembre a las 16:00");
        String id = appointmentId(booked);

        assertThat(lola(AnswerToolCallUseCase.MINE, Map.of()).path("result").asText())
                .contains(id, "martes 24 de noviembre a las 16:00");

        String moved = lola(AnswerToolCallUseCase.RESCHEDULE, Map.of("appointment_id", id, "start", "2026-11-25T10:00"))
                .path("result")
                .asText();
        assertThat(moved)
                .startsWith("Cambiada: Corte de pelo ahora es el miércoles 25 de noviembre a las 10:00")
                .contains(id);

        assertThat(lola(AnswerToolCallUseCase.CANCEL, Map.of("appointment_id", id))
                        .path("result")
                        .asText())
                .startsWith("Cancelada tu cita de Corte de pelo del miércoles 25 de noviembre a las 10:00");
        assertThat(lola(AnswerToolCallUseCase.MINE, Map.of()).path("result").asText())
                .isEqualTo("No encuentro citas próximas a tu número.");
    }

    @Test
    void an_english_business_is_answered_in_english_in_its_own_zone() {
        assertThat(bob(AnswerToolCallUseCase.SERVICES, Map.of()).path("result").asText())
                .contains("Haircut, 30 minutes, £18.50");

        JsonNode booked = bob(
                AnswerToolCallUseCase.BOOK,
                Map.of("service_name", "haircut", "start", "2026-11-24T16:00", "name", "Carmen"));

        // 16:00 in London, an hour later than 16:00 in Madrid
        assertThat(booked.path("result").asText()).startsWith("Booked: Haircut on Tuesday 24 November at 16:00");
        assertThat(bob(AnswerToolCallUseCase.HOURS, Map.of("date", "2026-11-28"))
                        .path("result")
                        .asText())
                .isEqualTo("Bob's Barbers opening hours: Saturday 28 November: closed.");
    }

    @Test
    void a_retried_tool_call_or_a_repeated_request_books_once() {
        var request = new ToolRequest(
                "call_same",
                AnswerToolCallUseCase.BOOK,
                Map.of("service_id", desk.lola.cut(), "start", "2026-11-24T10:00", "client_name", "Carmen"));
        String message = desk.toolCalls(VoiceDesk.LOLA_NUMBER, Optional.of(VoiceDesk.CARMEN), Map.of(), request);

        String first = desk.read(desk.send(message))
                .path("results")
                .path(0)
                .path("result")
                .asText();
        String retry = desk.read(desk.send(message))
                .path("results")
                .path(0)
                .path("result")
                .asText();
        JsonNode newId = lola(
                AnswerToolCallUseCase.BOOK,
                Map.of("service_id", desk.lola.cut(), "start", "2026-11-24T10:00", "client_name", "Carmen"));

        assertThat(first).startsWith("Reservado");
        assertThat(retry).startsWith("Ya estaba reservado");
        assertThat(newId.path("result").asText()).startsWith("Ya estaba reservado");
        assertThat(appointmentId(newId))
                .isEqualTo(appointmentId(
                        desk.read(desk.send(message)).path("results").path(0)));
        assertThat(appointmentsOf(desk.lola)).isEqualTo(1);
    }

    @Test
    void a_taken_past_or_far_time_is_explained_with_the_nearest_free_times() {
        lola(
                AnswerToolCallUseCase.BOOK,
                Map.of("service_id", desk.lola.cut(), "start", "2026-11-24T10:00", "client_name", "Ana"));

        String taken = desk.read(desk.send(desk.toolCalls(
                        VoiceDesk.LOLA_NUMBER,
                        Optional.of("+34600999888"),
                        Map.of(),
                        new ToolRequest(
                                "tc-taken",
                                AnswerToolCallUseCase.BOOK,
                                Map.of(
                                        "service_id",
                                        desk.lola.cut(),
                                        "start",
                                        "2026-11-24T10:00",
                                        "client_name",
                                        "Pedro")))))
                .path("results")
                .path(0)
                .path("result")
                .asText();
        assertThat(taken)
                .startsWith("Esa hora ya está ocupada. Lo más cercano:")
                .contains("(start 2026-11-24T");

        assertThat(lola(
                                AnswerToolCallUseCase.BOOK,
                                Map.of("service_id", desk.lola.cut(), "start", "2026-11-20T10:00", "client_name", "C"))
                        .path("result")
                        .asText())
                .startsWith("Esa hora ya ha pasado.");
        assertThat(lola(
                                AnswerToolCallUseCase.BOOK,
                                Map.of("service_id", desk.lola.cut(), "start", "2027-06-01T10:00", "client_name", "C"))
                        .path("result")
                        .asText())
                .startsWith("Todavía no se puede reservar con tanta antelación.");
        assertThat(lola(AnswerToolCallUseCase.AVAILABILITY, Map.of("service_id", desk.lola.cut(), "date", "2026-11-29"))
                        .path("result")
                        .asText())
                .isEqualTo(
                        "No hay hueco para Corte de pelo el domingo 29 de noviembre. Ese día el negocio está cerrado. "
                                + "La primera hora libre es el lunes 30 de noviembre a las 09:00 (start 2026-11-30T09:00).");
    }

    @Test
    void a_held_time_is_kept_for_the_caller_and_booking_it_confirms_the_hold() {
        JsonNode held = lola(
                AnswerToolCallUseCase.HOLD,
                Map.of("service_name", "corte", "start", "2026-11-24T11:00", "client_name", "Carmen"));

        assertThat(held.path("result").asText())
                .startsWith("Guardo Corte de pelo el martes 24 de noviembre a las 11:00 con Owner hasta las 09:05");
        JsonNode booked = lola(
                AnswerToolCallUseCase.BOOK,
                Map.of("service_id", desk.lola.cut(), "start", "2026-11-24T11:00", "client_name", "Carmen"));
        assertThat(booked.path("result").asText()).startsWith("Reservado");
        assertThat(appointmentId(booked)).isEqualTo(appointmentId(held));
    }

    @Test
    void arguments_naming_another_business_are_refused_and_book_nothing_there() {
        JsonNode injected = lola(
                AnswerToolCallUseCase.BOOK,
                Map.of(
                        "business_slug",
                        desk.bob.slug(),
                        "service_id",
                        desk.bob.cut(),
                        "start",
                        "2026-11-24T10:00",
                        "client_name",
                        "Mallory"));

        assertThat(injected.path("error").asText())
                .isEqualTo("Esta llamada es de Peluquería Lola: solo puedo ayudarte con Peluquería Lola.");
        assertThat(appointmentsOf(desk.bob)).isZero();
        assertThat(appointmentsOf(desk.lola)).isZero();
        // and a service id of another business is simply not one of this business's services
        JsonNode foreignService = lola(
                AnswerToolCallUseCase.BOOK,
                Map.of("service_id", desk.bob.cut(), "start", "2026-11-24T10:00", "client_name", "M"));
        assertThat(foreignService.path("error").asText()).startsWith("No encuentro");
        assertThat(appointmentsOf(desk.bob)).isZero();
    }

    @Test
    void a_business_with_voice_booking_off_or_an_unknown_number_is_unavailable() {
        desk.app
                .voiceSettings()
                .update(
                        desk.lola.owner(),
                        desk.lola.id(),
                        new VoiceSettingsUseCase.Changes(
                                Optional.of(false),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty(),
                                Optional.empty()));

        assertThat(lola(AnswerToolCallUseCase.SERVICES, Map.of()).path("error").asText())
                .contains("no atiende reservas");
        assertThat(desk.call("+34910999999", AnswerToolCallUseCase.SERVICES, Map.of())
                        .path("error")
                        .asText())
                .contains("no atiende reservas");
    }

    @Test
    void a_web_call_names_its_business_by_variable_or_by_the_tool_s_static_parameter() {
        String byVariable = desk.read(desk.send("""
                        {"message": {"type": "tool-calls", "call": {"id": "web-1", "type": "webCall",
                          "assistantOverrides": {"variableValues": {"business_slug": "%s"}}},
                          "toolCallList": [{"id": "tc-1", "name": "get_business_services", "arguments": {}}]}}
                        """.formatted(desk.bob.slug())))
                .path("results")
                .path(0)
                .path("result")
                .asText();
        assertThat(byVariable).startsWith("Bob's Barbers offers");

        String staticParameter = """
                {"message": {"type": "tool-calls", "call": {"id": "web-2", "type": "webCall"},
                  "toolWithToolCallList": [{"type": "function", "function": {"name": "get_business_services"},
                    "parameters": [{"key": "business_slug", "value": "%s"}],
                    "toolCall": {"id": "tc-static", "function": {"name": "get_business_services", "arguments": {}}}}]}}
                """.formatted(desk.lola.slug());
        JsonNode answer = desk.read(desk.send(staticParameter)).path("results").path(0);
        assertThat(answer.path("toolCallId").asText()).isEqualTo("tc-static");
        assertThat(answer.path("result").asText()).startsWith("Servicios de Peluquería Lola");
    }

    @Test
    void arguments_as_a_json_string_flat_items_and_several_calls_are_each_answered_in_order() {
        String message = """
                {"message": {"type": "tool-calls", "timestamp": "2026-11-23T08:00:00.000Z",
                  "phoneNumber": {"number": "%s"}, "customer": {"number": "%s"}, "call": {"id": "c2"},
                  "toolCallList": [
                    {"id": "a", "type": "function", "function": {"name": "get_business_hours",
                      "arguments": "{\\"date\\": \\"2026-11-23\\"}"}},
                    {"id": "b", "name": "check_service_availability",
                      "parameters": {"service_name": "tinte", "date": "2026-11-23T12:00"}},
                    {"id": "c", "name": "no_such_tool", "arguments": {}}
                  ]}}
                """.formatted(VoiceDesk.LOLA_NUMBER, VoiceDesk.CARMEN);

        JsonNode results = desk.read(desk.send(message)).path("results");

        assertThat(results).extracting(r -> r.path("toolCallId").asText()).containsExactly("a", "b", "c");
        assertThat(results.path(0).path("result").asText())
                .isEqualTo("Horario de Peluquería Lola: lunes 23 de noviembre: de 09:00 a 14:00 y de 16:00 a 20:00.");
        assertThat(results.path(1).path("result").asText())
                .startsWith("Tinte el lunes 23 de noviembre a las 12:00 está libre");
        assertThat(results.path(2).path("error").asText()).isEqualTo("No sé hacer «no_such_tool».");
    }

    @Test
    void the_legacy_function_call_is_answered_as_a_single_result() {
        String message = """
                {"message": {"type": "function-call", "phoneNumber": {"number": "%s"},
                  "functionCall": {"name": "get_business_services", "parameters": "{}"}}}
                """.formatted(VoiceDesk.LOLA_NUMBER);

        JsonNode answer = desk.read(desk.send(message));

        assertThat(answer.path("result").asText()).startsWith("Servicios de Peluquería Lola");
        assertThat(answer.size()).isEqualTo(1);
    }

    @Test
    void a_web_call_without_a_number_books_with_an_email_or_not_at_all() {
        String noNumber = desk.read(desk.send(desk.toolCalls(
                        VoiceDesk.LOLA_NUMBER,
                        Optional.empty(),
                        Map.of(),
                        new ToolRequest(
                                "tc-web",
                                AnswerToolCallUseCase.BOOK,
                                Map.of(
                                        "service_id",
                                        desk.lola.cut(),
                                        "start",
                                        "2026-11-24T12:00",
                                        "client_name",
                                        "Web")))))
                .path("results")
                .path(0)
                .path("error")
                .asText();

        assertThat(noNumber).startsWith("En esta llamada no se ve el número de quien llama: para reservar, pídele su");
        assertThat(appointmentsOf(desk.lola)).isZero();
    }

    @Test
    void an_assistant_request_names_the_shared_assistant_and_hands_it_the_business() {
        String request = """
                {"message": {"type": "assistant-request", "phoneNumber": {"number": "%s", "id": "x"},
                  "customer": {"number": "%s"}, "call": {"id": "c3"}}}
                """.formatted(VoiceDesk.LOLA_NUMBER, VoiceDesk.CARMEN);

        JsonNode answer = desk.read(desk.send(request));

        assertThat(answer.path("assistantId").asText()).isEqualTo(VoiceDesk.SHARED_ASSISTANT);
        JsonNode variables = answer.path("assistantOverrides").path("variableValues");
        assertThat(variables.path("business_slug").asText()).isEqualTo(desk.lola.slug());
        assertThat(variables.path("today").asText()).isEqualTo("2026-11-23");
        assertThat(variables.path("weekday").asText()).isEqualTo("lunes");
        assertThat(variables.path("time").asText()).isEqualTo("09:00");
        assertThat(variables.path("timezone").asText()).isEqualTo("Europe/Madrid");
        assertThat(variables.path("services").asText()).contains("Corte de pelo, 30 minutos");
        assertThat(variables.path("hours").asText()).startsWith("lunes: de 09:00 a 14:00 y de 16:00 a 20:00");

        String unknown = """
                {"message": {"type": "assistant-request", "phoneNumber": {"number": "+15550000000"}, "call": {}}}
                """;
        assertThat(desk.read(desk.send(unknown)).path("error").asText()).isNotBlank();
        assertThat(List.of(desk.read(desk.send(unknown)).fieldNames().next())).containsExactly("error");
    }

    @Test
    void a_business_or_a_call_over_its_allowance_is_asked_to_wait() {
        Set<String> counted = new HashSet<>();
        VapiWebhook throttled = VoiceDesk.webhook(
                desk.app,
                VoiceDesk.SETTINGS,
                (allowance, key) -> {
                    counted.add(allowance.name() + ":" + allowance.tries());
                    return allowance.equals(AnswerToolCallInteractor.TOOL_CALLS_PER_CALL)
                            ? AllowanceStore.Count.SPENT
                            : AllowanceStore.Count.WITHIN;
                },
                desk.clock,
                desk.metrics);

        var answer = throttled.handle(
                desk.toolCalls(
                                VoiceDesk.LOLA_NUMBER,
                                Optional.of(VoiceDesk.CARMEN),
                                Map.of(),
                                new ToolRequest("tc-busy", AnswerToolCallUseCase.SERVICES, Map.of()))
                        .getBytes(StandardCharsets.UTF_8),
                VoiceDesk.header(Map.of("x-vapi-secret", VoiceDesk.SECRET)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(desk.read(answer).path("results").path(0).path("error").asText())
                .startsWith("Hay demasiadas peticiones");
        assertThat(counted)
                .contains(
                        "vapi-business:" + AnswerToolCallInteractor.TOOL_CALLS_PER_BUSINESS.tries(),
                        "vapi-call:" + AnswerToolCallInteractor.TOOL_CALLS_PER_CALL.tries());
        assertThat(toolCalls(AnswerToolCallUseCase.SERVICES, "throttled")).isEqualTo(1);
    }

    private long toolCalls(String tool, String outcome) {
        var timer = desk.metrics
                .find("vapi.tool.calls")
                .tags("tool", tool, "outcome", outcome)
                .timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void every_message_and_tool_call_is_timed_by_type_tool_and_outcome() {
        lola(AnswerToolCallUseCase.SERVICES, Map.of());
        lola(AnswerToolCallUseCase.CANCEL, Map.of("appointment_id", "not-an-appointment"));
        lola("drop_all_tables", Map.of());
        desk.call("+15550000000", AnswerToolCallUseCase.HOURS, Map.of());
        desk.send("{\"message\": {\"type\": \"made-up-type\"}}");
        desk.send("[]");

        assertThat(toolCalls(AnswerToolCallUseCase.SERVICES, "answered")).isEqualTo(1);
        assertThat(toolCalls(AnswerToolCallUseCase.CANCEL, "refused")).isEqualTo(1);
        assertThat(toolCalls("unknown", "refused"))
                .as("a tool name the model made up is no label")
                .isEqualTo(1);
        assertThat(toolCalls(AnswerToolCallUseCase.HOURS, "unavailable")).isEqualTo(1);
        assertThat(desk.metrics.find("vapi.messages").timers().stream()
                        .collect(Collectors.toMap(t -> t.getId().getTag("type"), Timer::count)))
                .containsExactlyInAnyOrderEntriesOf(Map.of("tool-calls", 4L, "other", 1L, "unreadable", 1L));
    }

    @Test
    void a_date_and_a_time_given_apart_are_one_moment_and_day_parts_are_read_in_phrases() {
        assertThat(lola(
                                AnswerToolCallUseCase.AVAILABILITY,
                                Map.of("service_id", desk.lola.cut(), "date", "2026-11-24", "time", "16:00"))
                        .path("result")
                        .asText())
                .isEqualTo("Corte de pelo el martes 24 de noviembre a las 16:00 está libre (start 2026-11-24T16:00).");
        assertThat(lola(
                                AnswerToolCallUseCase.AVAILABILITY,
                                Map.of(
                                        "service_id",
                                        desk.lola.cut(),
                                        "date",
                                        "2026-11-24",
                                        "part_of_day",
                                        "por la tarde"))
                        .path("result")
                        .asText())
                .contains("hay hueco a las 16:00");
        assertThat(lola(AnswerToolCallUseCase.AVAILABILITY, Map.of("service_id", desk.lola.cut(), "date", "Tusday"))
                        .path("error")
                        .asText())
                .startsWith("No entiendo la fecha");
    }

    @Test
    void calls_without_ids_are_each_answered_and_a_web_caller_s_claimed_number_is_not_trusted() {
        String message = """
                {"message": {"type": "tool-calls",
                  "call": {"type": "webCall", "customer": {"number": "%s"},
                    "assistantOverrides": {"variableValues": {"business_slug": "%s"}}}, "customer": {"number": "%s"},
                  "toolCallList": [{"name": "get_business_services", "arguments": {}},
                                   {"name": "find_my_appointments", "arguments": {}}]}}
                """.formatted(VoiceDesk.CARMEN, desk.lola.slug(), VoiceDesk.CARMEN);
        lola(
                AnswerToolCallUseCase.BOOK,
                Map.of("service_id", desk.lola.cut(), "start", "2026-11-24T10:00", "client_name", "Carmen"));

        JsonNode results = desk.read(desk.send(message)).path("results");

        assertThat(results).hasSize(2);
        assertThat(results.path(0).path("result").asText()).startsWith("Servicios de Peluquería Lola");
        assertThat(results.path(1).path("error").asText())
                .startsWith("En esta llamada no puedo comprobar el número de quien llama");
    }

    @Test
    void a_booking_made_is_said_made_even_when_the_call_cannot_be_logged() {
        String message = desk.toolCalls(
                        VoiceDesk.LOLA_NUMBER,
                        Optional.of(VoiceDesk.CARMEN),
                        Map.of(),
                        new ToolRequest(
                                "tc-long",
                                AnswerToolCallUseCase.BOOK,
                                Map.of(
                                        "service_id",
                                        desk.lola.cut(),
                                        "start",
                                        "2026-11-24T10:00",
                                        "client_name",
                                        "Carmen")))
                .replace("\"call-1\"", "\"" + "x".repeat(150) + "\"");

        assertThat(desk.read(desk.send(message))
                        .path("results")
                        .path(0)
                        .path("result")
                        .asText())
                .startsWith("Reservado");
        assertThat(appointmentsOf(desk.lola)).isEqualTo(1);
    }

    @Test
    void a_failing_limiter_costs_one_call_its_answer_not_the_message() {
        VapiWebhook broken = VoiceDesk.webhook(
                desk.app,
                VoiceDesk.SETTINGS,
                (allowance, key) -> {
                    throw new IllegalStateException("redis is down");
                },
                desk.clock,
                desk.metrics);

        var answer = broken.handle(
                desk.toolCalls(
                                VoiceDesk.LOLA_NUMBER,
                                Optional.of(VoiceDesk.CARMEN),
                                Map.of(),
                                new ToolRequest("a", AnswerToolCallUseCase.SERVICES, Map.of()),
                                new ToolRequest("b", AnswerToolCallUseCase.MINE, Map.of()))
                        .getBytes(StandardCharsets.UTF_8),
                VoiceDesk.header(Map.of("x-vapi-secret", VoiceDesk.SECRET)));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(desk.read(answer).path("results"))
                .hasSize(2)
                .allSatisfy(r -> assertThat(r.path("error").asText()).startsWith("No he podido hacerlo"));
        assertThat(toolCalls(AnswerToolCallUseCase.SERVICES, "failed")
                        + toolCalls(AnswerToolCallUseCase.MINE, "failed"))
                .isEqualTo(2);
    }
}
