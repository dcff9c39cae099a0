package com.voiceappoint.adapter.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.application.port.in.VoiceUseCases;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.testkit.VoicePlatformContract;
import com.voiceappoint.testkit.VoicePlatformDriver;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/** The voice contract, spoken in Vapi's messages: each tool call is a {@code tool-calls} message to the webhook. */
class VapiVoiceContractTest extends VoicePlatformContract {
    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected OutboundPorts stores() {
        return InMemoryAdapters.create();
    }

    @Override
    protected VoicePlatformDriver driver(VoiceUseCases voice, Clock clock) {
        VapiWebhook webhook = new VapiWebhook(
                voice, VapiSettings.withSecret(VoiceDesk.SECRET, DEFAULT_LANGUAGE), clock, new SimpleMeterRegistry());
        return (callId, toNumber, callerNumber, kind, variables) -> (toolCallId, name, arguments) -> {
            ObjectNode body = json.createObjectNode();
            ObjectNode message = body.putObject("message").put("type", "tool-calls");
            ObjectNode item = message.putArray("toolCallList")
                    .addObject()
                    .put("id", toolCallId)
                    .put("type", "function");
            item.putObject("function").put("name", name).set("arguments", json.valueToTree(arguments));
            ObjectNode call = message.putObject("call").put("id", callId);
            switch (kind) {
                case PSTN -> call.put("type", "inboundPhoneCall").put("phoneCallTransport", "pstn");
                case SIP -> call.put("type", "inboundPhoneCall").put("phoneCallTransport", "sip");
                case WEB -> call.put("type", "webCall");
            }
            call.putObject("assistantOverrides").set("variableValues", json.valueToTree(variables));
            callerNumber.ifPresent(number -> message.putObject("customer").put("number", number));
            toNumber.ifPresent(number -> message.putObject("phoneNumber").put("number", number));
            VapiWebhook.Answer answer = webhook.handle(
                    body.toString().getBytes(StandardCharsets.UTF_8),
                    VoiceDesk.header(Map.of("x-vapi-secret", VoiceDesk.SECRET)));
            JsonNode result = read(answer.json()).path("results").path(0);
            return result.has("error")
                    ? new VoicePlatformDriver.Said(result.path("error").asText(), true)
                    : new VoicePlatformDriver.Said(result.path("result").asText(), false);
        };
    }

    private JsonNode read(String answer) {
        try {
            return json.readTree(answer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
