package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voiceappoint.adapter.http.ApiClient;
import com.voiceappoint.adapter.persistence.TestPostgres;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Phone calls scripted end to end against the running server and a real PostgreSQL, as Vapi would drive them: the
 * assistant request for the number dialled, then list services, check availability, book, find mine, reschedule,
 * cancel, hang up; then the owner reads the call and its transcript. Once in Spanish, once in English.
 */
class VoiceCallEndToEndTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern START = Pattern.compile("(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2})");
    private static final Pattern APPOINTMENT = Pattern.compile("appointment_id ([0-9a-f-]{36})");
    private static LiveApi api;

    @BeforeAll
    static void start() {
        api = LiveApi.start(postgres);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** A business on the phone: registered, open on weekdays, one service, answering on the line of {@code number}. */
    private record Line(LiveApi.Account owner, String number, String zone) {}

    private static Line open(
            String name, String zone, String currency, String language, String country, String number) {
        String email = name.toLowerCase().replaceAll("[^a-z]", "") + System.nanoTime() + "@example.com";
        var registered = api.at("/api/v1/auth/register")
                .post(Map.of(
                        "email", email,
                        "password", LiveApi.PASSWORD,
                        "full_name", "Owner",
                        "language", language,
                        "business_name", name,
                        "business_type", "salon",
                        "timezone", zone,
                        "currency", currency,
                        "country", country));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        String token = api.at("/api/v1/auth/token")
                .post(Map.of("email", email, "password", LiveApi.PASSWORD))
                .body()
                .get("access")
                .asText();
        LiveApi.Account owner = new LiveApi.Account(
                registered.body().get("user").get("id").asText(),
                email,
                token,
                registered.body().get("business_id").asText());
        Map<String, Object> week = new HashMap<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) {
            week.put(
                    day,
                    List.of(Map.of("opens", "09:00", "closes", "14:00"), Map.of("opens", "16:00", "closes", "20:00")));
        }
        assertThat(api.at("/api/v1/businesses/" + owner.businessId() + "/hours")
                        .token(token)
                        .put(Map.of("hours", week))
                        .status())
                .isEqualTo(200);
        assertThat(api.at("/api/v1/services")
                        .token(token)
                        .post(Map.of(
                                "business",
                                owner.businessId(),
                                "name",
                                language.equals("es") ? "Corte de pelo" : "Haircut",
                                "duration_minutes",
                                30,
                                "price",
                                "18.50"))
                        .status())
                .isEqualTo(201);
        var voice = api.at("/api/v1/vapi/configs/" + owner.businessId())
                .token(token)
                .raw("PATCH", "{\"line_ids\": [\"line-" + number + "\"], \"enabled\": true}", "application/json");
        assertThat(voice.status()).as(voice.raw()).isEqualTo(200);
        return new Line(owner, voice.body().get("numbers").get(0).asText(), zone);
    }

    /** One phone call: a caller on a line, with the variables the assistant request gave it. */
    private static final class Call {
        private final String id = "call-" + System.nanoTime();
        private final Line line;
        private final String caller;
        private final Map<String, String> variables;
        private int turn;

        Call(Line line, String caller) {
            this.line = line;
            this.caller = caller;
            ObjectNode request = message("assistant-request");
            JsonNode answer = webhook(request);
            assertThat(answer.path("assistantId").asText()).isEqualTo("shared-assistant");
            this.variables = JSON.convertValue(
                    answer.path("assistantOverrides").path("variableValues"),
                    JSON.getTypeFactory().constructMapType(Map.class, String.class, String.class));
        }

        ObjectNode message(String type) {
            ObjectNode root = JSON.createObjectNode();
            ObjectNode message =
                    root.putObject("message").put("type", type).put("timestamp", System.currentTimeMillis());
            ObjectNode call = message.putObject("call")
                    .put("id", id)
                    .put("type", "inboundPhoneCall")
                    .put("phoneCallTransport", "pstn");
            call.putObject("customer").put("number", caller);
            if (variables != null) {
                call.putObject("assistantOverrides").set("variableValues", JSON.valueToTree(variables));
            }
            message.putObject("phoneNumber").put("number", line.number());
            message.putObject("customer").put("number", caller);
            return root;
        }

        /** The assistant calls a tool; answers what it is told to say. */
        String tool(String name, Map<String, ?> arguments) {
            ObjectNode root = message("tool-calls");
            var item =
                    ((ObjectNode) root.path("message")).putArray("toolCallList").addObject();
            item.put("id", id + "-" + ++turn).put("type", "function");
            item.putObject("function").put("name", name).set("arguments", JSON.valueToTree(arguments));
            JsonNode result = webhook(root).path("results").path(0);
            assertThat(result.path("toolCallId").asText()).isEqualTo(id + "-" + turn);
            assertThat(result.has("result")).as(result.toString()).isTrue();
            return result.path("result").asText();
        }

        void hangUp(String summary) {
            ObjectNode root = message("end-of-call-report");
            ObjectNode message = (ObjectNode) root.path("message");
            message.put("endedReason", "customer-ended-call").put("cost", 0.12);
            message.putObject("analysis").put("summary", summary);
            var messages = message.putObject("artifact").putArray("messages");
            messages.addObject().put("role", "bot").put("message", "Hi!");
            messages.addObject().put("role", "user").put("message", "I'd like a haircut.");
            assertThat(webhook(root).size()).isZero();
        }
    }

    private static JsonNode webhook(JsonNode message) {
        ApiClient.Response response = api.at("/api/v1/vapi/webhook/")
                .header("x-vapi-secret", LiveApi.VAPI_SECRET)
                .raw("POST", message.toString(), "application/json");
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    private static String first(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return m.group(1);
    }

    private static LocalDate nextWeek(DayOfWeek day, String zone) {
        return LocalDate.now(ZoneId.of(zone)).plusWeeks(1).with(TemporalAdjusters.previousOrSame(day));
    }

    @Test
    void a_spanish_caller_books_moves_and_cancels_by_phone_and_the_owner_reads_the_call() {
        Line salon = open("Peluquería Sol", "Europe/Madrid", "EUR", "es", "ES", "+34910550001");
        Call call = new Call(salon, "+34600123123");
        assertThat(call.variables.get("locale")).isEqualTo("es");

        assertThat(call.tool("get_business_services", Map.of()))
                .startsWith("Servicios de Peluquería Sol: Corte de pelo, 30 minutos, 18,50");
        LocalDate tuesday = nextWeek(DayOfWeek.TUESDAY, salon.zone());
        String free = call.tool(
                "check_service_availability",
                Map.of("service_name", "corte de pelo", "date", tuesday.toString(), "part_of_day", "tarde"));
        assertThat(free).contains("hay hueco a las 16:00");
        String start = first(START, free);

        String booked =
                call.tool("book_appointment", Map.of("service_name", "corte", "start", start, "client_name", "Lucía"));
        assertThat(booked).startsWith("Reservado: Corte de pelo el martes");
        String appointment = first(APPOINTMENT, booked);
        assertThat(call.tool("find_my_appointments", Map.of())).contains(appointment);

        String wednesday = nextWeek(DayOfWeek.WEDNESDAY, salon.zone()) + "T10:00";
        assertThat(call.tool("reschedule_appointment", Map.of("appointment_id", appointment, "start", wednesday)))
                .startsWith("Cambiada: Corte de pelo ahora es el miércoles")
                .contains("a las 10:00");
        assertThat(call.tool("cancel_appointment", Map.of("appointment_id", appointment, "reason", "viaje")))
                .startsWith("Cancelada tu cita de Corte de pelo del miércoles");
        call.hangUp("Reservó, cambió y canceló un corte.");

        readTheCall(salon, call, appointment, "cancelled");
        LocalDate today = LocalDate.now(ZoneId.of(salon.zone()));
        JsonNode figures = api.at("/api/v1/analytics/overview?business="
                        + salon.owner().businessId() + "&from=" + today + "&to=" + today.plusDays(14))
                .token(salon.owner().token())
                .get()
                .body();
        assertThat(figures.path("calls").path("total").asLong()).isEqualTo(1);
        assertThat(figures.path("calls").path("converted").asLong()).isEqualTo(1);
        assertThat(figures.path("calls")
                        .path("ended_reasons")
                        .path("customer-ended-call")
                        .asLong())
                .isEqualTo(1);
        assertThat(figures.path("appointments").path("by_source").path("voice").asLong())
                .isEqualTo(1);
        assertThat(figures.path("appointments")
                        .path("by_status")
                        .path("cancelled")
                        .asLong())
                .isEqualTo(1);
        assertThat(figures.path("revenue").path("total").asText()).isEqualTo("0.00");

        String metrics = api.metrics();
        assertThat(OperationsEndpointsTest.count(metrics, "bookings_total{outcome=\"booked\",source=\"voice\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(OperationsEndpointsTest.count(
                        metrics, "vapi_tool_calls_seconds_count{outcome=\"answered\",tool=\"book_appointment\"}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(OperationsEndpointsTest.count(metrics, "vapi_messages_seconds_count{type=\"assistant-request\"}"))
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void an_english_caller_does_the_same_in_english_in_london_time() {
        Line barbers = open("Bob's Barbers", "Europe/London", "GBP", "en", "GB", "+442079460001");
        Call call = new Call(barbers, "+447700900123");
        assertThat(call.variables.get("timezone")).isEqualTo("Europe/London");

        assertThat(call.tool("get_business_services", Map.of()))
                .startsWith("Bob's Barbers offers: Haircut, 30 minutes, £18.50 (service_id ");
        LocalDate thursday = nextWeek(DayOfWeek.THURSDAY, barbers.zone());
        String free = call.tool(
                "check_service_availability",
                Map.of("service", "a haircut", "date", thursday.toString(), "part_of_day", "morning"));
        assertThat(free).startsWith("Haircut on Thursday").contains("free at 09:00");
        String booked =
                call.tool("book_appointment", Map.of("service", "haircut", "start", first(START, free), "name", "Sam"));
        assertThat(booked).startsWith("Booked: Haircut on Thursday").contains("at 09:00");
        String appointment = first(APPOINTMENT, booked);
        assertThat(call.tool("find_my_appointments", Map.of()))
                .startsWith("Your upcoming appointments: Haircut on Thursday");

        assertThat(call.tool(
                        "reschedule_appointment", Map.of("appointment_id", appointment, "start", thursday + "T11:30")))
                .startsWith("Moved: Haircut is now on Thursday")
                .contains("at 11:30");
        assertThat(call.tool("cancel_appointment", Map.of("appointment_id", appointment)))
                .startsWith("Cancelled your Haircut on Thursday");
        call.hangUp("Booked, moved and cancelled a haircut.");

        readTheCall(barbers, call, appointment, "cancelled");
    }

    @Test
    void a_caller_asks_for_tomorrow_afternoon_with_marta_and_books_with_her() {
        Line salon = open("Peluquería Marta", "Europe/Madrid", "EUR", "es", "ES", "+34910550002");
        String business = "/api/v1/businesses/" + salon.owner().businessId();
        Map<String, Object> everyDay = new HashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            everyDay.put(day.name().toLowerCase(Locale.ROOT), List.of(Map.of("opens", "09:00", "closes", "20:00")));
        }
        // open every day, so that tomorrow is open whatever day the suite runs on
        assertThat(api.at(business + "/hours")
                        .token(salon.owner().token())
                        .put(Map.of("hours", everyDay))
                        .status())
                .isEqualTo(200);
        var marta = api.at(business + "/staff").token(salon.owner().token()).post(Map.of("display_name", "Marta Ruiz"));
        assertThat(marta.status()).as(marta.raw()).isEqualTo(201);
        Call call = new Call(salon, "+34600123124");
        LocalDate tomorrow = LocalDate.now(ZoneId.of(salon.zone())).plusDays(1);
        String day = DateTimeFormatter.ofPattern("EEEE d 'de' MMMM", Locale.forLanguageTag("es"))
                .format(tomorrow);

        String free = call.tool(
                "check_service_availability",
                Map.of("service_name", "un corte de pelo", "date", "mañana por la tarde", "staff_name", "con Marta"));
        assertThat(free).startsWith("Corte de pelo con Marta Ruiz el " + day + ": hay hueco a las 14:00, ");
        String start = first(START, free);
        assertThat(start).isEqualTo(tomorrow + "T14:00");

        String booked = call.tool(
                "book_appointment",
                Map.of("service_name", "corte", "start", start, "client_name", "Lucía", "staff_name", "marta"));
        assertThat(booked).startsWith("Reservado: Corte de pelo el " + day + " a las 14:00 con Marta Ruiz.");
        String appointment = first(APPOINTMENT, booked);
        var stored = api.at("/api/v1/appointments/" + appointment)
                .token(salon.owner().token())
                .get();
        assertThat(stored.status()).as(stored.raw()).isEqualTo(200);
        assertThat(stored.body().path("provider").path("id").asText())
                .isEqualTo(marta.body().path("id").asText());
        assertThat(call.tool("check_service_availability", Map.of("service_name", "corte", "date", start)))
                .as("the owner is still free then, and is named as who is")
                .startsWith("Corte de pelo el " + day + " a las 14:00 está libre con Owner");
    }

    private static void readTheCall(Line line, Call call, String appointment, String status) {
        String token = line.owner().token();
        var calls = api.at("/api/v1/vapi/calls?business=" + line.owner().businessId())
                .token(token)
                .get();
        assertThat(calls.status()).as(calls.raw()).isEqualTo(200);
        JsonNode logged = calls.body().path("results").path(0);
        assertThat(logged.path("call_id").asText()).isEqualTo(call.id);
        assertThat(logged.path("ended_reason").asText()).isEqualTo("customer-ended-call");
        assertThat(logged.path("customer_number").asText()).isEqualTo(call.caller);

        var transcript =
                api.at("/api/v1/vapi/transcripts/" + call.id).token(token).get();
        assertThat(transcript.status()).as(transcript.raw()).isEqualTo(200);
        assertThat(transcript.body().path("messages")).hasSize(2);
        assertThat(transcript.body().path("appointments").path(0).path("id").asText())
                .isEqualTo(appointment);
        assertThat(transcript.body().path("appointments").path(0).path("status").asText())
                .isEqualTo(status);
        assertThat(transcript.body().path("appointments").path(0).path("source").asText())
                .isEqualTo("voice");
    }

    @Test
    void the_webhook_answers_on_both_spellings_and_refuses_anyone_without_the_secret() {
        String ping = "{\"message\": {\"type\": \"status-update\", \"status\": \"ringing\", \"call\": {}}}";
        for (String path : VoiceWiring.WEBHOOK_PATHS) {
            assertThat(api.at(path)
                            .header("x-vapi-secret", LiveApi.VAPI_SECRET)
                            .raw("POST", ping, "application/json")
                            .status())
                    .as(path)
                    .isEqualTo(200);
            assertThat(api.at(path)
                            .header("x-vapi-secret", "")
                            .raw("POST", ping, "application/json")
                            .status())
                    .as(path)
                    .isEqualTo(401);
            assertThat(api.at(path + "/").raw("POST", ping, "application/json").status())
                    .isEqualTo(401);
        }
    }

    @Test
    void the_routes_other_adapters_mount_are_the_ones_documented_and_the_tools_point_at_the_webhook() {
        JsonNode paths = api.at("/api/v1/openapi.json").get().body().path("paths");
        List<String> documented = new java.util.ArrayList<>();
        paths.fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    if (op.getValue().path("x-raw-route").asBoolean(false)) {
                        documented.add(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                    }
                }));
        List<String> mounted = new java.util.ArrayList<>();
        VoiceWiring.WEBHOOK_PATHS.forEach(path -> mounted.add("POST " + path));
        mounted.add("GET " + VoiceWiring.TOOLS_PATH);
        mounted.add("POST " + com.voiceappoint.adapter.notifications.TwilioReplyWebhook.PATH);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(mounted);

        JsonNode tools = api.at(VoiceWiring.TOOLS_PATH).get().body();
        assertThat(tools).hasSize(8);
        assertThat(tools).allSatisfy(tool -> {
            assertThat(tool.path("server").path("url").asText()).endsWith("/api/v1/vapi/webhook");
            assertThat(tool.path("parameters").path(0).path("value").asText()).isEqualTo("{{business_slug}}");
        });
    }
}
