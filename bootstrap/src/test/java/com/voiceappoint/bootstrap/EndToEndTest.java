package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.voiceappoint.adapter.http.ApiClient;
import com.voiceappoint.adapter.persistence.DatabaseUrl;
import com.voiceappoint.adapter.persistence.TestPostgres;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The walking skeleton's outcome, over HTTP against the real server on a free port and a real PostgreSQL:
 * register, log in, create a service, set opening hours, list free slots, book one, list appointments, cancel one;
 * and two clients racing for one slot get exactly one appointment.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static VoiceAppointServer server;
    private static ApiClient api;
    private static String token;
    private static String business;
    private static String service;
    private static String bookedId;
    /** Next week's Tuesday: always open, always within notice and horizon, whatever day the suite runs. */
    private static final LocalDate TUESDAY =
            LocalDate.now(MADRID).plusWeeks(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));

    @BeforeAll
    static void startTheServer() {
        server = VoiceAppointServer.start(
                ServerConfig.from(Map.of(
                        "PORT", "0",
                        "HOST", "127.0.0.1",
                        "DATABASE_URL", jdbcUrlWithCredentials(postgres.url()),
                        "JWT_SECRET", "an-end-to-end-secret-of-at-least-32-bytes")),
                VoiceAppointServer.databaseClock());
        api = new ApiClient(server.port());
    }

    @AfterAll
    static void stopTheServer() {
        server.close();
    }

    static String jdbcUrlWithCredentials(DatabaseUrl url) {
        StringBuilder result = new StringBuilder(url.jdbcUrl());
        if (url.user() != null && !url.jdbcUrl().contains("user=")) {
            result.append(url.jdbcUrl().contains("?") ? '&' : '?')
                    .append("user=")
                    .append(url.user());
        }
        if (url.password() != null && !url.jdbcUrl().contains("password=")) {
            result.append('&').append("password=").append(url.password());
        }
        return result.toString();
    }

    @Test
    @Order(1)
    void register_and_log_in() {
        var registered = api.at("/api/v1/auth/register/")
                .post(Map.of(
                        "email", "lola@example.com",
                        "password", "s3cret-enough",
                        "full_name", "Lola Pérez",
                        "business_name", "Peluquería Lola",
                        "business_type", "salon",
                        "timezone", "Europe/Madrid",
                        "currency", "EUR"));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        assertThat(registered.body().get("business_slug").asText()).isEqualTo("peluqueria-lola");
        business = registered.body().get("business_id").asText();

        var login =
                api.at("/api/v1/auth/token/").post(Map.of("email", "lola@example.com", "password", "s3cret-enough"));
        assertThat(login.status()).isEqualTo(200);
        token = login.body().get("access").asText();

        var me = api.at("/api/v1/auth/me/").token(token).get();
        assertThat(me.body().get("memberships").get(0).get("business").get("id").asText())
                .isEqualTo(business);
    }

    @Test
    @Order(2)
    void set_hours_and_create_a_service() {
        var morning = List.of(Map.of("opens", "09:00", "closes", "14:00"));
        Map<String, Object> week = new HashMap<>();
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) {
            week.put(day, morning);
        }
        var hours = api.at("/api/v1/businesses/" + business + "/hours/")
                .token(token)
                .put(Map.of("hours", week));
        assertThat(hours.status()).as(hours.raw()).isEqualTo(200);

        var created = api.at("/api/v1/services/")
                .token(token)
                .post(Map.of(
                        "business",
                        business,
                        "name",
                        "Corte de pelo",
                        "duration_minutes",
                        30,
                        "price",
                        "18.50",
                        "buffer_after_minutes",
                        10));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        service = created.body().get("id").asText();

        var listed =
                api.at("/api/v1/services/?business=" + business).token(token).get();
        assertThat(listed.body().get("results").get(0).get("name").asText()).isEqualTo("Corte de pelo");
    }

    @Test
    @Order(3)
    void list_free_slots_book_one_and_see_it_in_the_calendar() {
        List<String> before = slotStarts();
        assertThat(before).hasSize(19); // 09:00 to 13:30 on a 15-minute grid
        String first = before.get(0);

        var booked = api.at("/api/v1/appointments/")
                .token(token)
                .header("Idempotency-Key", "e2e-first")
                .post(Map.of(
                        "business", business,
                        "service", service,
                        "start", first,
                        "client", Map.of("name", "Carmen", "phone", "+34600111222")));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
        bookedId = booked.body().get("id").asText();
        assertThat(slotStarts()).doesNotContain(first);

        var calendar = api.at("/api/v1/appointments/?business=" + business + "&from=" + TUESDAY + "&to=" + TUESDAY)
                .token(token)
                .get();
        assertThat(calendar.body().get("results")).hasSize(1);
        assertThat(calendar.body()
                        .get("results")
                        .get(0)
                        .get("client")
                        .get("name")
                        .asText())
                .isEqualTo("Carmen");
    }

    @Test
    @Order(4)
    void cancel_it_and_the_slot_is_free_again() {
        var cancelled = api.at("/api/v1/appointments/" + bookedId + "/cancel/")
                .token(token)
                .post(Map.of("reason", "client called"));

        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asText()).isEqualTo("cancelled");
        assertThat(slotStarts()).hasSize(19);
    }

    @Test
    @Order(5)
    void clients_racing_for_one_slot_get_exactly_one_appointment() throws Exception {
        String slot = TUESDAY + "T11:00";
        int racers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<ApiClient.Response>> responses = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String phone = "+3461000%04d".formatted(i);
            responses.add(pool.submit(() -> {
                go.await();
                return api.at("/api/v1/appointments/")
                        .token(token)
                        .post(Map.of(
                                "business", business,
                                "service", service,
                                "start", slot,
                                "client", Map.of("name", "Racer", "phone", phone)));
            }));
        }
        go.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<ApiClient.Response> response : responses) {
            ApiClient.Response r = response.get(60, TimeUnit.SECONDS);
            statuses.add(r.status());
            if (r.status() == 409) {
                assertThat(r.body().get("code").asText()).isEqualTo("SLOT_TAKEN");
                assertThat(r.body().get("alternatives").size()).isPositive();
            }
        }
        pool.shutdown();

        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
        assertThat(postgres.count(
                        "select count(*) from appointments where status = 'confirmed' and starts_at = ?::timestamptz",
                        LocalDate.parse(TUESDAY.toString())
                                .atTime(11, 0)
                                .atZone(MADRID)
                                .toOffsetDateTime()))
                .isEqualTo(1);
    }

    private static List<String> slotStarts() {
        var response = api.at("/api/v1/appointments/availability/?business=" + business + "&service=" + service
                        + "&date=" + TUESDAY)
                .token(token)
                .get();
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        List<String> starts = new ArrayList<>();
        for (JsonNode slot : response.body().get("slots")) {
            starts.add(slot.get("start").asText());
        }
        return starts;
    }
}
