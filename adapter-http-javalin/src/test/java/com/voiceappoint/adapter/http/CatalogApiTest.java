package com.voiceappoint.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class CatalogApiTest {
    @RegisterExtension
    static final TestServer server = new TestServer();

    private final ApiClient api = server.client();

    @Test
    void services_are_grouped_changed_and_removed_or_deactivated() {
        TestServer.Owner owner = server.owner("catalog@example.com", "Catalog Salon");
        var hair = api.at("/api/v1/service-categories/")
                .token(owner.token())
                .post(Map.of("business", owner.businessId(), "name", "Hair"));
        assertThat(hair.status()).as(hair.raw()).isEqualTo(201);
        String category = hair.body().get("id").asText();

        var cut = api.at("/api/v1/services/")
                .token(owner.token())
                .post(Map.of(
                        "business",
                        owner.businessId(),
                        "name",
                        "Cut",
                        "duration_minutes",
                        30,
                        "price",
                        "20",
                        "category",
                        category));
        assertThat(cut.status()).as(cut.raw()).isEqualTo(201);
        String cutId = cut.body().get("id").asText();
        assertThat(cut.body().get("category").asText()).isEqualTo(category);

        var changed = api.at("/api/v1/services/" + cutId + "/")
                .token(owner.token())
                .raw(
                        "PATCH",
                        "{\"price\": \"22.50\", \"duration_minutes\": 40, \"category\": \"\"}",
                        "application/json");
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
        assertThat(changed.body().get("price").asText()).isEqualTo("22.50");
        assertThat(changed.body().get("duration_minutes").asInt()).isEqualTo(40);
        assertThat(changed.body().has("category")).isFalse();
        assertThat(api.at("/api/v1/services/" + cutId)
                        .token(owner.token())
                        .get()
                        .body()
                        .get("name")
                        .asText())
                .isEqualTo("Cut");

        assertThat(api.at("/api/v1/services/" + cutId)
                        .token(owner.token())
                        .delete()
                        .status())
                .isEqualTo(204);
        assertThat(api.at("/api/v1/services/" + cutId)
                        .token(owner.token())
                        .get()
                        .status())
                .isEqualTo(404);

        var renamed = api.at("/api/v1/service-categories/" + category)
                .token(owner.token())
                .raw("PATCH", "{\"name\": \"Hair & beard\"}", "application/json");
        assertThat(renamed.body().get("name").asText()).isEqualTo("Hair & beard");
        assertThat(api.at("/api/v1/service-categories?business=" + owner.businessId())
                        .token(owner.token())
                        .get()
                        .body()
                        .get("results"))
                .hasSize(1);
        assertThat(api.at("/api/v1/service-categories/" + category)
                        .token(owner.token())
                        .delete()
                        .status())
                .isEqualTo(204);
    }

    @Test
    void a_service_with_appointments_is_deactivated_not_deleted() {
        TestServer.Owner owner = server.owner("keep@example.com", "Keep Salon");
        api.at("/api/v1/businesses/" + owner.businessId() + "/hours")
                .token(owner.token())
                .put(Map.of("hours", Map.of("tuesday", List.of(Map.of("opens", "09:00", "closes", "13:00")))));
        String service = api.at("/api/v1/services")
                .token(owner.token())
                .post(Map.of("business", owner.businessId(), "name", "Cut", "duration_minutes", 30, "price", 20))
                .body()
                .get("id")
                .asText();
        api.at("/api/v1/appointments")
                .token(owner.token())
                .post(Map.of(
                        "business",
                        owner.businessId(),
                        "service",
                        service,
                        "start",
                        "2026-11-24T10:00",
                        "client",
                        Map.of("name", "Carmen", "phone", "+34600123123")));

        var removed = api.at("/api/v1/services/" + service).token(owner.token()).delete();

        assertThat(removed.status()).isEqualTo(200);
        assertThat(removed.body().get("active").asBoolean()).isFalse();
        assertThat(api.at("/api/v1/services?business=" + owner.businessId())
                        .token(owner.token())
                        .get()
                        .body()
                        .get("results"))
                .isEmpty();
        assertThat(api.at("/api/v1/services?business=" + owner.businessId() + "&include_inactive=true")
                        .token(owner.token())
                        .get()
                        .body()
                        .get("results"))
                .hasSize(1);
    }

    @Test
    void lists_page_with_limit_and_cursor() {
        TestServer.Owner owner = server.owner("pages@example.com", "Pages Salon");
        for (String name : List.of("A", "B", "C", "D", "E")) {
            api.at("/api/v1/services")
                    .token(owner.token())
                    .post(Map.of("business", owner.businessId(), "name", name, "duration_minutes", 30, "price", 1));
        }
        String base = "/api/v1/services?business=" + owner.businessId() + "&limit=2";

        var first = api.at(base).token(owner.token()).get();
        var second = api.at(base + "&cursor=" + first.body().get("next_cursor").asText())
                .token(owner.token())
                .get();
        var third = api.at(base + "&cursor=" + second.body().get("next_cursor").asText())
                .token(owner.token())
                .get();

        assertThat(first.body().get("results").findValuesAsText("name")).containsExactly("A", "B");
        assertThat(second.body().get("results").findValuesAsText("name")).containsExactly("C", "D");
        assertThat(third.body().get("results").findValuesAsText("name")).containsExactly("E");
        assertThat(third.body().get("next_cursor").isNull()).isTrue();
        assertThat(api.at(base + "&cursor=garbage!").token(owner.token()).get().status())
                .isEqualTo(400);
        assertThat(api.at(base.replace("limit=2", "limit=0"))
                        .token(owner.token())
                        .get()
                        .status())
                .isEqualTo(400);
    }
}
