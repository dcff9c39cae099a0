package com.voiceappoint.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A business's notification settings and delivery log over HTTP: role-checked, scoped to its business, validated. */
class NotificationsApiTest {
    @RegisterExtension
    static final TestServer server = new TestServer();

    private final ApiClient api = server.client();

    private ApiClient.Response patch(TestServer.Owner owner, String body) {
        return api.at("/api/v1/businesses/" + owner.businessId() + "/notification-settings")
                .token(owner.token())
                .raw("PATCH", body, "application/json");
    }

    @Test
    void the_defaults_until_the_owner_changes_them_and_only_what_is_named_changes() {
        TestServer.Owner owner = server.owner("notify-settings@example.com", "Aviso Uno");

        var fresh = api.at("/api/v1/businesses/" + owner.businessId() + "/notification-settings")
                .token(owner.token())
                .get();
        assertThat(fresh.status()).as(fresh.raw()).isEqualTo(200);
        assertThat(fresh.body().get("reminder_lead_minutes").toString()).isEqualTo("[1440,120]");
        assertThat(fresh.body().get("quiet_hours").get("from").asText()).isEqualTo("21:00");
        assertThat(fresh.body().get("channels").get("confirmed").toString()).isEqualTo("[\"email\",\"sms\"]");
        assertThat(fresh.body().get("channels").has("payment_request"))
                .as("the payment messages always go: they have no channels to set")
                .isFalse();

        var changed = patch(owner, """
                {"reminder_lead_minutes": [60], "quiet_hours": {"from": "", "until": ""},
                 "sender_name": "Peluquería Carmen", "phone": "+34 910 00 00 09", "reply_to": "hola@carmen.es",
                 "channels": {"confirmed": ["email"], "reminder": ["sms", "call"]}}""");
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.body().get("reminder_lead_minutes").toString()).isEqualTo("[60]");
        assertThat(changed.body().get("quiet_hours")).isNull();
        assertThat(changed.body().get("phone").asText()).isEqualTo("+34910000009");
        assertThat(changed.body().get("channels").get("reminder").toString()).isEqualTo("[\"sms\",\"call\"]");
        assertThat(changed.body().get("channels").get("moved").toString())
                .as("a message left out of the channels goes nowhere")
                .isEqualTo("[]");

        var cleared = patch(owner, "{\"sender_name\": \"\"}");
        assertThat(cleared.body().has("sender_name")).isFalse();
        assertThat(cleared.body().get("reply_to").asText()).as("left out, kept").isEqualTo("hola@carmen.es");
    }

    @Test
    void bad_settings_are_a_400_naming_the_field_in_the_callers_language_and_change_nothing() {
        TestServer.Owner owner = server.owner("notify-bad@example.com", "Aviso Dos");
        List<String> bad = List.of(
                "{\"reminder_lead_minutes\": [5]}",
                "{\"reminder_lead_minutes\": [60, 60]}",
                "{\"reminder_lead_minutes\": [60, 120, 180, 240]}",
                "{\"quiet_hours\": {\"from\": \"25:00\", \"until\": \"08:00\"}}",
                "{\"quiet_hours\": {\"from\": \"08:00\"}}",
                "{\"channels\": {\"staff_new_booking\": [\"sms\"]}}",
                "{\"channels\": {\"confirmed\": [\"call\"]}}",
                "{\"channels\": {\"confirmed\": [\"pigeon\"]}}",
                "{\"channels\": {\"birthday\": [\"email\"]}}",
                "{\"channels\": {\"payment_request\": [\"email\"]}}",
                "{\"reply_to\": \"not an address\"}",
                "{\"phone\": \"12\"}");
        List<String> fields = new ArrayList<>();
        for (String body : bad) {
            var refused = api.at("/api/v1/businesses/" + owner.businessId() + "/notification-settings")
                    .token(owner.token())
                    .header("Accept-Language", "es")
                    .raw("PATCH", body, "application/json");
            assertThat(refused.status()).as(body + " " + refused.raw()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            JsonNode field = refused.body().get("errors").get(0);
            fields.add(field.get("field").asText());
        }
        assertThat(fields)
                .containsExactly(
                        "reminder_lead_minutes",
                        "reminder_lead_minutes",
                        "reminder_lead_minutes",
                        "quiet_hours",
                        "quiet_hours",
                        "channels",
                        "channels",
                        "channels",
                        "channels",
                        "channels",
                        "reply_to",
                        "phone");
        var unchanged = api.at("/api/v1/businesses/" + owner.businessId() + "/notification-settings")
                .token(owner.token())
                .get();
        assertThat(unchanged.body().get("reminder_lead_minutes").toString()).isEqualTo("[1440,120]");
    }

    @Test
    void the_delivery_log_shows_a_booking_s_messages_to_its_business_only() {
        TestServer.Owner owner = server.owner("notify-log@example.com", "Aviso Tres");
        TestServer.Owner stranger = server.owner("notify-stranger@example.com", "Aviso Cuatro");
        var window = List.of(Map.of("opens", "09:00", "closes", "19:00"));
        api.at("/api/v1/businesses/" + owner.businessId() + "/hours/")
                .token(owner.token())
                .put(Map.of("hours", Map.of("wednesday", window)));
        String service = api.at("/api/v1/services/")
                .token(owner.token())
                .post(Map.of("business", owner.businessId(), "name", "Cut", "duration_minutes", 30, "price", "20.00"))
                .body()
                .get("id")
                .asText();
        var booked = api.at("/api/v1/appointments/")
                .token(owner.token())
                .post(Map.of(
                        "business",
                        owner.businessId(),
                        "service",
                        service,
                        "start",
                        "2026-11-25T10:00",
                        "client",
                        Map.of("name", "Carmen", "phone", "+34600111222", "email", "carmen@example.com")));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        String appointment = booked.body().get("id").asText();

        var log = api.at("/api/v1/notifications?business=" + owner.businessId() + "&appointment=" + appointment)
                .token(owner.token())
                .get();
        assertThat(log.status()).as(log.raw()).isEqualTo(200);
        List<String> messages = new ArrayList<>();
        log.body()
                .get("results")
                .forEach(entry -> messages.add(entry.get("message").asText() + " "
                        + entry.get("channel").asText() + " "
                        + entry.get("status").asText()));
        // booked from the dashboard's API on Monday for Wednesday 10:00: no staff alert, both reminders
        assertThat(messages)
                .containsExactlyInAnyOrder(
                        "confirmed email queued",
                        "confirmed sms queued",
                        "reminder email queued",
                        "reminder sms queued",
                        "reminder email queued",
                        "reminder sms queued",
                        "staff_new_booking email queued");

        assertThat(api.at("/api/v1/notifications?business=" + owner.businessId())
                        .token(stranger.token())
                        .get()
                        .status())
                .isEqualTo(404);
        assertThat(api.at("/api/v1/notifications?business=" + stranger.businessId() + "&appointment=" + appointment)
                        .token(stranger.token())
                        .get()
                        .body()
                        .get("results"))
                .isEmpty();
    }
}
