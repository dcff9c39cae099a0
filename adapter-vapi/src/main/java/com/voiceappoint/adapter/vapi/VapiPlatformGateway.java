package com.voiceappoint.adapter.vapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voiceappoint.application.error.CallNotPlacedException;
import com.voiceappoint.application.port.out.VoicePlatformGateway;
import com.voiceappoint.application.voice.CallVariables;
import com.voiceappoint.application.voice.Speech;
import com.voiceappoint.domain.shared.ErrorCode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vapi's REST API as the voice platform. Outbound calls ({@code POST /call}) go with the shared assistant (or the
 * business's own), from the business's line (or the server's default one), carrying the business in
 * {@code assistantOverrides.variableValues}: Vapi's spec has no call-level metadata, and the variables are what
 * routes the call's tool calls back to the business. Lines ({@code GET /phone-number/{id}}) are checked to be our
 * organisation's before a business may answer on them.
 */
public final class VapiPlatformGateway implements VoicePlatformGateway {
    private static final Logger LOG = LoggerFactory.getLogger(VapiPlatformGateway.class);

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

    public VapiPlatformGateway(Api api, Clock clock) {
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
        ObjectNode overrides = body.putObject("assistantOverrides");
        call.greeting().ifPresent(words -> overrides.put("firstMessage", words));
        ObjectNode variables = overrides.putObject("variableValues");
        CallVariables.of(
                        call.business(),
                        new Speech(call.language(), call.business().zone()),
                        clock.instant(),
                        call.services(),
                        call.hours())
                .forEach(variables::put);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base() + "/call"))
                .timeout(api.timeout())
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        return placed(send(request));
    }

    private String base() {
        return api.url().replaceAll("/+$", "");
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw unavailable("Vapi did not answer within " + api.timeout().toSeconds() + " s");
        } catch (IOException e) {
            throw unavailable("Vapi could not be reached: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("interrupted while calling Vapi");
        }
    }

    private JsonNode read(String body) {
        try {
            JsonNode read = json.readTree(body == null ? "" : body);
            return read == null ? json.createObjectNode() : read;
        } catch (IOException notJson) {
            return json.createObjectNode();
        }
    }

    private PlacedCall placed(HttpResponse<String> response) {
        int status = response.statusCode();
        JsonNode answer = read(response.body());
        if (status >= 200 && status < 300 && answer.path("id").isTextual()) {
            return new PlacedCall(
                    answer.path("id").asText(), answer.path("status").asText("queued"));
        }
        String message = reason(answer, status);
        LOG.warn("Vapi refused an outbound call ({}): {}", status, message);
        // a 4xx is about this call (a bad number, an unknown line); anything else is Vapi's trouble
        throw status >= 400 && status < 500 && status != 429 ? rejected(message) : unavailable(message);
    }

    @Override
    public boolean knowsLines() {
        return api.key().isPresent();
    }

    /** {@code GET /phone-number/{id}}: one of our organisation's lines, with its number, or not ours at all. */
    @Override
    public LineCheck checkLine(String lineId) {
        String key = api.key().orElseThrow(() -> unavailable("VAPI_API_KEY is not set"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(
                        base() + "/phone-number/" + URLEncoder.encode(lineId.strip(), StandardCharsets.UTF_8)))
                .timeout(api.timeout())
                .header("Authorization", "Bearer " + key)
                .GET()
                .build();
        HttpResponse<String> response = send(request);
        int status = response.statusCode();
        if (status == 404 || status == 400) {
            return LineCheck.unknown();
        }
        if (status != 200) {
            throw unavailable("Vapi answered " + status + " about line " + lineId);
        }
        JsonNode line = read(response.body());
        return LineCheck.found(Optional.of(line.path("number").asText("")).filter(n -> !n.isBlank()));
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
