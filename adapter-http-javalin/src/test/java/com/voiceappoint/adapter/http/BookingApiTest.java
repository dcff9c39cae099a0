package com.voiceappoint.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.testkit.TestData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Hours, a service, free slots, booking, the calendar and cancelling, over HTTP. The clock says Monday 09:00. */
class BookingApiTest {
    @RegisterExtension
    static final TestServer server = new TestServer();

    private static final String TUESDAY = "2026-11-24";
    private static TestServer.Owner owner;
    private static String serviceId;
    private final ApiClient api = server.client();

    @BeforeAll
    static void openTheSalon() {
        ApiClient api = server.client();
        owner = server.owner("booking@example.com", "Booking Salon");
        var window = List.of(Map.of("opens", "09:00", "closes", "13:00"), Map.of("opens", "15:00", "closes", "19:00"));
        var hours = api.at("/api/v1/businesses/" + owner.businessId() + "/hours/")
                .token(owner.token())
                .put(Map.of("hours", Map.of("monday", window, "tuesday", window, "wednesday", window)));
        assertThat(hours.status()).as(hours.raw()).isEqualTo(200);
        var service = api.at("/api/v1/services/")
                .token(owner.token())
                .post(Map.of(
                        "business",
                        owner.businessId(),
                        "name",
                        "Cut",
                        "duration_minutes",
                        30,
                        "price",
                        "20.00",
                        "buffer_after_minutes",
                        10));
        assertThat(service.status()).as(service.raw()).isEqualTo(201);
        serviceId = service.body().get("id").asText();
    }

    private ApiClient.Response book(String start, String phone, String idempotencyKey) {
        var call = api.at("/api/v1/appointments/").token(owner.token());
        if (idempotencyKey != null) {
            call.header("Idempotency-Key", idempotencyKey);
        }
        return call.post(Map.of(
                "business",
                owner.businessId(),
                "service",
                serviceId,
                "start",
                start,
                "client",
                Map.of("name", "Carmen", "phone", phone)));
    }

