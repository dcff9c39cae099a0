package com.voiceappoint.benchmarks;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The businesses the load is spread over, made through the REST API as owners make them: a salon in Madrid open
 * 08:00–22:00 every day, {@value #STAFF} stylists, a 30-minute haircut, and a phone line taking voice bookings.
 * Many businesses, because the server limits each business's and each call's tool calls per minute.
 */
final class Tenants {
    static final int STAFF = 5;
    static final int SLOTS_PER_DAY = 28; // 08:00 to 22:00 in half hours

    record Tenant(
            String businessId, String serviceId, String token, String lineId, String number, List<String> staff) {}

    private Tenants() {}

    static List<Tenant> create(Api api, int count, String runId) {
        return create(api, 0, count, runId);
    }

    /**
     * Businesses numbered from {@code first}: each one's voice number and client address follow its number, so a
     * section that adds businesses to those already seeded starts past them.
     */
    static List<Tenant> create(Api api, int first, int count, String runId) {
        List<Tenant> tenants = new ArrayList<>(count);
        for (int i = first; i < first + count; i++) {
            tenants.add(business(api, i, runId));
            if ((i - first + 1) % 50 == 0) {
                System.out.printf("  %d businesses ready%n", i - first + 1);
            }
        }
        return tenants;
    }

    private static Tenant business(Api api, int i, String runId) {
        String address = "10.77.%d.%d".formatted(i / 250, i % 250 + 1);
        String email = "bench-%s-%d@example.com".formatted(runId, i);
        api.send(
                "POST",
                "/api/v1/auth/register/",
                Map.of(
                        "email", email,
                        "password", "s3cret-enough",
                        "full_name", "Owner " + i,
                        "business_name", "Bench Salon " + runId + " " + i,
                        "business_type", "salon",
                        "timezone", "Europe/Madrid",
                        "currency", "EUR",
                        "country", "ES"),
                null,
                address,
                201);
        String token = api.send(
                        "POST",
                        "/api/v1/auth/token/",
                        Map.of("email", email, "password", "s3cret-enough"),
                        null,
                        address,
                        200)
                .path("access")
                .asText();
        String business = api.send("GET", "/api/v1/auth/me/", null, token, address, 200)
                .path("memberships")
                .path(0)
                .path("business")
                .path("id")
                .asText();
        List<Map<String, String>> day = List.of(Map.of("opens", "08:00", "closes", "22:00"));
        Map<String, Object> week = Map.of(
                "monday", day,
                "tuesday", day,
                "wednesday", day,
                "thursday", day,
                "friday", day,
                "saturday", day,
                "sunday", day);
        api.send("PUT", "/api/v1/businesses/" + business + "/hours/", Map.of("hours", week), token, address, 200);
        List<String> staff = new ArrayList<>();
        for (JsonNode provider : api.send(
                        "GET", "/api/v1/businesses/" + business + "/staff/", null, token, address, 200)
                .path("results")) {
            staff.add(provider.path("id").asText());
        }
        while (staff.size() < STAFF) {
            staff.add(api.send(
                            "POST",
                            "/api/v1/businesses/" + business + "/staff/",
                            Map.of("display_name", "Stylist " + (staff.size() + 1)),
                            token,
                            address,
                            201)
                    .path("id")
                    .asText());
        }
        String service = api.send(
                        "POST",
                        "/api/v1/services/",
                        Map.of("business", business, "name", "Corte de pelo", "duration_minutes", 30, "price", "18.50"),
                        token,
                        address,
                        201)
                .path("id")
                .asText();
        String number = "+349100%05d".formatted(i);
        String line = "line-" + runId + "-" + i;
        api.send(
                "PATCH",
                "/api/v1/vapi/configs/" + business + "/",
                Map.of("line_ids", List.of(line), "numbers", List.of(number), "enabled", true),
                token,
                address,
                200);
        return new Tenant(business, service, token, line, number, List.copyOf(staff));
    }

    static void save(List<Tenant> tenants, Path file) throws IOException {
        Api.JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), tenants);
    }

    static List<Tenant> load(Path file) throws IOException {
        return Api.JSON.readValue(file.toFile(), new TypeReference<List<Tenant>>() {});
    }
}
