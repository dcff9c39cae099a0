package com.voiceappoint.adapter.vapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.voiceappoint.application.error.CallNotPlacedException;
import com.voiceappoint.application.port.out.VoicePlatformGateway;
import com.voiceappoint.domain.business.BookingPolicy;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.BusinessType;
import com.voiceappoint.domain.business.Slug;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.Money;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Vapi REST client against a local server standing in for Vapi: its answers, its refusals, its silence. */
class VapiPlatformGatewayTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(VoiceDesk.NOW, ZoneOffset.UTC);
    private static final Business SALON = new Business(
            BusinessId.random(),
            new Slug("peluqueria-lola"),
            "Peluquería Lola",
            BusinessType.parse("salon"),
            Language.ES,
            ZoneId.of("Europe/Madrid"),
            Currency.getInstance("EUR"),
            true,
            BookingPolicy.DEFAULT,
            Optional.empty());
    private static final VoicePlatformGateway.OutboundCall CALL = new VoicePlatformGateway.OutboundCall(
            SALON,
            Language.ES,
            new PhoneNumber("+34600111222"),
            Optional.of("Carmen"),
            Optional.of("line-of-lola"),
            Optional.empty(),
            List.of(new Service(
                    ServiceId.random(),
                    SALON.id(),
                    Optional.empty(),
                    "Corte de pelo",
                    "",
                    Duration.ofMinutes(30),
                    Money.of("18.50", "EUR"),
                    Duration.ZERO,
                    Duration.ZERO,
                    true,
                    true,
                    Set.of(),
                    Optional.empty())),
            WeeklyHours.sameOn(List.of(DayOfWeek.MONDAY), List.of(OpeningWindow.of("09:00", "14:00"))),
            Optional.of("Hola, te llamamos de Peluquería Lola."));

    private HttpServer vapi;
    private final AtomicReference<HttpExchange> seen = new AtomicReference<>();
    private final AtomicReference<String> seenBody = new AtomicReference<>();
    private volatile int status = 201;
    private volatile String answer = "{\"id\": \"call-123\", \"status\": \"queued\"}";
    private volatile long delayMillis = 0;

    @BeforeEach
    void standInForVapi() throws IOException {
        vapi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        vapi.createContext("/phone-number/", exchange -> {
            String id = exchange.getRequestURI().getPath().substring("/phone-number/".length());
            seen.set(exchange);
            byte[] bytes = switch (id) {
                case "line-of-lola" ->
                    "{\"id\": \"line-of-lola\", \"number\": \"+34910000001\"}".getBytes(StandardCharsets.UTF_8);
                case "sip-line" ->
                    "{\"id\": \"sip-line\", \"sipUri\": \"sip:lola@example.com\"}".getBytes(StandardCharsets.UTF_8);
                default -> new byte[0];
            };
            int code = id.equals("broken") ? 500 : bytes.length == 0 ? 404 : 200;
            exchange.sendResponseHeaders(code, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        vapi.createContext("/call", exchange -> {
            seen.set(exchange);
            seenBody.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        vapi.start();
    }

    @AfterEach
    void stop() {
        vapi.stop(0);
    }

    private VapiPlatformGateway gateway(Optional<String> key, Duration timeout) {
        return new VapiPlatformGateway(
                new VapiPlatformGateway.Api(
                        "http://127.0.0.1:" + vapi.getAddress().getPort() + "/",
                        key,
                        Optional.empty(),
                        Optional.of("shared-assistant"),
                        timeout),
                CLOCK);
    }

    private VapiPlatformGateway gateway() {
        return gateway(Optional.of("private-key"), Duration.ofSeconds(2));
    }

    @Test
    void a_call_is_placed_with_the_business_in_the_assistant_s_variables() throws IOException {
        VoicePlatformGateway.PlacedCall placed = gateway().place(CALL);

        assertThat(placed).isEqualTo(new VoicePlatformGateway.PlacedCall("call-123", "queued"));
        assertThat(seen.get().getRequestMethod()).isEqualTo("POST");
        assertThat(seen.get().getRequestHeaders().getFirst("Authorization")).isEqualTo("Bearer private-key");
        JsonNode body = JSON.readTree(seenBody.get());
        assertThat(body.path("assistantId").asText()).isEqualTo("shared-assistant");
        assertThat(body.path("phoneNumberId").asText()).isEqualTo("line-of-lola");
        assertThat(body.path("customer").path("number").asText()).isEqualTo("+34600111222");
        assertThat(body.path("customer").path("name").asText()).isEqualTo("Carmen");
        JsonNode variables = body.path("assistantOverrides").path("variableValues");
        assertThat(variables.path("business_slug").asText()).isEqualTo("peluqueria-lola");
        assertThat(variables.path("today").asText()).isEqualTo("2026-11-23");
        assertThat(variables.path("locale").asText()).isEqualTo("es");
        assertThat(variables.path("services").asText()).startsWith("Corte de pelo, 30 minutos, 18,50");
        assertThat(variables.path("hours").asText()).startsWith("lunes: de 09:00 a 14:00; martes: cerrado");
        assertThat(body.path("assistantOverrides").path("firstMessage").asText())
                .isEqualTo("Hola, te llamamos de Peluquería Lola.");
        assertThat(body.has("metadata")).as("not in Vapi's spec").isFalse();
    }

    @Test
    void vapi_refusing_the_call_is_a_rejection_with_its_reason() {
        status = 400;
        answer = "{\"message\": [\"customer.number must be a valid phone number\", {\"field\": \"phoneNumberId\"}],"
                + " \"error\": \"Bad Request\"}";

        assertThatThrownBy(() -> gateway().place(CALL)).isInstanceOfSatisfying(CallNotPlacedException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CALL_REJECTED);
            assertThat(e.getMessage()).contains("customer.number must be a valid phone number");
        });
    }

    @Test
    void vapi_failing_rate_limiting_or_staying_silent_is_unavailable() {
        status = 500;
        answer = "oops";
        assertThatThrownBy(() -> gateway().place(CALL))
                .isInstanceOfSatisfying(
                        CallNotPlacedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VOICE_UNAVAILABLE));

        status = 429;
        answer = "{\"message\": \"Too Many Requests\"}";
        assertThatThrownBy(() -> gateway().place(CALL))
                .isInstanceOfSatisfying(
                        CallNotPlacedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VOICE_UNAVAILABLE));

        status = 201;
        delayMillis = 1_500;
        assertThatThrownBy(
                        () -> gateway(Optional.of("k"), Duration.ofMillis(200)).place(CALL))
                .isInstanceOfSatisfying(CallNotPlacedException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VOICE_UNAVAILABLE);
                    assertThat(e.getMessage()).contains("did not answer");
                });
    }

    @Test
    void without_a_key_a_line_or_a_reachable_vapi_nothing_is_sent() {
        assertThatThrownBy(
                        () -> gateway(Optional.empty(), Duration.ofSeconds(1)).place(CALL))
                .isInstanceOfSatisfying(
                        CallNotPlacedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VOICE_UNAVAILABLE));
        var noLine = new VoicePlatformGateway.OutboundCall(
                SALON,
                Language.ES,
                CALL.customer(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                List.of(),
                WeeklyHours.CLOSED,
                Optional.empty());
        assertThatThrownBy(() -> gateway().place(noLine))
                .isInstanceOfSatisfying(
                        CallNotPlacedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CALL_REJECTED));
        assertThat(seen.get()).as("nothing reached Vapi").isNull();

        vapi.stop(0);
        assertThatThrownBy(() -> gateway().place(CALL))
                .isInstanceOfSatisfying(
                        CallNotPlacedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VOICE_UNAVAILABLE));
    }

    @Test
    void a_line_is_ours_with_its_number_or_not_ours_at_all() {
        VapiPlatformGateway vapi = gateway();

        assertThat(vapi.knowsLines()).isTrue();
        assertThat(vapi.checkLine("line-of-lola"))
                .isEqualTo(VoicePlatformGateway.LineCheck.found(Optional.of("+34910000001")));
        assertThat(seen.get().getRequestHeaders().getFirst("Authorization")).isEqualTo("Bearer private-key");
        assertThat(vapi.checkLine("sip-line")).isEqualTo(VoicePlatformGateway.LineCheck.found(Optional.empty()));
        assertThat(vapi.checkLine("someone-elses")).isEqualTo(VoicePlatformGateway.LineCheck.unknown());
        assertThatThrownBy(() -> vapi.checkLine("broken"))
                .isInstanceOfSatisfying(
                        CallNotPlacedException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VOICE_UNAVAILABLE));
        assertThat(gateway(Optional.empty(), Duration.ofSeconds(1)).knowsLines())
                .isFalse();
    }
}
