package com.voiceappoint.application.voice;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.in.VoiceToolsUseCase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlotsByDayTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");

    /** A wall-clock time in Madrid in winter (UTC+1). */
    private static Instant at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(MADRID).toInstant();
    }

    private static VoiceToolsUseCase.Offer offer(String local, String... who) {
        return new VoiceToolsUseCase.Offer(at(local), List.of(who));
    }

    @Test
    void times_are_ordered_and_each_day_is_named_once() {
        List<SlotsByDay.Day> days = SlotsByDay.group(
                List.of(
                        offer("2026-12-17T09:00"),
                        offer("2026-12-16T11:30"),
                        offer("2026-12-16T10:15"),
                        offer("2026-12-16T10:30")),
                MADRID);

        assertThat(days)
                .extracting(SlotsByDay.Day::date)
                .containsExactly(LocalDate.parse("2026-12-16"), LocalDate.parse("2026-12-17"));
        assertThat(days.get(0).runs())
                .singleElement()
                .satisfies(run -> assertThat(run.starts())
                        .containsExactly(at("2026-12-16T10:15"), at("2026-12-16T10:30"), at("2026-12-16T11:30")));
        assertThat(days.get(1).runs())
                .singleElement()
                .satisfies(run -> assertThat(run.starts()).containsExactly(at("2026-12-17T09:00")));
    }

    @Test
    void the_day_is_the_business_s_not_utc_s() {
        // 23:30 UTC on the 16th is 00:30 on the 17th in Madrid
        List<SlotsByDay.Day> days = SlotsByDay.group(
                List.of(new VoiceToolsUseCase.Offer(Instant.parse("2026-12-16T23:30:00Z"), List.of())), MADRID);

        assertThat(days).extracting(SlotsByDay.Day::date).containsExactly(LocalDate.parse("2026-12-17"));
    }

    @Test
    void times_in_a_row_with_the_same_people_free_are_one_run() {
        List<SlotsByDay.Day> days = SlotsByDay.group(
                List.of(
                        offer("2026-12-16T10:00", "Marta", "Sam"),
                        offer("2026-12-16T10:15", "Marta", "Sam"),
                        offer("2026-12-16T10:30", "Marta"),
                        offer("2026-12-16T11:00", "Marta", "Sam"),
                        offer("2026-12-16T11:00", "Sam")),
                MADRID);

        assertThat(days)
                .singleElement()
                .satisfies(day -> assertThat(day.runs())
                        .containsExactly(
                                new SlotsByDay.Run(
                                        List.of(at("2026-12-16T10:00"), at("2026-12-16T10:15")),
                                        List.of("Marta", "Sam")),
                                new SlotsByDay.Run(List.of(at("2026-12-16T10:30")), List.of("Marta")),
                                new SlotsByDay.Run(List.of(at("2026-12-16T11:00")), List.of("Marta", "Sam"))));
    }

    @Test
    void nothing_offered_is_no_day() {
        assertThat(SlotsByDay.group(List.of(), MADRID)).isEmpty();
    }
}
