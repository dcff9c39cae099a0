package com.voiceappoint.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Whatever a client sends, the answer is a problem+json 4xx that says what is wrong, and nothing is written. */
class ProblemsApiTest {
    @RegisterExtension
    static final TestServer server = new TestServer();

    private static TestServer.Owner owner;
    private final ApiClient api = server.client();

    @BeforeAll
    static void register() {
        owner = server.owner("problems@example.com", "Problems Salon");
    }

    private static void assertProblem(ApiClient.Response response, int status, String code) {
        assertThat(response.status()).as(response.raw()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("code").asText()).isEqualTo(code);
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("type").asText()).startsWith("https://voiceappoint.com/problems/");
        assertThat(response.body().get("title").asText()).isNotBlank();
        assertThat(response.body().get("request_id").asText()).isEqualTo(response.header("x-request-id"));
    }

    @Test
    void an_unknown_route_is_a_404_problem() {
        assertProblem(api.at("/api/v1/nothing-here").get(), 404, "NOT_FOUND");
    }

    @Test
    void a_404_in_spanish_agrees_with_what_is_missing() {
        var route =
                api.at("/api/v1/nothing-here").header("Accept-Language", "es").get();
        var appointment = api.at("/api/v1/appointments/" + UUID.randomUUID())
                .token(owner.token())
                .header("Accept-Language", "es")
                .get();
        var business = api.at("/api/v1/businesses/" + UUID.randomUUID())
                .token(owner.token())
                .header("Accept-Language", "es")
                .get();

        assertThat(route.body().get("detail").asText()).isEqualTo("No existe ninguna ruta aquí que puedas ver.");
        assertThat(appointment.body().get("detail").asText()).isEqualTo("No existe ninguna cita aquí que puedas ver.");
        assertThat(business.body().get("detail").asText()).isEqualTo("No existe ningún negocio aquí que puedas ver.");
    }

    @Test
    void a_wrong_method_is_a_405_problem() {
        assertProblem(api.at("/api/v1/auth/token").get(), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void a_body_that_is_not_json_is_a_415_problem() {
        var response =
                api.at("/api/v1/auth/token").raw("POST", "email=a&password=b", "application/x-www-form-urlencoded");

        assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "application/json; charset=foo",
                "application/json; charset=bogus!!",
                "application/json; charset=\"\"",
                "application/json; charset=iso-8859-1",
                "application/json; charset=utf-16",
            })
    void a_body_in_any_charset_but_utf8_is_a_415_problem(String contentType) {
        var response = api.at("/api/v1/auth/token").raw("POST", "{}", contentType);

        assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertThat(response.body().get("detail").asText()).contains("UTF-8");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "application/json; charset",
                "text/plain; charset=foo",
                "application/json; charset=iso-8859-1",
            })
    void a_request_naming_a_charset_but_utf8_is_a_415_problem_even_without_a_body(String contentType) {
        // the query would be decoded in that charset, or not at all
        var search = api.at("/api/v1/clients?business=" + owner.businessId() + "&q=%C3%A9")
                .token(owner.token())
                .header("Content-Type", contentType)
                .get();
        var bodiless = api.at("/api/v1/appointments/" + UUID.randomUUID() + "/complete")
                .token(owner.token())
                .raw("POST", null, contentType);

        assertProblem(search, 415, "UNSUPPORTED_MEDIA_TYPE");
        assertProblem(bodiless, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "application/json; charset=UTF-8",
                "application/json;charset=\"utf-8\"",
                "application/json; charset=utf8",
                "application/json; version=2",
                "application/json;;; version",
                "application/problem+json; charset=utf-8",
            })
    void a_utf8_json_body_is_read_whatever_other_parameters_its_type_has(String contentType) {
        var response = api.at("/api/v1/auth/token").raw("POST", "{}", contentType);

        assertProblem(response, 400, "VALIDATION_FAILED");
    }

    @Test
    void an_oversized_body_is_a_413_problem() {
        String huge = "{\"email\": \"" + "x".repeat(100_000) + "\"}";

        assertProblem(api.at("/api/v1/auth/token").post(huge), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void malformed_json_is_a_400_problem() {
        assertProblem(api.at("/api/v1/auth/token").post("{\"email\": "), 400, "MALFORMED_REQUEST");
        assertProblem(api.at("/api/v1/auth/token").post("[1, 2]"), 400, "MALFORMED_REQUEST");
        assertProblem(api.at("/api/v1/auth/token").post("null"), 400, "MALFORMED_REQUEST");
        assertProblem(api.at("/api/v1/auth/token").raw("POST", null, "application/json"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void missing_fields_are_each_named() {
        var response = api.at("/api/v1/auth/register").post(Map.of("email", "x@example.com"));
        var halfABusiness = api.at("/api/v1/auth/register")
                .post(Map.of("email", "x@example.com", "password", "s3cret-enough", "business_name", "Half"));

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(fields(response)).containsExactly("password");
        assertProblem(halfABusiness, 400, "VALIDATION_FAILED");
        assertThat(fields(halfABusiness)).containsExactlyInAnyOrder("business_type", "timezone", "currency");
    }

    @Test
    void wrong_types_name_the_field() {
        var response = api.at("/api/v1/services")
                .token(owner.token())
                .post(Map.of("business", owner.businessId(), "name", "Cut", "duration_minutes", "thirty", "price", 20));

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(fields(response)).containsExactly("duration_minutes");
    }

    @Test
    void a_number_as_a_string_is_not_silently_accepted_but_an_exact_price_string_is() {
        var asString = api.at("/api/v1/services")
                .token(owner.token())
                .post(Map.of("business", owner.businessId(), "name", "Cut", "duration_minutes", "30", "price", 20));
        assertProblem(asString, 400, "VALIDATION_FAILED");

        var exactPrice = api.at("/api/v1/services")
                .token(owner.token())
                .post(Map.of(
                        "business", owner.businessId(), "name", "Exact", "duration_minutes", 30, "price", "19.90"));
        assertThat(exactPrice.status()).isEqualTo(201);
        assertThat(exactPrice.body().get("price").asText()).isEqualTo("19.90");
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "timezone      | Mars/Olympus  | timezone",
                "timezone      | +02:00        | timezone",
                "currency      | EURO          | currency",
                "business_type | spaceship     | business_type",
                "password      | short         | password",
                "email         | not-an-email  | email",
            })
    void bad_registration_values_are_a_400_naming_the_field_and_create_nothing(
            String field, String value, String named) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "email", "bad-" + field + "@example.com",
                "password", "s3cret-enough",
                "business_name", "Bad " + field,
                "business_type", "salon",
                "timezone", "Europe/Madrid",
                "currency", "EUR"));
        body.put(field, value);

        var response = api.at("/api/v1/auth/register").post(body);

        assertProblem(response, 400, "VALIDATION_FAILED");
        assertThat(fields(response)).containsExactly(named);
        var login = api.at("/api/v1/auth/token")
                .post(Map.of("email", "bad-" + field + "@example.com", "password", "s3cret-enough"));
        assertThat(login.status()).isEqualTo(401);
    }

    @Test
    void negative_durations_and_prices_are_refused() {
        var negative = api.at("/api/v1/services")
                .token(owner.token())
                .post(Map.of("business", owner.businessId(), "name", "Neg", "duration_minutes", -30, "price", 20));
        assertProblem(negative, 400, "VALIDATION_FAILED");
        assertThat(fields(negative)).containsExactly("duration_minutes");

        var free = api.at("/api/v1/services")
                .token(owner.token())
                .post(Map.of("business", owner.businessId(), "name", "Neg", "duration_minutes", 30, "price", "-1"));
        assertProblem(free, 400, "VALIDATION_FAILED");
        assertThat(fields(free)).containsExactly("price");
    }

    @Test
    void titles_follow_accept_language_then_the_users_language() {
        var spanish = api.at("/api/v1/nothing")
                .header("Accept-Language", "es-ES,es;q=0.9")
                .get();
        var english = api.at("/api/v1/nothing")
                .header("Accept-Language", "en-GB,en;q=0.8")
                .get();
        var unknownThenDefault =
                api.at("/api/v1/nothing").header("Accept-Language", "fr-FR").get();

        assertThat(spanish.body().get("title").asText()).isEqualTo("No encontrado");
        assertThat(spanish.header("content-language")).isEqualTo("es");
        assertThat(english.body().get("title").asText()).isEqualTo("Not found");
        assertThat(unknownThenDefault.body().get("title").asText()).isEqualTo("No encontrado");
    }

    @Test
    void the_trailing_slash_is_optional_and_the_request_id_is_echoed() {
        var with = api.at("/api/v1/auth/me/")
                .token(owner.token())
                .header("X-Request-Id", "trace-123")
                .get();
        var without = api.at("/api/v1/auth/me").token(owner.token()).get();

        assertThat(with.status()).isEqualTo(200);
        assertThat(without.status()).isEqualTo(200);
        assertThat(with.header("x-request-id")).isEqualTo("trace-123");
        assertThat(without.header("x-request-id")).isNotBlank();
    }

    @Test
    void a_malformed_id_is_a_400_not_a_500() {
        assertProblem(
                api.at("/api/v1/businesses/not-a-uuid/hours")
                        .token(owner.token())
                        .get(),
                400,
                "VALIDATION_FAILED");
        assertProblem(
                api.at("/api/v1/services?business=42").token(owner.token()).get(), 400, "VALIDATION_FAILED");
    }

    @Test
    void text_the_database_cannot_keep_is_refused_naming_the_field_in_bodies_and_queries() {
        String nul =
                "{\"business\": \"" + owner.businessId() + "\", \"name\": \"A\\u0000na\", \"phone\": \"+34600000001\"}";
        var inBody = api.at("/api/v1/clients").token(owner.token()).post(nul);
        assertProblem(inBody, 400, "VALIDATION_FAILED");
        assertThat(fields(inBody)).containsExactly("name");
        assertThat(inBody.body().at("/errors/0/code").asText()).isEqualTo("invalid_characters");

        String slug = api.at("/api/v1/businesses/" + owner.businessId())
                .token(owner.token())
                .get()
                .body()
                .get("slug")
                .asText();
        var nested = api.at("/api/v1/public/businesses/" + slug + "/appointments")
                .post("{\"service\": \"11111111-1111-1111-1111-111111111111\", \"start\": \"2026-11-24T10:00\", "
                        + "\"client\": {\"name\": \"Half \\ud800 a pair\", \"phone\": \"+34600000002\"}}");
        assertProblem(nested, 400, "VALIDATION_FAILED");
        assertThat(fields(nested)).containsExactly("client.name");

        var inList = api.at("/api/v1/vapi/configs/" + owner.businessId())
                .token(owner.token())
                .raw("PATCH", "{\"line_ids\": [\"line-1\", \"line\\u0000\"]}", "application/json");
        assertProblem(inList, 400, "VALIDATION_FAILED");
        assertThat(fields(inList)).containsExactly("line_ids[1]");

        var inQuery = api.at("/api/v1/clients?business=" + owner.businessId() + "&q=a%00b")
                .token(owner.token())
                .get();
        assertProblem(inQuery, 400, "VALIDATION_FAILED");
        assertThat(fields(inQuery)).containsExactly("q");

        var inName = api.at("/api/v1/clients?business=" + owner.businessId() + "&q%00=a")
                .token(owner.token())
                .get();
        assertProblem(inName, 400, "VALIDATION_FAILED");

        // the web server refuses a NUL in the path itself, before any route
        assertProblem(api.at("/api/v1/public/businesses/lola%00/availability").get(), 400, "MALFORMED_REQUEST");
    }

    @Test
    void a_chunked_body_cut_short_or_garbled_is_a_400_problem() throws Exception {
        for (String chunks : List.of("5\r\n{\"ema", "zz\r\n{}\r\n0\r\n\r\n", "ffffffffffffffffff\r\n{}")) {
            String answer = RawHttp.exchange(
                    server.port(),
                    "POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                            + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunks);

            assertThat(answer).as(chunks).startsWith("HTTP/1.1 400");
            assertThat(answer).as(chunks).contains("application/problem+json", "MALFORMED_REQUEST");
        }
    }

    private static List<String> fields(ApiClient.Response response) {
        List<String> names = new ArrayList<>();
        for (JsonNode error : response.body().path("errors")) {
            names.add(error.get("field").asText());
        }
        return names;
    }
}