    private JsonNode availability() {
        var response = api.at("/api/v1/appointments/availability/?business=" + owner.businessId() + "&service="
                        + serviceId + "&date=" + TUESDAY)
                .token(owner.token())
                .get();
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    private static List<String> starts(JsonNode availability) {
        List<String> starts = new ArrayList<>();
        availability.get("slots").forEach(s -> starts.add(s.get("start").asText()));
        return starts;
    }

    @Test
    void hours_read_back_with_every_day_and_the_zone() {
        var hours = api.at("/api/v1/businesses/" + owner.businessId() + "/hours")
                .token(owner.token())
                .get();

        assertThat(hours.body().get("timezone").asText()).isEqualTo("Europe/Madrid");
        assertThat(hours.body().get("hours").size()).isEqualTo(7);
        assertThat(hours.body().get("hours").get("sunday").size()).isZero();
        assertThat(hours.body().get("hours").get("monday").get(1).get("closes").asText())
                .isEqualTo("19:00");
    }

    @Test
    void slots_come_in_the_business_offset_with_their_providers() {
        JsonNode body = availability();

        assertThat(body.get("timezone").asText()).isEqualTo("Europe/Madrid");
        assertThat(body.get("service").get("name").asText()).isEqualTo("Cut");
        assertThat(starts(body)).contains("2026-11-24T09:00:00+01:00", "2026-11-24T18:30:00+01:00");
        assertThat(body.get("slots").get(0).get("providers").get(0).get("name").asText())
                .isEqualTo("Lola Pérez");
    }

    @Test
    void an_empty_range_says_why_in_the_callers_language_and_offers_the_next_free_time() {
        String query = "/api/v1/appointments/availability/?business=" + owner.businessId() + "&service=" + serviceId;

        var sunday = api.at(query + "&date=2026-11-29")
                .token(owner.token())
                .header("Accept-Language", "en")
                .get();
        assertThat(sunday.body().get("slots")).isEmpty();
        assertThat(sunday.body().get("none_because").get("code").asText()).isEqualTo("closed");
        assertThat(sunday.body().get("none_because").get("message").asText())
                .isEqualTo("The business is closed on those days.");
        assertThat(sunday.body().get("next_available").get("start").asText()).isEqualTo("2026-11-30T09:00:00+01:00");

        var lastWeek = api.at(query + "&from=2026-11-16&to=2026-11-20")
                .token(owner.token())
                .header("Accept-Language", "es")
                .get();
        assertThat(lastWeek.body().get("none_because").get("code").asText()).isEqualTo("in_the_past");
        assertThat(lastWeek.body().get("none_because").get("message").asText()).isEqualTo("Esos días ya han pasado.");
        // today, Monday 09:00, with an hour's notice
        assertThat(lastWeek.body().get("next_available").get("start").asText()).isEqualTo("2026-11-23T10:00:00+01:00");

        assertThat(availability().has("none_because")).isFalse();
    }

    @Test
    void a_day_the_business_opens_but_its_only_provider_is_off_is_not_called_closed() {
        String base = "/api/v1/businesses/" + owner.businessId();
        String lola = api.at(base + "/staff")
                .token(owner.token())
                .get()
                .body()
                .get("results")
                .get(0)
                .get("id")
                .asText();
        var dayOff = api.at(base + "/staff/" + lola + "/special-days/2026-12-01")
                .token(owner.token())
                .put(Map.of("reason", "day off"));
        assertThat(dayOff.status()).as(dayOff.raw()).isEqualTo(200);

        var free = api.at("/api/v1/appointments/availability/?business=" + owner.businessId() + "&service=" + serviceId
                        + "&date=2026-12-01")
                .token(owner.token())
                .header("Accept-Language", "es")
                .get();
        var booked = api.at("/api/v1/appointments/")
                .token(owner.token())
                .header("Accept-Language", "es")
                .post(Map.of(
                        "business",
                        owner.businessId(),
                        "service",
                        serviceId,
                        "start",
                        "2026-12-01T10:00",
                        "client",
                        Map.of("name", "Carmen", "phone", "+34600111009")));

        assertThat(free.body().get("none_because").get("code").asText()).isEqualTo("nobody_working");
        assertThat(free.body().get("none_because").get("message").asText())
                .isEqualTo("El negocio abre, pero esos días no trabaja nadie que haga este servicio.");
        assertThat(booked.status()).as(booked.raw()).isEqualTo(409);
        assertThat(booked.body().get("code").asText()).isEqualTo("NOBODY_WORKING");
        assertThat(booked.body().get("title").asText()).isEqualTo("Nadie disponible ese día");
    }

    @Test
    void a_booking_is_created_replayed_by_key_and_its_slot_disappears() {
        var first = book("2026-11-24T16:00", "+34600111001", "key-16h");
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.body().get("start").asText()).isEqualTo("2026-11-24T16:00:00+01:00");
        assertThat(first.body().get("status").asText()).isEqualTo("confirmed");
        assertThat(first.body().get("price").asText()).isEqualTo("20.00");
        assertThat(first.body().get("client").get("phone").asText()).isEqualTo("+34600111001");

        var replay = book("2026-11-24T16:00", "+34600111001", "key-16h");
        assertThat(replay.status()).isEqualTo(200);
        assertThat(replay.header("idempotent-replayed")).isEqualTo("true");
        assertThat(replay.body().get("id")).isEqualTo(first.body().get("id"));

        assertThat(starts(availability())).doesNotContain("2026-11-24T16:00:00+01:00");
    }

