package com.voiceappoint.adapter.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voiceappoint.application.error.CallNotPlacedException;
import com.voiceappoint.application.port.out.OutboundCallGateway;
import com.voiceappoint.domain.shared.ErrorCode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Places outbound calls through Vapi's REST API ({@code POST /call}) with the shared assistant (or the business's
 * own), from the business's line (or the server's default one), carrying the business in
 * {@code assistantOverrides.variableValues}: Vapi's spec has no call-level metadata, and the variables are what
 * routes the call's tool calls back to the business.
 */
public final class VapiCallGateway implements OutboundCallGateway {
    private static final Logger LOG = LoggerFactory.getLogger(VapiCallGateway.class);

    private final Api api;
    private final Clock clock;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();

    /**
     * @param url Vapi's API, {@code https://api.vapi.ai} in production
     * @param key the organisation's private key
     * @param line the phone-number id to call from when the business has none of its own
     */
    public record Api(
            String url, Optional<String> key, Optional<String> line, Optional<String> assistantId, Duration timeout) {}

    public VapiCallGateway(Api api, Clock clock) {
        this.api = api;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(api.timeout()).build();
    }

    @Override
    public PlacedCall place(OutboundCall call) {
        String key = api.key().orElseThrow(() -> unavailable("VAPI_API_KEY is not set"));
        String line = call.line().or(api::line).orElseThrow(() -> rejected("no line to call from"));
        String assistant =
                call.assistantId().or(api::assistantId).orElseThrow(() -> unavailable("VAPI_ASSISTANT_ID is not set"));
        ObjectNode body = json.createObjectNode().put("assistantId", assistant).put("phoneNumberId", line);
        ObjectNode customer =
                body.putObject("customer").put("number", call.customer().value());
        call.customerName().ifPresent(name -> customer.put("name", name));
        CallVariables.fill(
                body.putObject("assistantOverrides"),
                call.business(),
                new Speech(call.language(), call.business().zone()),
                clock,
                call.services(),
                call.hours(),
                call.greeting());
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.url().replaceAll("/+$", "") + "/call"))
                .timeout(api.timeout())
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw unavailable("Vapi did not answer within " + api.timeout().toSeconds() + " s");
        } catch (IOException e) {
            throw unavailable("Vapi could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while calling Vapi");
        }
        return placed(response);
    }

    private PlacedCall placed(HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode answer;
        try {
            answer = json.readTree(response.body() == null ? "" : response.body());
        } catch (IOException notJson) {
            answer = json.createObjectNode();
        }
        if (status >= 200 && status < 300 && answer.path("id").isTextual()) {
            return new PlacedCall(
                    answer.path("id").asText(), answer.path("status").asText("queued"));
        }
        String message = reason(answer, status);
        LOG.warn("Vapi refused an outbound call ({}): {}", status, message);
        // a 4xx is about this call (a bad number, an unknown line); anything else is Vapi's trouble
        throw status >= 400 && status < 500 && status != 429 ? rejected(message) : unavailable(message);
    }

    /** Vapi's reason: a message, a list of messages (strings or objects), or at least the status. */
    private static String reason(JsonNode answer, int status) {
        JsonNode message = answer.path("message");
        if (message.isArray()) {
            List<String> parts = new ArrayList<>();
            message.forEach(part -> parts.add(part.isTextual() ? part.asText() : part.toString()));
            return String.join("; ", parts);
        }
        return message.isValueNode() && !message.asText().isBlank()
                ? message.asText()
                : answer.path("error").asText("status " + status);
    }

    private static CallNotPlacedException rejected(String why) {
        return new CallNotPlacedException(ErrorCode.CALL_REJECTED, why);
    }

    private static CallNotPlacedException unavailable(String why) {
        return new CallNotPlacedException(ErrorCode.VOICE_UNAVAILABLE, why);
    }
}
