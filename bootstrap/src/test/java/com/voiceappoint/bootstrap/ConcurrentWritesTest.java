package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.voiceappoint.adapter.http.ApiClient;
import com.voiceappoint.adapter.persistence.TestPostgres;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Owners saving at the same moment, over HTTP against the running server and a real PostgreSQL: every answer is a
 * success or a clear refusal, what is stored is one of the things asked for (never a mix of them), and the business
 * still takes bookings afterwards.
 */
class ConcurrentWritesTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static final int WRITERS = 16;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate NEXT_TUESDAY = LocalDate.now(ZoneId.of("Europe/Madrid"))
            .plusWeeks(1)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));

    private static LiveApi api;

    @BeforeAll
    static void start() {
        api = LiveApi.start(postgres);
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Test
    void hours_saved_at_the_same_moment_leave_one_of_the_weeks_asked_for() throws Exception {
        World world = World.open(api, "Hours Race");
        Map<String, Object> mornings = everyDay("08:00", "14:00");
        Map<String, Object> afternoons = everyDay("10:00", "20:00");

        List<ApiClient.Response> answers = atOnce(i -> () -> api.at(world.path("/hours"))
                .token(world.owner.token())
                .put(Map.of("hours", i % 2 == 0 ? mornings : afternoons)));

        assertThat(answers).allSatisfy(a -> assertThat(a.status()).as(a.raw()).isEqualTo(200));
        var stored = api.at(world.path("/hours")).token(world.owner.token()).get();
        assertThat(stored.status()).as(stored.raw()).isEqualTo(200);
        assertThat(stored.body().get("hours")).isIn(JSON.valueToTree(mornings), JSON.valueToTree(afternoons));
        assertThat(overlappingWindows()).isZero();
        assertBookable(world);
    }

    @Test
    void staff_added_while_the_hours_are_saved_are_all_there_and_the_business_still_books() throws Exception {
        World world = World.open(api, "Staff Race");
        Map<String, Object> mornings = everyDay("08:00", "14:00");

        List<ApiClient.Response> answers = atOnce(i -> i % 2 == 0
                ? () -> api.at(world.path("/staff"))
                        .token(world.owner.token())
                        .post(Map.of("display_name", "Stylist " + i))
                : () -> api.at(world.path("/hours")).token(world.owner.token()).put(Map.of("hours", mornings)));

        for (int i = 0; i < WRITERS; i++) {
            ApiClient.Response answer = answers.get(i);
            assertThat(answer.status()).as(answer.raw()).isEqualTo(i % 2 == 0 ? 201 : 200);
        }
        var staff = api.at(world.path("/staff")).token(world.owner.token()).get();
        assertThat(staff.status()).as(staff.raw()).isEqualTo(200);
        assertThat(staff.body().get("results")).hasSize(1 + WRITERS / 2);
        assertThat(overlappingWindows()).isZero();
        assertBookable(world);
    }

    /** Every weekday of the week open from {@code opens} to {@code closes}, as the API writes a week. */
    private static Map<String, Object> everyDay(String opens, String closes) {
        Map<String, Object> week = new HashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day.name().toLowerCase(Locale.ROOT), List.of(Map.of("opens", opens, "closes", closes)));
        }
        return week;
    }

    private static List<ApiClient.Response> atOnce(IntFunction<Callable<ApiClient.Response>> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<ApiClient.Response>> pending = new ArrayList<>();
            for (int i = 0; i < WRITERS; i++) {
                Callable<ApiClient.Response> call = request.apply(i);
                pending.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<ApiClient.Response> answers = new ArrayList<>();
            for (Future<ApiClient.Response> answer : pending) {
                answers.add(answer.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Pairs of stored windows of one owner on one weekday that overlap, read straight from PostgreSQL. */
    private static long overlappingWindows() {
        return postgres.count("select count(*) from weekly_hours a join weekly_hours b "
                + "on a.business_id = b.business_id and a.provider_id is not distinct from b.provider_id "
                + "and a.weekday = b.weekday and a.ctid < b.ctid "
                + "and int4range(a.opens_minute, a.closes_minute) && int4range(b.opens_minute, b.closes_minute)");
    }

    /** Free times are listed and one of them can be booked. */
    private static void assertBookable(World world) {
        var free = api.at("/api/v1/appointments/availability?business=" + world.id + "&service=" + world.service
                        + "&date=" + NEXT_TUESDAY)
                .token(world.owner.token())
                .get();
        assertThat(free.status()).as(free.raw()).isEqualTo(200);
        JsonNode slots = free.body().get("slots");
        assertThat(slots).isNotEmpty();
        var booked = api.at("/api/v1/appointments")
                .token(world.owner.token())
                .post(Map.of(
                        "business",
                        world.id,
                        "service",
                        world.service,
                        "start",
                        slots.get(0).get("start").asText(),
                        "client",
                        Map.of("name", "Client", "phone", world.freshPhone())));
        assertThat(booked.status()).as(booked.raw()).isEqualTo(201);
    }
}
