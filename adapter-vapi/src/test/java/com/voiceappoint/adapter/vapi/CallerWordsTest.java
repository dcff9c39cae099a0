package com.voiceappoint.adapter.vapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.in.AnswerToolCallUseCase;
import com.voiceappoint.application.port.in.CreateServiceUseCase;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.CalendarFilter;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.schedule.SpecialDay;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.TimeRange;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What a caller says and hears, through the webhook: staff asked for by name and named in answers, days said in
 * words in the business's language and zone, services said in other pieces, a time the clocks skip, and free times
 * read out by day. Peluquería Lola (Madrid, Spanish) and Bob's Barbers (London, English) each have their owner,
 * "Owner", taking appointments; it is Monday 23 November 2026, 09:00 in Madrid, unless a test says otherwise.
 */
class CallerWordsTest {
    private final VoiceDesk desk = new VoiceDesk();

    private String lola(String tool, Map<String, ?> arguments) {
        return said(desk.call(VoiceDesk.LOLA_NUMBER, tool, arguments));
    }

    private String bob(String tool, Map<String, ?> arguments) {
        return said(desk.call(VoiceDesk.BOB_NUMBER, tool, arguments));
    }

    /** The result, or the error prefixed so a test can tell them apart. */
    private static String said(com.fasterxml.jackson.databind.JsonNode answer) {
        return answer.has("result")
                ? answer.path("result").asText()
                : "error: " + answer.path("error").asText();
    }

    private ProviderId staff(VoiceDesk.Business business, String name) {
        return desk.app
                .staff()
                .create(business.owner(), business.id(), name, Optional.empty())
                .id();
    }

    private String service(VoiceDesk.Business business, String name, Set<ProviderId> performers) {
        return desk.app
                .createService()
                .create(new CreateServiceUseCase.Command(
                        business.owner(),
                        business.id(),
                        name,
                        "",
                        30,
                        new BigDecimal("20"),
                        0,
                        0,
                        true,
                        Optional.empty(),
                        performers,
                        Optional.empty()))
                .id()
                .toString();
    }

