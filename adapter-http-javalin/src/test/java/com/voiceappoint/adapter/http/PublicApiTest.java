package com.voiceappoint.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The public page, web booking and the manage link, with no account. The clock says Monday 09:00 in Madrid. */
class PublicApiTest {
    @RegisterExtension
    static final TestServer server = new TestServer();

    private static TestServer.Owner owner;
    private static String serviceId;
    private final ApiClient api = server.client();

    @BeforeAll
    static void openTheSalon() {
        ApiClient api = server.client();
        owner = server.owner("public@example.com", "Salón Público");
        var window = List.of(Map.of("opens", "09:00", "closes", "18:00"));
        api.at("/api/v1/businesses/" + owner.businessId() + "/hours/")
                .token(owner.token())
                .put(Map.of("hours", Map.of("tuesday", window, "wednesday", window)));
        serviceId = api.at("/api/v1/services/")
                .token(owner.token())
                .post(Map.of("business", owner.businessId(), "name", "Cut", "duration_minutes", 30, "price", "20.00"))
                .body()
                .get("id")
                .asText();
        String retired = api.at("/api/v1/services/")
                .token(owner.token())
                .post(Map.of("business", owner.businessId(), "name", "Perm", "duration_minutes", 90, "price", "60"))
                .body()
                .get("id")
                .asText();
        api.at("/api/v1/services/" + retired)
                .token(owner.token())
                .raw("PATCH", "{\"active\": false}", "application/json");
    }

    private ApiClient.Response book(String start, String phone, String key) {
        var call = api.at("/api/v1/public/businesses/salon-publico/appointments");
        if (key != null) {
            call.header("Idempotency-Key", key);
        }
        return call.post(
                Map.of("service", serviceId, "start", start, "client", Map.of("name", "Carmen", "phone", phone)));
    }

    private ApiClient.Response manage(String token, String action, Map<String, Object> body) {
        return api.at("/api/v1/public/appointments/" + token + "/" + action).post(body);
    }

    @Test
    void the_page_shows_active_services_hours_staff_and_policy_without_an_account() {
        var page = api.at("/api/v1/public/businesses/salon-publico").get();

        assertThat(page.status()).as(page.raw()).isEqualTo(200);
        JsonNode body = page.body();
        assertThat(body.get("name").asText()).isEqualTo("Salón Público");
        assertThat(body.get("services")).extracting(s -> s.get("name").asText()).containsExactly("Cut");
        assertThat(body.get("services").get(0).get("price").asText()).isEqualTo("20.00");
        assertThat(body.get("hours").get("tuesday").get(0).get("opens").asText())
                .isEqualTo("09:00");
        assertThat(body.get("staff").get(0).get("name").asText()).isEqualTo("Lola Pérez");
        assertThat(body.get("policy").get("cancellation_cutoff_minutes").asLong())
                .isEqualTo(1440);
        assertThat(body.has("id"))
                .as("internal ids of the business stay internal")
                .isFalse();

        var unknown = api.at("/api/v1/public/businesses/nobody-here")
                .header("Accept-Language", "en")
                .get();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
    }

    @Test
    void free_times_are_public() {
        var slots = api.at("/api/v1/public/businesses/salon-publico/availability?service=" + serviceId
                        + "&date=2026-11-25")
                .get();

        assertThat(slots.status()).as(slots.raw()).isEqualTo(200);
        assertThat(slots.body().get("slots").get(0).get("start").asText()).isEqualTo("2026-11-25T09:00:00+01:00");
    }

    @Test
    void a_web_booking_returns_a_manage_token_that_moves_and_cancels_it() {
        var booked = book("2026-11-24T10:00", "+34 600 11 22 33", null);

        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        String token = booked.body().get("manage_token").asText();
        assertThat(booked.body().has("client"))
                .as("nothing about the client is echoed")
                .isFalse();
        assertThat(booked.body().get("changeable_until").asText()).isEqualTo("2026-11-23T10:00:00+01:00");
        var calendar = api.at("/api/v1/appointments?business=" + owner.businessId() + "&from=2026-11-24&to=2026-11-24")
                .token(owner.token())
                .get();
        assertThat(calendar.body().get("results")).anySatisfy(a -> {
            assertThat(a.get("source").asText()).isEqualTo("web");
            assertThat(a.get("client").get("phone").asText()).isEqualTo("+34600112233");
        });

        var seen = api.at("/api/v1/public/appointments/" + token).get();
        assertThat(seen.body().get("business").get("name").asText()).isEqualTo("Salón Público");
        assertThat(seen.body().has("manage_token")).isFalse();

        var moved = manage(token, "reschedule", Map.of("start", "2026-11-24T12:00"));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.body().get("id")).isEqualTo(booked.body().get("id"));
        assertThat(moved.body().get("start").asText()).isEqualTo("2026-11-24T12:00:00+01:00");

        var cancelled = manage(token, "cancel", Map.of("reason", "ill"));
        assertThat(cancelled.body().get("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.body().get("cancellation").get("by").asText()).isEqualTo("client");
        assertThat(manage(token, "cancel", Map.of()).body().get("code").asText())
                .isEqualTo("INVALID_STATE_TRANSITION");
    }

    @Test
    void wrong_tokens_are_not_found_and_a_repeat_without_the_key_is_a_taken_time() {
        for (String wrong : List.of("x", "A".repeat(43), "%2e%2e", "x".repeat(300))) {
            var response = api.at("/api/v1/public/appointments/" + wrong).get();
            assertThat(response.status()).as(wrong).isEqualTo(404);
        }

        var first = book("2026-11-24T15:00", "+34600998877", "web-key-1");
        // anyone who knows the number could send this: it learns nothing of that client's appointment
        var guessed = book("2026-11-24T15:00", "+34600998877", null);
        assertThat(guessed.status()).isEqualTo(409);
        assertThat(guessed.body().get("code").asText()).isEqualTo("SLOT_TAKEN");
        assertThat(guessed.body().toString())
                .doesNotContain(first.body().get("id").asText())
                .doesNotContain("manage");
        var retried = book("2026-11-24T15:00", "+34600998877", "web-key-1");
        assertThat(retried.body().get("id")).isEqualTo(first.body().get("id"));
        assertThat(retried.body().get("manage_token").asText())
                .isNotEqualTo(first.body().get("manage_token").asText());
    }

    @Test
    void a_bad_public_booking_is_a_problem_and_books_nothing() {
        var noContact = api.at("/api/v1/public/businesses/salon-publico/appointments")
                .post(Map.of("service", serviceId, "start", "2026-11-24T16:00", "client", Map.of("name", "Anon")));
        assertThat(noContact.status()).isEqualTo(400);
        var badPhone = book("2026-11-24T16:00", "12", null);
        assertThat(badPhone.status()).isEqualTo(400);
        var past = book("2026-11-20T16:00", "+34600111999", null);
        assertThat(past.body().get("code").asText()).isEqualTo("IN_THE_PAST");

        var calendar = api.at("/api/v1/appointments?business=" + owner.businessId() + "&from=2026-11-24&to=2026-11-24")
                .token(owner.token())
                .get();
        assertThat(calendar.body().get("results"))
                .noneSatisfy(a -> assertThat(a.get("start").asText()).isEqualTo("2026-11-24T16:00:00+01:00"));
    }
}