    @Test
    void a_taken_time_is_a_409_with_alternatives_in_the_business_offset() {
        assertThat(book("2026-11-24T11:00:00+01:00", "+34600111002", null).status())
                .isEqualTo(201);

        var conflict = book("2026-11-24T10:00:00Z", "+34600111003", null);

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).startsWith("application/problem+json");
        assertThat(conflict.body().get("code").asText()).isEqualTo("SLOT_TAKEN");
        assertThat(conflict.body().get("alternatives")).hasSize(3);
        assertThat(conflict.body().get("alternatives").get(0).get("start").asText())
                .endsWith("+01:00");
        assertThat(conflict.body()
                        .get("alternatives")
                        .get(0)
                        .get("provider_name")
                        .asText())
                .isEqualTo("Lola Pérez");
    }

    @Test
    void past_times_closed_days_and_nonexistent_times_are_refused_without_a_500() {
        var past = book("2026-11-20T10:00", "+34600111004", null);
        assertThat(past.status()).isEqualTo(409);
        assertThat(past.body().get("code").asText()).isEqualTo("IN_THE_PAST");

        var sunday = book("2026-11-29T10:00", "+34600111004", null);
        assertThat(sunday.body().get("code").asText()).isEqualTo("BUSINESS_CLOSED");

        // 02:30 on 29 March 2026 does not exist in Madrid
        var gap = book("2026-03-29T02:30", "+34600111004", null);
        assertThat(gap.status()).isEqualTo(400);
        assertThat(gap.body().get("errors").get(0).get("field").asText()).isEqualTo("start");

        var garbage = book("tomorrow at ten", "+34600111004", null);
        assertThat(garbage.status()).isEqualTo(400);
    }

    @Test
    void the_calendar_lists_the_day_and_a_cancellation_frees_the_slot() {
        var booked = book("2026-11-24T17:00", "+34600111005", null);
        String id = booked.body().get("id").asText();

        var list = api.at(
                        "/api/v1/appointments/?business=" + owner.businessId() + "&from=" + TUESDAY + "&to=" + TUESDAY)
                .token(owner.token())
                .get();
        assertThat(list.status()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.body().get("results").forEach(a -> ids.add(a.get("id").asText()));
        assertThat(ids).contains(id);

        var cancelled = api.at("/api/v1/appointments/" + id + "/cancel/")
                .token(owner.token())
                .post(Map.of("reason", "client phoned"));
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.body().get("status").asText()).isEqualTo("cancelled");
        assertThat(cancelled.body().get("cancellation").get("reason").asText()).isEqualTo("client phoned");
        assertThat(starts(availability())).contains("2026-11-24T17:00:00+01:00");

        var again = api.at("/api/v1/appointments/" + id + "/cancel")
                .token(owner.token())
                .raw("POST", null, null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.body().get("code").asText()).isEqualTo("INVALID_STATE_TRANSITION");
    }

    @Test
    void a_move_keeps_the_id_and_a_taken_time_is_refused_with_alternatives() {
        String id =
                book("2026-11-25T09:00", "+34600111020", null).body().get("id").asText();
        book("2026-11-25T12:00", "+34600111021", null);

        var moved = action(id, "reschedule", Map.of("start", "2026-11-25T09:30"));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.body().get("id").asText()).isEqualTo(id);
        assertThat(moved.body().get("start").asText()).isEqualTo("2026-11-25T09:30:00+01:00");

        var onTaken = action(id, "reschedule", Map.of("start", "2026-11-25T12:15"));
        assertThat(onTaken.status()).isEqualTo(409);
        assertThat(onTaken.body().get("code").asText()).isEqualTo("SLOT_TAKEN");
        assertThat(onTaken.body().get("alternatives")).isNotEmpty();
        assertThat(appointment(id).get("start").asText()).isEqualTo("2026-11-25T09:30:00+01:00");

        var tooEarly = action(id, "complete", Map.of());
        assertThat(tooEarly.status()).isEqualTo(409);
        assertThat(tooEarly.body().get("code").asText()).isEqualTo("INVALID_STATE_TRANSITION");
        assertThat(action(id, "reschedule", Map.of()).status()).isEqualTo(400);
    }

    @Test
    void a_started_appointment_is_completed_or_missed_and_the_calendar_filters_and_pages() {
        // booked earlier this morning, before the clock's 09:00: seeded below the API, which refuses the past
        BusinessId business = new BusinessId(UUID.fromString(owner.businessId()));
        OutboundPorts ports = server.ports();
        Service cut = ports.services()
                .findById(business, new ServiceId(UUID.fromString(serviceId)))
                .orElseThrow();
        ProviderId lola = ports.providers().findByBusiness(business).get(0).id();
        List<String> ids = new ArrayList<>();
        for (String start : List.of("2026-11-23T06:00:00Z", "2026-11-23T07:00:00Z")) {
            Appointment earlier = TestData.appointment(
                    cut, lola, TestData.client(ports, business).id(), Instant.parse(start));
            ports.appointments().add(earlier, Optional.empty());
            ids.add(earlier.id().toString());
        }

        assertThat(action(ids.get(0), "complete", Map.of()).body().get("status").asText())
                .isEqualTo("completed");
        assertThat(action(ids.get(1), "no-show", Map.of()).body().get("status").asText())
                .isEqualTo("no_show");

        String monday = "/api/v1/appointments/?business=" + owner.businessId() + "&from=2026-11-23&to=2026-11-23";
        var finished = api.at(monday + "&status=completed,no_show")
                .token(owner.token())
                .get();
        assertThat(finished.body().get("results"))
                .extracting(a -> a.get("id").asText())
                .containsExactlyElementsOf(ids);
        var firstPage = api.at(monday + "&limit=1").token(owner.token()).get();
        assertThat(firstPage.body().get("results")).hasSize(1);
        var secondPage = api.at(monday + "&limit=1&cursor="
                        + firstPage.body().get("next_cursor").asText())
                .token(owner.token())
                .get();
        assertThat(secondPage.body().get("results").get(0).get("id").asText()).isEqualTo(ids.get(1));
        assertThat(secondPage.body().get("next_cursor").isNull()).isTrue();
        assertThat(api.at(monday + "&source=voice")
                        .token(owner.token())
                        .get()
                        .body()
                        .get("results"))
                .isEmpty();
        assertThat(api.at(monday + "&provider=" + lola)
                        .token(owner.token())
                        .get()
                        .body()
                        .get("results"))
                .hasSize(2);

        for (String bad : List.of("&status=lost", "&source=fax", "&provider=nope", "&cursor=bm9wZQ")) {
            var refused = api.at(monday + bad).token(owner.token()).get();
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
    }

    private ApiClient.Response action(String appointmentId, String action, Map<String, Object> body) {
        return api.at("/api/v1/appointments/" + appointmentId + "/" + action)
                .token(owner.token())
                .post(body);
    }

    private JsonNode appointment(String appointmentId) {
        var response = api.at("/api/v1/appointments/" + appointmentId)
                .token(owner.token())
                .get();
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.body();
    }

    @Test
    void another_tenant_gets_404_for_everything_of_this_business() {
        var stranger = server.owner("stranger@example.com", "Stranger Shop");
        var booked = book("2026-11-24T12:00", "+34600111006", null);
        String appointmentId = booked.body().get("id").asText();

        List<ApiClient.Response> attempts = List.of(
                api.at("/api/v1/businesses/" + owner.businessId() + "/hours")
                        .token(stranger.token())
                        .get(),
                api.at("/api/v1/businesses/" + owner.businessId() + "/hours")
                        .token(stranger.token())
                        .put(Map.of("hours", Map.of())),
                api.at("/api/v1/services?business=" + owner.businessId())
                        .token(stranger.token())
                        .get(),
                api.at("/api/v1/services")
                        .token(stranger.token())
                        .post(Map.of("business", owner.businessId(), "name", "X", "duration_minutes", 30, "price", 1)),
                api.at("/api/v1/appointments/availability?business=" + owner.businessId() + "&service=" + serviceId
                                + "&date=" + TUESDAY)
                        .token(stranger.token())
                        .get(),
                api.at("/api/v1/appointments?business=" + owner.businessId())
                        .token(stranger.token())
                        .get(),
                api.at("/api/v1/appointments")
                        .token(stranger.token())
                        .post(Map.of(
                                "business",
                                owner.businessId(),
                                "service",
                                serviceId,
                                "start",
                                "2026-11-24T15:00",
                                "client",
                                Map.of("name", "X", "phone", "+34600111007"))),
                api.at("/api/v1/appointments/" + appointmentId)
                        .token(stranger.token())
                        .get(),
                api.at("/api/v1/appointments/" + appointmentId + "/reschedule")
                        .token(stranger.token())
                        .post(Map.of("start", "2026-11-24T15:00")),
                api.at("/api/v1/appointments/" + appointmentId + "/complete")
                        .token(stranger.token())
                        .post(Map.of()),
                api.at("/api/v1/appointments/" + appointmentId + "/no-show")
                        .token(stranger.token())
                        .post(Map.of()),
                api.at("/api/v1/appointments/" + appointmentId + "/cancel")
                        .token(stranger.token())
                        .post(Map.of()));

        assertThat(attempts).allSatisfy(response -> {
            assertThat(response.status()).as(response.raw()).isEqualTo(404);
            assertThat(response.body().get("code").asText()).isEqualTo("NOT_FOUND");
        });
        var mine = api.at("/api/v1/appointments?business=" + owner.businessId() + "&from=" + TUESDAY)
                .token(owner.token())
                .get();
        List<String> statuses = new ArrayList<>();
        mine.body().get("results").forEach(a -> {
            if (a.get("id").asText().equals(appointmentId)) {
                statuses.add(a.get("status").asText());
            }
        });
        assertThat(statuses).containsExactly("confirmed");
    }

    @Test
    void dates_at_the_edges_of_time_are_a_400_not_a_500() {
        for (String date : List.of("+999999999-12-31", "-999999999-01-01", "1899-12-31", "10000-01-01")) {
            var availability = api.at("/api/v1/appointments/availability?business=" + owner.businessId() + "&service="
                            + serviceId + "&date=" + date)
                    .token(owner.token())
                    .get();
            assertThat(availability.status()).as(date).isEqualTo(400);
            var calendar = api.at("/api/v1/appointments?business=" + owner.businessId() + "&from=" + date)
                    .token(owner.token())
                    .get();
            assertThat(calendar.status()).as(date).isEqualTo(400);
        }
        for (String start : List.of("+999999999-12-31T23:00:00Z", "-999999999-01-01T00:00:00Z", "+10000-01-01T00:00")) {
            assertThat(book(start, "+34600111008", null).status()).as(start).isEqualTo(400);
        }
    }
}