    private List<String> providersBooked(VoiceDesk.Business business) {
        return desk
                .app
                .appointments()
                .list(
                        business.owner(),
                        CalendarFilter.period(
                                business.id(),
                                new TimeRange(
                                        Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2027-06-01T00:00:00Z"))),
                        Page.Request.first(100))
                .items()
                .stream()
                .filter(d -> d.appointment().status() != AppointmentStatus.CANCELLED)
                .map(d -> d.providerName())
                .toList();
    }

    @Test
    void a_spanish_caller_asks_for_marta_by_name_and_hears_who_is_free() {
        staff(desk.lola, "Marta Ruiz");

        String booked = lola(
                AnswerToolCallUseCase.BOOK,
                Map.of(
                        "service_name",
                        "corte de pelo",
                        "start",
                        "2026-11-24T16:00",
                        "client_name",
                        "Carmen",
                        "staff_name",
                        "con marta"));
        assertThat(booked).startsWith("Reservado: Corte de pelo el martes 24 de noviembre a las 16:00 con Marta Ruiz.");
        assertThat(providersBooked(desk.lola)).containsExactly("Marta Ruiz");

        assertThat(lola(
                        AnswerToolCallUseCase.AVAILABILITY,
                        Map.of("service_id", desk.lola.cut(), "date", "2026-11-24T16:00")))
                .isEqualTo("Corte de pelo el martes 24 de noviembre a las 16:00 está libre con Owner "
                        + "(start 2026-11-24T16:00).");
        assertThat(lola(
                        AnswerToolCallUseCase.AVAILABILITY,
                        Map.of("service_id", desk.lola.cut(), "date", "2026-11-24T16:30")))
                .as("the least booked that day first")
                .isEqualTo("Corte de pelo el martes 24 de noviembre a las 16:30 está libre con Owner o Marta Ruiz "
                        + "(start 2026-11-24T16:30).");
        assertThat(lola(
                        AnswerToolCallUseCase.AVAILABILITY,
                        Map.of(
                                "service_id",
                                desk.lola.cut(),
                                "date",
                                "2026-11-24",
                                "part_of_day",
                                "tarde",
                                "staff_name",
                                "Marta")))
                .startsWith("Corte de pelo con Marta Ruiz el martes 24 de noviembre: hay hueco a las 16:30, ")
                .doesNotContain("Owner");
        assertThat(lola(
                        AnswerToolCallUseCase.AVAILABILITY,
                        Map.of("service_id", desk.lola.cut(), "date", "2026-11-24", "part_of_day", "tarde")))
                .startsWith("Corte de pelo el martes 24 de noviembre: hay hueco a las 16:00 con Owner y a las ")
                .contains(" con Owner o Marta Ruiz.");

        String taken = said(desk.read(desk.send(desk.toolCalls(
                        VoiceDesk.LOLA_NUMBER,
                        Optional.of("+34600999888"),
                        Map.of(),
                        new VoiceDesk.ToolRequest(
                                "tc-pedro",
                                AnswerToolCallUseCase.BOOK,
                                Map.of(
                                        "service_id",
                                        desk.lola.cut(),
                                        "start",
                                        "2026-11-24T16:00",
                                        "client_name",
                                        "Pedro",
                                        "staff_name",
                                        "Marta")))))
                .path("results")
                .path(0));
        assertThat(taken)
                .as("who each alternative is with, since the caller chose someone")
                .isEqualTo("Esa hora ya está ocupada. Lo más cercano: el martes 24 de noviembre a las 16:30, 16:45 "
                        + "o 17:00 con Marta Ruiz (start 2026-11-24T16:30, 2026-11-24T16:45, 2026-11-24T17:00).");
    }

    @Test
    void an_english_caller_asks_for_sam_and_the_confirmation_names_him() {
        staff(desk.bob, "Sam Green");

        assertThat(bob(
                        AnswerToolCallUseCase.BOOK,
                        Map.of(
                                "service_name",
                                "haircut",
                                "start",
                                "2026-11-24T10:00",
                                "name",
                                "Carmen",
                                "staff",
                                "with Sam")))
                .startsWith("Booked: Haircut on Tuesday 24 November at 10:00 with Sam Green.");
        assertThat(bob(
                        AnswerToolCallUseCase.HOLD,
                        Map.of(
                                "service_name",
                                "haircut",
                                "start",
                                "2026-11-24T11:00",
                                "name",
                                "Carmen",
                                "staff_name",
                                "SAM")))
                .startsWith("I am holding Haircut on Tuesday 24 November at 11:00 with Sam Green until");
        assertThat(bob(
                        AnswerToolCallUseCase.AVAILABILITY,
                        Map.of("service_id", desk.bob.cut(), "date", "2026-11-24T10:00")))
                .isEqualTo("Haircut on Tuesday 24 November at 10:00 is free with Owner (start 2026-11-24T10:00).");
        assertThat(providersBooked(desk.bob)).containsExactlyInAnyOrder("Sam Green", "Sam Green");
    }

    @Test
    void a_name_nobody_has_two_people_share_or_who_does_not_do_the_service_is_answered_with_who_does() {
        ProviderId marta = staff(desk.lola, "Marta Ruiz");
        staff(desk.lola, "Marta López");
        String beard = service(desk.lola, "Arreglo de barba", Set.of(marta));
        Map<String, String> booking = Map.of("start", "2026-11-24T10:00", "client_name", "Carmen");

        assertThat(lola(
                        AnswerToolCallUseCase.BOOK,
                        with(booking, "service_id", desk.lola.cut(), "staff_name", "Pedro")))
                .isEqualTo("error: No encuentro a «Pedro» en el equipo. "
                        + "Hacen Corte de pelo: Owner, Marta Ruiz y Marta López.");
        assertThat(lola(
                        AnswerToolCallUseCase.BOOK,
                        with(booking, "service_id", desk.lola.cut(), "staff_name", "Marta")))
                .isEqualTo("error: ¿Te refieres a Marta Ruiz o Marta López?");
        assertThat(lola(AnswerToolCallUseCase.BOOK, with(booking, "service_id", beard, "staff_name", "Marta")))
                .as("only one Marta does beards")
                .startsWith("Reservado: Arreglo de barba el martes 24 de noviembre a las 10:00 con Marta Ruiz.");
        assertThat(lola(
                        AnswerToolCallUseCase.AVAILABILITY,
                        with(Map.of("date", "2026-11-25"), "service_id", beard, "staff_name", "owner")))
                .isEqualTo("error: Owner no hace Arreglo de barba. Hacen Arreglo de barba: Marta Ruiz.");
        assertThat(lola(
                        AnswerToolCallUseCase.BOOK,
                        with(
                                booking,
                                "service_id",
                                desk.lola.cut(),
                                "provider_id",
                                java.util.UUID.randomUUID().toString())))
                .isEqualTo("error: No encuentro a esa persona en el equipo.");
        assertThat(providersBooked(desk.lola)).containsExactly("Marta Ruiz");
        assertThat(lola(
                        AnswerToolCallUseCase.BOOK,
                        with(booking, "service_id", desk.lola.cut(), "provider_id", "Marta López")))
                .as("a name where the model should have put an id is still a name")
                .startsWith("Reservado: Corte de pelo el martes 24 de noviembre a las 10:00 con Marta López.");

        staff(desk.bob, "Sam Green");
        assertThat(bob(
                        AnswerToolCallUseCase.AVAILABILITY,
                        Map.of("service_id", desk.bob.cut(), "date", "2026-11-24", "staff_name", "Pedro")))
                .isEqualTo("error: I cannot find \"Pedro\" among the staff. Haircut is done by Owner and Sam Green.");
        assertThat(bob(
                        AnswerToolCallUseCase.AVAILABILITY,
                        Map.of("service_id", desk.bob.cut(), "date", "2026-11-24T10:00", "staff_name", "anyone")))
                .as("anyone is whoever is free")
                .startsWith("Haircut on Tuesday 24 November at 10:00 is free with Owner or Sam Green");
    }

    private static Map<String, String> with(Map<String, String> base, String... more) {
        var all = new java.util.HashMap<>(base);
        for (int i = 0; i < more.length; i += 2) {
            all.put(more[i], more[i + 1]);
        }
        return all;
    }

    @Test
    void a_spanish_caller_s_days_in_words_are_the_business_s_days() {
        assertThat(lola(
                        AnswerToolCallUseCase.AVAILABILITY,
                        Map.of("service_name", "corte de pelo", "date", "mañana por la tarde")))
                .startsWith("Corte de pelo el martes 24 de noviembre: hay hueco a las 16:00, ");
        assertThat(lola(
                        AnswerToolCallUseCase.AVAILABILITY,
                        Map.of("service_id", desk.lola.cut(), "date", "pasado mañana")))
                .startsWith("Corte de pelo el miércoles 25 de noviembre: hay hueco a las 09:00");
        assertThat(lola(
                        AnswerToolCallUseCase.AVAILABILITY,
                        Map.of("service_id", desk.lola.cut(), "day", "el próximo viernes")))
                .startsWith("Corte de pelo el viernes 27 de noviembre:");
        assertThat(lola(AnswerToolCallUseCase.HOURS, Map.of("date", "el lunes")))
                .as("a weekday is the next one, never today")
                .isEqualTo("Horario de Peluquería Lola: lunes 30 de noviembre: de 09:00 a 14:00 y de 16:00 a 20:00.");
        assertThat(lola(AnswerToolCallUseCase.HOURS, Map.of("date", "hoy")))
                .startsWith("Horario de Peluquería Lola: lunes 23 de noviembre");
        assertThat(lola(
                        AnswerToolCallUseCase.BOOK,
                        Map.of(
                                "service_id",
                                desk.lola.cut(),
                                "start",
                                "el martes a las 5 de la tarde",
                                "client_name",
                                "Carmen")))
                .startsWith("Reservado: Corte de pelo el martes 24 de noviembre a las 17:00 con Owner.");
    }

    @Test
    void an_english_caller_s_days_in_words_are_the_business_s_days() {
        assertThat(bob(
                        AnswerToolCallUseCase.AVAILABILITY,
                        Map.of("service_name", "haircut", "date", "tomorrow morning")))
                .startsWith("Haircut on Tuesday 24 November: free at 09:00, ");
        assertThat(bob(
                        AnswerToolCallUseCase.AVAILABILITY,
                        Map.of("service_id", desk.bob.cut(), "date", "this afternoon")))
                .startsWith("Haircut on Monday 23 November: free at 12:00, ");
        assertThat(bob(AnswerToolCallUseCase.AVAILABILITY, Map.of("service_id", desk.bob.cut(), "date", "next Friday")))
                .startsWith("Haircut on Friday 27 November: free at 09:00");
        assertThat(bob(
                        AnswerToolCallUseCase.BOOK,
                        Map.of("service_id", desk.bob.cut(), "start", "tomorrow at 4pm", "name", "Carmen")))
                .startsWith("Booked: Haircut on Tuesday 24 November at 16:00 with Owner.");
    }

    @Test
    void tomorrow_is_counted_from_the_business_s_own_midnight() {
        // 23:30 in London on Monday is already 00:30 on Tuesday in Madrid
        VoiceDesk late = new VoiceDesk(Instant.parse("2026-11-23T23:30:00Z"));

        assertThat(said(late.call(VoiceDesk.LOLA_NUMBER, AnswerToolCallUseCase.HOURS, Map.of("date", "mañana"))))
                .startsWith("Horario de Peluquería Lola: miércoles 25 de noviembre");
        assertThat(said(late.call(VoiceDesk.BOB_NUMBER, AnswerToolCallUseCase.HOURS, Map.of("date", "tomorrow"))))
                .startsWith("Bob's Barbers opening hours: Tuesday 24 November");
    }

    @Test
    void a_service_said_in_other_pieces_is_found_and_two_that_fit_are_offered_as_a_choice() {
        service(desk.bob, "Hair colour", Set.of());
        service(desk.lola, "Corte y peinado", Set.of());

        assertThat(bob(
                        AnswerToolCallUseCase.AVAILABILITY,
                        Map.of("service_name", "hair cut", "date", "2026-11-24T10:00")))
                .startsWith("Haircut on Tuesday 24 November at 10:00 is free");
        assertThat(lola(
                        AnswerToolCallUseCase.AVAILABILITY,
                        Map.of("service_name", "cortepelo", "date", "2026-11-24T10:00")))
                .startsWith("Corte de pelo el martes 24 de noviembre a las 10:00 está libre");
        assertThat(bob(AnswerToolCallUseCase.AVAILABILITY, Map.of("service_name", "hair", "date", "2026-11-24")))
                .startsWith("error: Do you mean Haircut (service_id ")
                .contains(") or Hair colour (service_id ");
        assertThat(lola(AnswerToolCallUseCase.AVAILABILITY, Map.of("service_name", "corte", "date", "2026-11-24")))
                .startsWith("error: ¿Te refieres a Corte de pelo (service_id ")
                .contains(") o Corte y peinado (service_id ");
    }

    @Test
    void a_taken_time_s_nearest_free_times_are_read_in_order_with_u_before_an_o_sound() {
        lola(
                AnswerToolCallUseCase.BOOK,
                Map.of("service_id", desk.lola.cut(), "start", "2026-11-24T11:00", "client_name", "Ana"));
        bob(
                AnswerToolCallUseCase.BOOK,
                Map.of("service_id", desk.bob.cut(), "start", "2026-11-24T11:00", "name", "Ann"));

        assertThat(lola(
                        AnswerToolCallUseCase.AVAILABILITY,
                        Map.of("service_id", desk.lola.cut(), "date", "2026-11-24T11:00")))
                .isEqualTo("Corte de pelo el martes 24 de noviembre a las 11:00 no está libre. Lo más cercano: "
                        + "el martes 24 de noviembre a las 10:15, 10:30 u 11:30 "
                        + "(start 2026-11-24T10:15, 2026-11-24T10:30, 2026-11-24T11:30).");
        assertThat(bob(
                        AnswerToolCallUseCase.AVAILABILITY,
                        Map.of("service_id", desk.bob.cut(), "date", "2026-11-24T11:00")))
                .isEqualTo("Haircut on Tuesday 24 November at 11:00 is not free. The nearest: "
                        + "on Tuesday 24 November at 10:15, 10:30 or 11:30 "
                        + "(start 2026-11-24T10:15, 2026-11-24T10:30, 2026-11-24T11:30).");
    }

    @Test
    void a_refusal_s_alternatives_over_several_days_name_each_day_once() {
        // Monday 30 opens for half an hour only: the nearest free times run into Tuesday
        for (VoiceDesk.Business business : List.of(desk.lola, desk.bob)) {
            desk.app
                    .businessHours()
                    .saveSpecialDay(
                            business.owner(),
                            business.id(),
                            new SpecialDay(
                                    Optional.empty(),
                                    LocalDate.parse("2026-11-30"),
                                    List.of(OpeningWindow.of("09:00", "09:30")),
                                    "inventario"));
        }
        String closed = lola(
                AnswerToolCallUseCase.BOOK,
                Map.of("service_id", desk.lola.cut(), "start", "2026-11-28T10:00", "client_name", "Carmen"));
        String english = bob(
                AnswerToolCallUseCase.BOOK,
                Map.of("service_id", desk.bob.cut(), "start", "2026-11-28T10:00", "name", "Carmen"));

        assertThat(closed)
                .isEqualTo("Ese día el negocio está cerrado. Lo más cercano: el lunes 30 de noviembre a las 09:00; "
                        + "el martes 1 de diciembre a las 09:00 o 09:15 "
                        + "(start 2026-11-30T09:00, 2026-12-01T09:00, 2026-12-01T09:15).");
        assertThat(english)
                .isEqualTo("The business is closed that day. The nearest: on Monday 30 November at 09:00; "
                        + "on Tuesday 1 December at 09:00 or 09:15 "
                        + "(start 2026-11-30T09:00, 2026-12-01T09:00, 2026-12-01T09:15).");
    }

    @Test
    void a_time_the_clocks_skip_is_explained_with_the_nearest_real_times_and_books_nothing() {
        VoiceDesk spring = new VoiceDesk(Instant.parse("2027-03-22T08:00:00Z"));
        for (VoiceDesk.Business business : List.of(spring.lola, spring.bob)) {
            spring.app
                    .businessHours()
                    .setWeeklyHours(
                            business.owner(),
                            business.id(),
                            WeeklyHours.sameOn(
                                    List.of(DayOfWeek.values()), List.of(OpeningWindow.of("00:00", "24:00"))));
        }

        String asked = said(spring.call(
                VoiceDesk.LOLA_NUMBER,
                AnswerToolCallUseCase.AVAILABILITY,
                Map.of("service_id", spring.lola.cut(), "date", "2027-03-28", "time", "02:30")));
        String booked = said(spring.call(
                VoiceDesk.LOLA_NUMBER,
                AnswerToolCallUseCase.BOOK,
                Map.of("service_id", spring.lola.cut(), "start", "2027-03-28T02:30", "client_name", "Carmen")));
        String english = said(spring.call(
                VoiceDesk.BOB_NUMBER,
                AnswerToolCallUseCase.BOOK,
                Map.of("service_id", spring.bob.cut(), "start", "2027-03-28T01:30", "name", "Carmen")));

        String madrid = "Esa hora no existe el domingo 28 de marzo por el cambio de hora: a las 02:00 los relojes "
                + "pasan a las 03:00. Lo más cercano: el domingo 28 de marzo a las 01:45, 03:00 o 03:15 "
                + "(start 2027-03-28T01:45, 2027-03-28T03:00, 2027-03-28T03:15).";
        assertThat(asked).isEqualTo(madrid);
        assertThat(booked).isEqualTo(madrid);
        assertThat(english)
                .isEqualTo("That time does not exist on Sunday 28 March because the clocks change: at 01:00 they go "
                        + "forward to 02:00. The nearest: on Sunday 28 March at 00:45, 02:00 or 02:15 "
                        + "(start 2027-03-28T00:45, 2027-03-28T02:00, 2027-03-28T02:15).");
        assertThat(spring.app
                        .appointments()
                        .list(
                                spring.lola.owner(),
                                CalendarFilter.period(
                                        spring.lola.id(),
                                        new TimeRange(
                                                Instant.parse("2027-03-01T00:00:00Z"),
                                                Instant.parse("2027-04-01T00:00:00Z"))),
                                Page.Request.first(10))
                        .items())
                .isEmpty();
    }
}
