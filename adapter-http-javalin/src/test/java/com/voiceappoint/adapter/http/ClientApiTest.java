package com.voiceappoint.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ClientApiTest {
    @RegisterExtension
    static final TestServer server = new TestServer();

    private static String token;
    private static String business;
    private final ApiClient api = server.client();

    @BeforeAll
    static void aSpanishSalon() {
        ApiClient api = server.client();
        var registered = api.at("/api/v1/auth/register")
                .post(Map.of(
                        "email",
                        "clients@example.com",
                        "password",
                        "s3cret-enough",
                        "business_name",
                        "Clientes",
                        "business_type",
                        "salon",
                        "timezone",
                        "Europe/Madrid",
                        "currency",
                        "EUR",
                        "country",
                        "ES"));
        business = registered.body().get("business_id").asText();
        token = api.at("/api/v1/auth/token")
                .post(Map.of("email", "clients@example.com", "password", "s3cret-enough"))
                .body()
                .get("access")
                .asText();
    }

    private ApiClient.Response create(Map<String, Object> body) {
        return api.at("/api/v1/clients/").token(token).post(body);
    }

    @Test
    void local_numbers_are_read_in_the_business_country_and_stored_in_e164() {
        var carmen = create(Map.of("business", business, "name", "Carmen Ruiz", "phone", "600 12 34 56"));
        var foreign = create(Map.of("business", business, "name", "Joe", "phone", "+1 (415) 555-0132"));

        assertThat(carmen.status()).as(carmen.raw()).isEqualTo(201);
        assertThat(carmen.body().get("phone").asText()).isEqualTo("+34600123456");
        assertThat(foreign.body().get("phone").asText()).isEqualTo("+14155550132");
        var bad = create(Map.of("business", business, "name", "Nobody", "phone", "12"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().get("errors").get(0).get("field").asText()).isEqualTo("phone");
    }

    @Test
    void a_contact_belongs_to_one_client() {
        create(Map.of("business", business, "name", "Uno", "phone", "611 22 33 44"));

        var again = create(Map.of("business", business, "name", "Dos", "phone", "+34 611 223 344"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("code").asText()).isEqualTo("DUPLICATE_CONTACT");
    }

    @Test
    void clients_are_found_by_name_or_number_paged_and_corrected() {
        for (String name : List.of("Lucía Gómez", "Lucas Pérez", "Marta Ruiz")) {
            create(Map.of(
                    "business",
                    business,
                    "name",
                    name,
                    "email",
                    name.replace(" ", ".").toLowerCase() + "@example.com"));
        }
        var marta = create(Map.of("business", business, "name", "Marta Luz", "phone", "622 00 11 22"));
        String id = marta.body().get("id").asText();

        var byName = api.at("/api/v1/clients?business=" + business + "&q=luc")
                .token(token)
                .get();
        assertThat(byName.body().get("results").findValuesAsText("name")).containsExactly("Lucas Pérez", "Lucía Gómez");
        var byNumber = api.at("/api/v1/clients?business=" + business + "&q=622%2000%2011")
                .token(token)
                .get();
        assertThat(byNumber.body().get("results").findValuesAsText("name")).containsExactly("Marta Luz");
        var page = api.at("/api/v1/clients?business=" + business + "&limit=1")
                .token(token)
                .get();
        assertThat(page.body().get("results")).hasSize(1);
        assertThat(page.body().get("next_cursor").asText()).isNotBlank();

        var corrected = api.at("/api/v1/clients/" + id + "/")
                .token(token)
                .raw("PATCH", "{\"email\": \"marta@example.com\", \"phone\": \"\"}", "application/json");
        assertThat(corrected.status()).as(corrected.raw()).isEqualTo(200);
        assertThat(corrected.body().has("phone")).isFalse();
        assertThat(corrected.body().get("email").asText()).isEqualTo("marta@example.com");

        var emptied =
                api.at("/api/v1/clients/" + id).token(token).raw("PATCH", "{\"email\": \"\"}", "application/json");
        assertThat(emptied.status()).as("a client keeps a phone or an e-mail").isEqualTo(400);
    }

    @Test
    void a_client_comes_with_their_appointments() {
        api.at("/api/v1/businesses/" + business + "/hours")
                .token(token)
                .put(Map.of("hours", Map.of("tuesday", List.of(Map.of("opens", "09:00", "closes", "13:00")))));
        String service = api.at("/api/v1/services")
                .token(token)
                .post(Map.of("business", business, "name", "Cut", "duration_minutes", 30, "price", 20))
                .body()
                .get("id")
                .asText();
        var booked = api.at("/api/v1/appointments")
                .token(token)
                .post(Map.of(
                        "business",
                        business,
                        "service",
                        service,
                        "start",
                        "2026-11-24T10:00",
                        "client",
                        Map.of("name", "Rosa", "phone", "633 44 55 66")));
        assertThat(booked.body().get("client").get("phone").asText()).isEqualTo("+34633445566");

        var rosa = api.at("/api/v1/clients/"
                        + booked.body().get("client").get("id").asText())
                .token(token)
                .get();

        assertThat(rosa.body().get("appointments")).hasSize(1);
        assertThat(rosa.body()
                        .get("appointments")
                        .get(0)
                        .get("service")
                        .get("name")
                        .asText())
                .isEqualTo("Cut");
    }
}
