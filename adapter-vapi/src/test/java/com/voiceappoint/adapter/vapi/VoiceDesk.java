package com.voiceappoint.adapter.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.in.VoiceUseCases;
import com.voiceappoint.application.port.out.AllowanceStore;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.usecase.Interactors;
import com.voiceappoint.application.usecase.VoiceInteractors;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.testkit.VoiceTenant;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The webhook over the in-memory application, with two businesses on the phone: Peluquería Lola in Madrid (Spanish,
 * dialled on +34910000001) and Bob's Barbers in London (English, +442071234567). The clock says Monday 23 November
 * 2026, 09:00 in Madrid.
 */
final class VoiceDesk {
    static final String SECRET = "a-vapi-secret-for-tests";
    static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
    static final String LOLA_NUMBER = "+34910000001";
    static final String BOB_NUMBER = "+442071234567";
    static final String CARMEN = "+34600111222";
    static final String SHARED_ASSISTANT = "shared-assistant-id";
    static final VapiSettings SETTINGS = new VapiSettings(
            Optional.of(SECRET),
            "authorization",
            Optional.empty(),
            "x-signature",
            "x-timestamp",
            Duration.ofMinutes(5),
            Optional.of(SHARED_ASSISTANT),
            Language.ES);

    final ObjectMapper json = new ObjectMapper();
    final OutboundPorts ports = InMemoryAdapters.create();
    final Clock clock;
    final UseCases app;
    final VapiWebhook webhook;
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final Business lola;
    final Business bob;

    record Business(BusinessId id, String slug, Actor owner, String cut) {}

    VoiceDesk() {
        this(NOW);
    }

    VoiceDesk(Instant now) {
        this(now, UnaryOperator.identity());
    }

    /** @param wiring the stores as the application sees them: the desk's own, or some of them broken by a test */
    VoiceDesk(Instant now, UnaryOperator<OutboundPorts> wiring) {
        clock = Clock.fixed(now, ZoneOffset.UTC);
        app = Interactors.create(wiring.apply(ports), clock);
        webhook = webhook(app, SETTINGS, AllowanceStore.UNLIMITED, clock, metrics);
        lola = open("lola@example.com", "Peluquería Lola", "Europe/Madrid", "EUR", "es", LOLA_NUMBER, "Corte de pelo");
        bob = open("bob@example.com", "Bob's Barbers", "Europe/London", "GBP", "en", BOB_NUMBER, "Haircut");
    }

    private Business open(
            String email, String name, String zone, String currency, String language, String number, String cut) {
        VoiceTenant opened = VoiceTenant.open(app, email, name, zone, currency, language, number, cut);
        return new Business(opened.id(), opened.slug(), opened.owner(), opened.cut());
    }

    /** The webhook on the application's voice ports, counting tool calls and code tries with {@code allowances}. */
    static VapiWebhook webhook(
            UseCases app, VapiSettings settings, AllowanceStore allowances, Clock clock, MeterRegistry metrics) {
        return new VapiWebhook(voice(app, settings, allowances, clock), settings, clock, metrics);
    }

    static VoiceUseCases voice(UseCases app, VapiSettings settings, AllowanceStore allowances, Clock clock) {
        return VoiceInteractors.create(app, allowances, settings.defaultLanguage(), clock);
    }

    /** Sends a body with the shared secret and reads the answer. */
    VapiWebhook.Answer send(String body) {
        return webhook.handle(body.getBytes(StandardCharsets.UTF_8), header(Map.of("x-vapi-secret", SECRET)));
    }

    static java.util.function.Function<String, Optional<String>> header(Map<String, String> headers) {
        return name -> Optional.ofNullable(headers.get(name));
    }

    JsonNode read(VapiWebhook.Answer answer) {
        try {
            return json.readTree(answer.json());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A tool-calls message as Vapi sends it today, for a call on a number, from a caller. */
    String toolCalls(String dialled, Optional<String> caller, Map<String, String> variables, ToolRequest... calls) {
        ObjectNode message = json.createObjectNode();
        ObjectNode m = message.putObject("message").put("type", "tool-calls").put("timestamp", NOW.toEpochMilli());
        ArrayNode list = m.putArray("toolCallList");
        for (ToolRequest call : calls) {
            ObjectNode item = list.addObject().put("id", call.id()).put("type", "function");
            item.putObject("function").put("name", call.name()).set("arguments", json.valueToTree(call.arguments()));
        }
        ObjectNode callNode = m.putObject("call")
                .put("id", "call-1")
                .put("type", "inboundPhoneCall")
                .put("phoneCallTransport", "pstn");
        callNode.putObject("assistantOverrides").set("variableValues", json.valueToTree(variables));
        caller.ifPresent(number -> {
            m.putObject("customer").put("number", number);
            callNode.putObject("customer").put("number", number);
        });
        m.putObject("phoneNumber").put("number", dialled).put("id", "line-" + dialled);
        return message.toString();
    }

    record ToolRequest(String id, String name, Map<String, ?> arguments) {}

    /** One tool call on Lola's number from Carmen's phone; answers the result or error text. */
    JsonNode call(String dialled, String name, Map<String, ?> arguments) {
        var answer = send(toolCalls(
                dialled, Optional.of(CARMEN), Map.of(), new ToolRequest("tc-" + System.nanoTime(), name, arguments)));
        return read(answer).path("results").path(0);
    }
}
