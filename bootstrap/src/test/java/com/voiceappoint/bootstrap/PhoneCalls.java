package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.voiceappoint.adapter.http.ApiClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Phone calls to the running server, as Vapi drives them: businesses on a line, and callers using the tools. */
final class PhoneCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LiveApi api;

    PhoneCalls(LiveApi api) {
        this.api = api;
    }

    /** A call from {@code caller} to the business on {@code line}, after the assistant request that opens it. */
    Call call(Line line, String caller) {
        return new Call(line, caller);
    }

    /** A business on the phone: registered, open on weekdays, one service, answering on the line of {@code number}. */
    record Line(LiveApi.Account owner, String number, String zone) {}

    Line open(String name, String zone, String currency, String language, String country, String number) {
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
    final class Call {
        private final String id = "call-" + System.nanoTime();
        private final Line line;
        private final String caller;
        private final Map<String, String> variables;
        private int turn;

        String id() {
            return id;
        }

        String caller() {
            return caller;
        }

        Map<String, String> variables() {
            return variables;
        }

        private Call(Line line, String caller) {
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

    private JsonNode webhook(JsonNode message) {
        ApiClient.Response response = api.at("/api/v1/vapi/webhook/")
                .header("x-vapi-secret", LiveApi.VAPI_SECRET)
                .raw("POST", message.toString(), "application/json");
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }
}
