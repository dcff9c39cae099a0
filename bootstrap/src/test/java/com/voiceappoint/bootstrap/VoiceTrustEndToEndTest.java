package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voiceappoint.adapter.http.ApiClient;
import com.voiceappoint.adapter.persistence.TestPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The voice trust rules against the running server and a real PostgreSQL: a SIP caller's forged variables reach no
 * business, the call our assistant-request answer put through stays with its business, a caller whose number proves
 * nothing opens appointments with the manage code and hears another client's as a taken time, a web call books with
 * an e-mail, and an end-of-call report larger than the webhook holds in memory is kept (without text no store keeps).
 */
class VoiceTrustEndToEndTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LiveApi api;

    @BeforeAll
    static void start() {
        api = LiveApi.start(postgres);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    /** A business answering on the line of {@code number}, with one service, open every day. */
    private static LiveApi.Account onTheLine(String name, String number) {
        LiveApi.Account owner = api.register(name);
        assertThat(api.at("/api/v1/businesses/" + owner.businessId() + "/hours")
                        .token(owner.token())
                        .put(Map.of("hours", World.EVERY_DAY))
                        .status())
                .isEqualTo(200);
        assertThat(api.at("/api/v1/services")
                        .token(owner.token())
                        .post(Map.of(
                                "business",
                                owner.businessId(),
                                "name",
                                "Corte de pelo",
                                "duration_minutes",
                                30,
                                "price",
                                "18.50"))
                        .status())
                .isEqualTo(201);
        var voice = api.at("/api/v1/vapi/configs/" + owner.businessId())
                .token(owner.token())
                .raw("PATCH", "{\"line_ids\": [\"line-" + number + "\"], \"enabled\": true}", "application/json");
        assertThat(voice.status()).as(voice.raw()).isEqualTo(200);
        return owner;
    }

    private static ApiClient.Response send(String body) {
        return api.at("/api/v1/vapi/webhook")
                .header("x-vapi-secret", LiveApi.VAPI_SECRET)
                .raw("POST", body, "application/json");
    }

    private static JsonNode webhook(JsonNode message) {
        ApiClient.Response response = send(message.toString());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    private static ObjectNode message(String type, String callId, String transport, String lineId) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode message = root.putObject("message").put("type", type).put("timestamp", System.currentTimeMillis());
        ObjectNode call = message.putObject("call")
                .put("id", callId)
                .put("type", "inboundPhoneCall")
                .put("phoneCallTransport", transport);
        if (lineId != null) {
            call.put("phoneNumberId", lineId);
            message.putObject("phoneNumber").put("id", lineId);
        }
        message.putObject("customer").put("number", "+34600777888");
        return root;
    }

    private static JsonNode services(ObjectNode message, String slugVariable) {
        ObjectNode m = (ObjectNode) message.path("message");
        if (slugVariable != null) {
            ((ObjectNode) m.path("call"))
                    .putObject("assistantOverrides")
                    .putObject("variableValues")
                    .put("business_slug", slugVariable)
                    .put("originating-carrier", "382com");
        }
        var item = m.putArray("toolCallList").addObject().put("id", "tc-" + System.nanoTime());
        item.putObject("function").put("name", "get_business_services").putObject("arguments");
        return webhook(message).path("results").path(0);
    }

    /** One tool call in {@code message}, answered: its {@code result} or {@code error}. */
    private static JsonNode tool(ObjectNode message, String toolCallId, String name, Map<String, ?> arguments) {
        var item = ((ObjectNode) message.path("message"))
                .putArray("toolCallList")
                .addObject()
                .put("id", toolCallId);
        item.putObject("function").put("name", name).set("arguments", JSON.valueToTree(arguments));
        return webhook(message).path("results").path(0);
    }

    private static ObjectNode webCall(String callId, String slug) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode call = root.putObject("message").put("type", "tool-calls").putObject("call");
        call.put("id", callId).put("type", "webCall");
        call.putObject("assistantOverrides").putObject("variableValues").put("business_slug", slug);
        return root;
    }

    private static String slugOf(LiveApi.Account owner) {
        return api.at("/api/v1/businesses/" + owner.businessId())
                .token(owner.token())
                .get()
                .body()
                .get("slug")
                .asText();
    }

    @Test
    void a_sip_caller_s_variables_route_nowhere_and_a_call_we_put_through_stays_with_its_business() {
        LiveApi.Account salon = onTheLine("Peluquería Trust", "+34910660001");
        LiveApi.Account other = onTheLine("Barbería Otra", "+34910660002");

        JsonNode forged = services(message("tool-calls", "sip-forged", "sip", "sip-uri-nobody-owns"), slugOf(salon));
        assertThat(forged.path("error").asText()).startsWith("Lo siento, este negocio no atiende");

        String callId = "sip-through-" + System.nanoTime();
        JsonNode assistant = webhook(message("assistant-request", callId, "sip", "line-+34910660001"));
        assertThat(assistant
                        .path("assistantOverrides")
                        .path("variableValues")
                        .path("business_slug")
                        .asText())
                .isEqualTo(slugOf(salon));
        JsonNode routed = services(message("tool-calls", callId, "sip", null), null);
        assertThat(routed.path("result").asText()).startsWith("Servicios de Peluquería Trust");
        JsonNode claimingAnother = services(message("tool-calls", callId, "sip", null), slugOf(other));
        assertThat(claimingAnother.path("error").asText()).startsWith("Esta llamada es de Peluquería Trust");
    }

    @Test
    void a_caller_whose_number_proves_nothing_opens_appointments_with_the_code_and_hears_others_as_taken() {
        LiveApi.Account salon = onTheLine("Peluquería Código", "+34910660005");
        String line = "line-+34910660005";
        String start = LocalDate.now(ZoneId.of("Europe/Madrid")).plusDays(2) + "T10:00";
        Map<String, String> cut = Map.of("service_name", "corte de pelo", "start", start, "client_name", "Carmen");

        JsonNode booked =
                tool(message("tool-calls", "pstn-" + System.nanoTime(), "pstn", line), "tc-1", "book_appointment", cut);
        assertThat(booked.path("result").asText()).startsWith("Reservado: Corte de pelo");
        Matcher found = Pattern.compile("appointment_id ([0-9a-f-]{36}).*gestión: (\\d \\d \\d \\d \\d \\d)")
                .matcher(booked.path("result").asText());
        assertThat(found.find()).isTrue();
        String id = found.group(1);
        String code = found.group(2).replace(" ", "");

        String sip = "sip-" + System.nanoTime();
        JsonNode probing = tool(message("tool-calls", sip, "sip", line), "tc-1", "book_appointment", cut);
        assertThat(probing.path("result").asText())
                .startsWith("Esa hora ya está ocupada.")
                .doesNotContain(id)
                .doesNotContain("gestión");
        JsonNode withoutCode = tool(message("tool-calls", sip, "sip", line), "tc-2", "find_my_appointments", Map.of());
        assertThat(withoutCode.path("error").asText())
                .startsWith("En esta llamada no puedo comprobar el número de quien llama");
        JsonNode withCode = tool(
                message("tool-calls", sip, "sip", line), "tc-3", "find_my_appointments", Map.of("manage_code", code));
        assertThat(withCode.path("result").asText())
                .startsWith("Tus próximas citas")
                .contains(id);

        String web = "web-" + System.nanoTime();
        JsonNode noEmail = tool(webCall(web, slugOf(salon)), "tc-1", "book_appointment", cut);
        assertThat(noEmail.path("error").asText()).contains("pídele su correo electrónico y pásalo como email");
        Map<String, String> later = Map.of(
                "service_name", "corte de pelo",
                "start", start.replace("T10:00", "T12:00"),
                "client_name", "Lucía",
                "email", "lucia@example.com");
        JsonNode withEmail = tool(webCall(web, slugOf(salon)), "tc-2", "book_appointment", later);
        assertThat(withEmail.path("result").asText()).startsWith("Reservado: Corte de pelo");
    }

    @Test
    void a_large_end_of_call_report_with_text_no_store_keeps_is_kept_without_it() {
        LiveApi.Account salon = onTheLine("Peluquería Nula", "+34910660004");
        String callId = "nul-call-" + System.nanoTime();
        ObjectNode root = message("end-of-call-report", callId, "pstn", "line-+34910660004");
        ObjectNode report = (ObjectNode) root.path("message");
        report.putObject("analysis").put("summary", "Una llamada\u0000 con un carácter nulo.");
        ObjectNode artifact = report.putObject("artifact");
        artifact.put("transcript", "User: hola\u0000\nAI: buenas");
        artifact.putArray("messages")
                .addObject()
                .put("role", "user")
                .put("message", "Hola\u0000, quería un corte HALF");
        artifact.put("logs", "l".repeat(3 * 1024 * 1024));
        // half of a surrogate pair can only be sent escaped: as UTF-8 it has no bytes
        String body = root.toString().replace("HALF", "\\uD83D");
        assertThat(body).contains("\\u0000");
        assertThat(body.length()).isGreaterThan(2 * 1024 * 1024);

        ApiClient.Response answer = send(body);

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        ApiClient.Response kept = api.at("/api/v1/vapi/transcripts/" + callId)
                .token(salon.token())
                .get();
        assertThat(kept.status()).as(kept.raw()).isEqualTo(200);
        assertThat(kept.body().path("call").path("summary").asText()).isEqualTo("Una llamada con un carácter nulo.");
        assertThat(kept.body().path("transcript").asText()).isEqualTo("User: hola\nAI: buenas");
        assertThat(kept.body().path("messages").path(0).path("text").asText())
                .isEqualTo("Hola, quería un corte \uFFFD");
    }

    @Test
    void an_end_of_call_report_larger_than_the_webhook_holds_is_kept() {
        LiveApi.Account salon = onTheLine("Peluquería Larga", "+34910660003");
        String callId = "long-call-" + System.nanoTime();
        ObjectNode root = message("end-of-call-report", callId, "pstn", "line-+34910660003");
        ObjectNode report = (ObjectNode) root.path("message");
        report.put("endedReason", "customer-ended-call");
        report.putObject("analysis").put("summary", "Una llamada muy larga.");
        ObjectNode artifact = report.putObject("artifact");
        artifact.put("transcript", "User: hola\nAI: buenas");
        ArrayNode turns = artifact.putArray("messages");
        ArrayNode openAi = report.putArray("messagesOpenAIFormatted");
        for (int i = 0; i < 4_000; i++) {
            String said = "Turno número " + i + " de una conversación que no acaba nunca";
            turns.addObject().put("role", i % 2 == 0 ? "user" : "bot").put("message", said);
            openAi.addObject().put("role", i % 2 == 0 ? "user" : "assistant").put("content", said);
        }
        artifact.put("logs", "l".repeat(2 * 1024 * 1024));
        String body = root.toString();
        assertThat(body.length()).isGreaterThan(2 * 1024 * 1024);

        ApiClient.Response answer = send(body);

        assertThat(answer.status()).as(answer.raw()).isEqualTo(200);
        JsonNode transcript = api.at("/api/v1/vapi/transcripts/" + callId)
                .token(salon.token())
                .get()
                .body();
        assertThat(transcript.path("call").path("summary").asText()).isEqualTo("Una llamada muy larga.");
        assertThat(transcript.path("messages")).hasSize(2_000);
        assertThat(transcript.path("messages").path(0).path("text").asText())
                .isEqualTo("Turno número 0 de una conversación que no acaba nunca");
        // the same body with the wrong secret is refused from its headers, while the client may still be sending:
        // what it then sees is a race, so that refusal is tested on a socket below
    }

    @Test
    void a_request_without_credentials_is_refused_before_its_body_is_read() throws Exception {
        // a megabyte announced and never sent: refused from the headers alone, not waited for
        String request = "POST /api/v1/vapi/webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "x-vapi-secret: not-the-secret\r\nContent-Length: 1048576\r\n\r\n{\"message\":";
        try (Socket socket = new Socket("127.0.0.1", api.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new BufferedReader(
                            new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertThat(statusLine).startsWith("HTTP/1.1 401");
        }
    }
}
