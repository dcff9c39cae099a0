package com.voiceappoint.benchmarks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.voiceappoint.benchmarks.Tenants.Tenant;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One kind of request the load repeats, the i-th of which is built by {@link #request}. Bookings each take a time
 * no other request of the run takes, so they measure booking, not refusing; availability asks a random business
 * about a random day of the next fortnight, whose diary the bookings keep filling.
 */
enum Scenario {
    VAPI_AVAILABILITY("vapi_tool_calls_seconds", "tool=\"check_service_availability\""),
    VAPI_BOOKING("vapi_tool_calls_seconds", "tool=\"book_appointment\""),
    REST_AVAILABILITY("http_server_requests_seconds", "route=\"/api/v1/appointments/availability\""),
    REST_BOOKING("http_server_requests_seconds", "method=\"POST\",route=\"/api/v1/appointments\"");

    /** The server-side timer and the labels that pick this scenario's series out of it. */
    final String serverTimer;

    final String serverLabels;

    Scenario(String serverTimer, String serverLabels) {
        this.serverTimer = serverTimer;
        this.serverLabels = serverLabels;
    }

    static final String ENVELOPE = envelopeTemplate();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** How a tool call's spoken answer names the appointment it booked, in every language it speaks. */
    private static final Pattern APPOINTMENT_ID =
            Pattern.compile("appointment_id ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    /** A request of the load, and the business it is for. */
    record Request(HttpRequest http, Tenant tenant) {}

    /** Two days ahead: every booking is tomorrow or later in Madrid, well past the minimum notice. */
    static LocalDate firstDay() {
        return LocalDate.now(ZoneOffset.UTC).plusDays(2);
    }

    boolean books() {
        return this == VAPI_BOOKING || this == REST_BOOKING;
    }

    /**
     * The appointment a booking's answer says it made: the REST API answers it, a tool call says its id to the
     * assistant. Empty for answers that booked nothing and for scenarios that do not book.
     */
    Optional<String> appointmentBooked(int status, String body) {
        if (this == REST_BOOKING && status == 201) {
            try {
                return Optional.of(Api.JSON.readTree(body).path("id").asText());
            } catch (IOException unreadable) {
                return Optional.empty();
            }
        }
        if (this == VAPI_BOOKING && status == 200) {
            Matcher said = APPOINTMENT_ID.matcher(body);
            return said.find() ? Optional.of(said.group(1)) : Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * @param slots the next free (business, time) of the whole benchmark: bookings never reuse one, across runs
     */
    Request request(String base, String vapiSecret, List<Tenant> tenants, AtomicLong slots) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String caller = "+3466%07d".formatted(random.nextInt(10_000_000));
        if (!books()) {
            Tenant tenant = tenants.get(random.nextInt(tenants.size()));
            String day = firstDay().plusDays(random.nextInt(14)).toString();
            if (this == VAPI_AVAILABILITY) {
                return new Request(
                        toolCall(
                                base,
                                vapiSecret,
                                tenant,
                                caller,
                                "check_service_availability",
                                "{\"service_id\":\"%s\",\"date\":\"%s\"}".formatted(tenant.serviceId(), day)),
                        tenant);
            }
            return new Request(
                    HttpRequest.newBuilder(
                                    URI.create("%s/api/v1/appointments/availability/?business=%s&service=%s&date=%s"
                                            .formatted(base, tenant.businessId(), tenant.serviceId(), day)))
                            .timeout(TIMEOUT)
                            .header("Authorization", "Bearer " + tenant.token())
                            .build(),
                    tenant);
        }
        long slot = slots.getAndIncrement();
        Tenant tenant = tenants.get((int) (slot % tenants.size()));
        long ofTenant = slot / tenants.size(); // each time is taken once per stylist, "whoever is free"
        long time = ofTenant / Tenants.STAFF;
        String start = firstDay()
                        .plusDays(time / Tenants.SLOTS_PER_DAY)
                        .atTime(LocalTime.of(8, 0).plusMinutes(30 * (time % Tenants.SLOTS_PER_DAY)))
                + "";
        if (this == VAPI_BOOKING) {
            return new Request(
                    toolCall(
                            base,
                            vapiSecret,
                            tenant,
                            caller,
                            "book_appointment",
                            "{\"service_id\":\"%s\",\"start\":\"%s\",\"client_name\":\"Carmen %d\"}"
                                    .formatted(tenant.serviceId(), start, slot)),
                    tenant);
        }
        return new Request(
                HttpRequest.newBuilder(URI.create(base + "/api/v1/appointments/"))
                        .timeout(TIMEOUT)
                        .header("Authorization", "Bearer " + tenant.token())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"business\":\"%s\",\"service\":\"%s\",\"start\":\"%s\",\"client\":{\"name\":\"Carmen %d\",\"phone\":\"%s\"}}"
                                        .formatted(tenant.businessId(), tenant.serviceId(), start, slot, caller)))
                        .build(),
                tenant);
    }

    /** A real Vapi tool-calls envelope (12 KB, with the call's artifact) for one tool call on a business's line. */
    private static HttpRequest toolCall(
            String base, String secret, Tenant tenant, String caller, String tool, String arguments) {
        String call = "bench-call-" + ThreadLocalRandom.current().nextLong(Long.MAX_VALUE);
        String body = ENVELOPE.replace("__CALL_ID__", call)
                .replace("__TOOL_CALL_ID__", "tool-" + call)
                .replace("__LINE_ID__", tenant.lineId())
                .replace("__LINE_NUMBER__", tenant.number())
                .replace("__CALLER__", caller)
                .replace("__TOOL__", tool)
                .replace("\"__ARGUMENTS__\"", arguments);
        return HttpRequest.newBuilder(URI.create(base + "/api/v1/vapi/webhook/"))
                .timeout(TIMEOUT)
                .header("x-vapi-secret", secret)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    /** The captured envelope with placeholders where each request differs. */
    private static String envelopeTemplate() {
        try (InputStream in = Scenario.class.getResourceAsStream("/vapi-tool-calls-envelope.json")) {
            ObjectNode root = (ObjectNode) Api.JSON.readTree(in);
            ObjectNode message = (ObjectNode) root.path("message");
            ObjectNode call = (ObjectNode) message.path("call");
            call.put("id", "__CALL_ID__").put("phoneNumberId", "__LINE_ID__");
            ((ObjectNode) call.path("customer")).put("number", "__CALLER__");
            ((ObjectNode) message.path("customer")).put("number", "__CALLER__");
            ((ObjectNode) message.path("phoneNumber")).put("id", "__LINE_ID__").put("number", "__LINE_NUMBER__");
            // Vapi gives every tool call its own id, and the booking tool makes it the idempotency key
            for (String list : List.of("toolCalls", "toolCallList")) {
                ((ObjectNode) message.path(list).path(0)).put("id", "__TOOL_CALL_ID__");
                ObjectNode function = (ObjectNode) message.path(list).path(0).path("function");
                function.put("name", "__TOOL__").set("arguments", TextNode.valueOf("__ARGUMENTS__"));
            }
            ObjectNode withList =
                    (ObjectNode) message.path("toolWithToolCallList").path(0);
            ((ObjectNode) withList.path("function")).put("name", "__TOOL__");
            ((ObjectNode) withList.path("toolCall")).put("id", "__TOOL_CALL_ID__");
            ((ObjectNode) withList.path("toolCall").path("function"))
                    .put("name", "__TOOL__")
                    .set("arguments", TextNode.valueOf("__ARGUMENTS__"));
            return Api.JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
