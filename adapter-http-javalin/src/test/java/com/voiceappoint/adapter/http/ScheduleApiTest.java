package com.voiceappoint.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Staff, their hours, closures and time off, over HTTP, and what they do to free slots. Clock: Monday 09:00. */
class ScheduleApiTest {
    @RegisterExtension
    static final TestServer server = new TestServer();

    private static TestServer.Owner owner;
    private static String base;
    private static String service;
    private final ApiClient api = server.client();

    @BeforeAll
    static void openTheStudio() {
        ApiClient api = server.client();
        owner = server.owner("studio@example.com", "Studio");
        base = "/api/v1/businesses/" + owner.businessId();
        var day = List.of(Map.of("opens", "09:00", "closes", "13:00"));
        api.at(base + "/hours").token(owner.token()).put(Map.of("hours", Map.of("tuesday", day, "wednesday", day)));
        service = api.at("/api/v1/services")
                .token(owner.token())
                .post(Map.of("business", owner.businessId(), "name", "Class", "duration_minutes", 60, "price", 10))
                .body()
                .get("id")
                .asText();
    }

    private List<String> providersFreeAt(String date, String time) {
        var slots = api.at("/api/v1/appointments/availability?business=" + owner.businessId() + "&service=" + service
                        + "&date=" + date)
                .token(owner.token())
                .get()
                .body()
                .get("slots");
        for (var slot : slots) {
            if (slot.get("start").asText().startsWith(date + "T" + time)) {
                return slot.get("providers").findValuesAsText("name");
            }
        }
        return List.of();
    }

    @Test
    void staff_are_added_given_hours_time_off_and_days_off_and_slots_follow() {
        var bea = api.at(base + "/staff/").token(owner.token()).post(Map.of("display_name", "Bea"));
        assertThat(bea.status()).as(bea.raw()).isEqualTo(201);
        String beaId = bea.body().get("id").asText();
        assertThat(providersFreeAt("2026-11-24", "10:00")).containsExactlyInAnyOrder("Lola Pérez", "Bea");

        var hours = api.at(base + "/staff/" + beaId + "/hours/")
                .token(owner.token())
                .put(Map.of("hours", Map.of("tuesday", List.of(Map.of("opens", "11:00", "closes", "13:00")))));
        assertThat(hours.status()).as(hours.raw()).isEqualTo(200);
        assertThat(hours.body().get("hours").get("tuesday").get(0).get("opens").asText())
                .isEqualTo("11:00");
        assertThat(providersFreeAt("2026-11-24", "10:00")).containsExactly("Lola Pérez");
        assertThat(providersFreeAt("2026-11-24", "11:00")).contains("Bea");

        var away = api.at(base + "/staff/" + beaId + "/time-off/")
                .token(owner.token())
                .post(Map.of("from", "2026-11-24T11:00", "to", "2026-11-24T12:00", "reason", "dentist"));
        assertThat(away.status()).as(away.raw()).isEqualTo(201);
        assertThat(providersFreeAt("2026-11-24", "11:00")).containsExactly("Lola Pérez");
        var listed = api.at(base + "/time-off?from=2026-11-24&to=2026-11-24")
                .token(owner.token())
                .get();
        assertThat(listed.body().get("results").get(0).get("reason").asText()).isEqualTo("dentist");
        String timeOff = away.body().get("id").asText();
        assertThat(api.at(base + "/time-off/" + timeOff + "/")
                        .token(owner.token())
                        .delete()
                        .status())
                .isEqualTo(204);
        assertThat(providersFreeAt("2026-11-24", "11:00")).contains("Bea");

        var dayOff = api.at(base + "/staff/" + beaId + "/special-days/2026-11-24/")
                .token(owner.token())
                .put(Map.of("reason", "holiday"));
        assertThat(dayOff.body().get("closed").asBoolean()).isTrue();
        assertThat(providersFreeAt("2026-11-24", "11:00")).containsExactly("Lola Pérez");

        var backToBusinessHours =
                api.at(base + "/staff/" + beaId + "/hours").token(owner.token()).put(Map.of());
        assertThat(backToBusinessHours.body().has("hours")).isFalse();
        var inactive = api.at(base + "/staff/" + beaId)
                .token(owner.token())
                .raw("PATCH", "{\"active\": false}", "application/json");
        assertThat(inactive.body().get("active").asBoolean()).isFalse();
        assertThat(providersFreeAt("2026-11-25", "10:00")).containsExactly("Lola Pérez");
    }

    @Test
    void a_business_closure_and_special_hours_replace_the_week() {
        var closed =
                api.at(base + "/special-days/2026-12-08/").token(owner.token()).put(Map.of("reason", "holiday"));
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        var shortDay = api.at(base + "/special-days/2026-12-09")
                .token(owner.token())
                .put(Map.of("windows", List.of(Map.of("opens", "09:00", "closes", "10:00"))));
        assertThat(shortDay.body().get("closed").asBoolean()).isFalse();

        var listed = api.at(base + "/special-days?from=2026-12-01&to=2026-12-31")
                .token(owner.token())
                .get();
        assertThat(listed.body().get("results").findValuesAsText("date")).contains("2026-12-08", "2026-12-09");
        assertThat(providersFreeAt("2026-12-08", "09:00")).isEmpty();
        assertThat(providersFreeAt("2026-12-09", "09:00")).isNotEmpty();

        assertThat(api.at(base + "/special-days/2026-12-08")
                        .token(owner.token())
                        .delete()
                        .status())
                .isEqualTo(204);
        assertThat(api.at(base + "/special-days/2026-12-08")
                        .token(owner.token())
                        .delete()
                        .status())
                .isEqualTo(404);
        assertThat(api.at(base + "/special-days/not-a-date")
                        .token(owner.token())
                        .put(Map.of())
                        .status())
                .isEqualTo(400);
    }
}
