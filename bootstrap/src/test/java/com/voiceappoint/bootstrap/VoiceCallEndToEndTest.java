package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private static PhoneCalls phone;

    @BeforeAll
    static void start() {
        api = LiveApi.start(postgres);
        phone = new PhoneCalls(api);
    }

    @AfterAll
    static void stop() {
        api.close();
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
        PhoneCalls.Line salon = phone.open("Peluquería Sol", "Europe/Madrid", "EUR", "es", "ES", "+34910550001");
        PhoneCalls.Call call = phone.call(salon, "+34600123123");
        assertThat(call.variables().get("locale")).isEqualTo("es");

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
        PhoneCalls.Line barbers = phone.open("Bob's Barbers", "Europe/London", "GBP", "en", "GB", "+442079460001");
        PhoneCalls.Call call = phone.call(barbers, "+447700900123");
        assertThat(call.variables().get("timezone")).isEqualTo("Europe/London");

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
        PhoneCalls.Line salon = phone.open("Peluquería Marta", "Europe/Madrid", "EUR", "es", "ES", "+34910550002");
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
        PhoneCalls.Call call = phone.call(salon, "+34600123124");
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

    private static void readTheCall(PhoneCalls.Line line, PhoneCalls.Call call, String appointment, String status) {
        String token = line.owner().token();
        var calls = api.at("/api/v1/vapi/calls?business=" + line.owner().businessId())
                .token(token)
                .get();
        assertThat(calls.status()).as(calls.raw()).isEqualTo(200);
        JsonNode logged = calls.body().path("results").path(0);
        assertThat(logged.path("call_id").asText()).isEqualTo(call.id());
        assertThat(logged.path("ended_reason").asText()).isEqualTo("customer-ended-call");
        assertThat(logged.path("customer_number").asText()).isEqualTo(call.caller());

        var transcript =
                api.at("/api/v1/vapi/transcripts/" + call.id()).token(token).get();
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
