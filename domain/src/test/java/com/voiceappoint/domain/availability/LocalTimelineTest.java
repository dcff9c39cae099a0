package com.voiceappoint.domain.availability;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LocalTimelineTest {
    /**
     * The fast path for the days of a search must give what the zone rules give, every quarter hour of two years,
     * in zones whose clocks change at 02:00, at midnight, by 30 minutes, or not at all.
     */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "Europe/Madrid",
                "America/New_York",
                "America/Santiago",
                "Australia/Lord_Howe",
                "Asia/Kathmandu",
                "UTC"
            })
    void the_days_of_a_search_map_wall_clock_times_as_the_zone_rules_do(String zoneName) {
        ZoneId zone = ZoneId.of(zoneName);
        LocalDate first = LocalDate.of(2026, 1, 1);
        int days = 730;
        LocalTimeline rules = new LocalTimeline(zone);
        LocalTimeline prepared = new LocalTimeline(zone, first, days);

        for (int d = 0; d <= days; d++) {
            LocalDate date = first.plusDays(d);
            for (int minute = 0; minute < 24 * 60; minute += 15) {
                LocalTime time = LocalTime.ofSecondOfDay(minute * 60L);
                assertThat(prepared.epochSecond(date, time))
                        .as("%s %s", date, time)
                        .isEqualTo(rules.epochSecond(date, time));
            }
        }
        assertThat(prepared.epochSecond(first.minusDays(1), LocalTime.NOON))
                .isEqualTo(rules.epochSecond(first.minusDays(1), LocalTime.NOON));
    }

    @Test
    void busy_time_spanning_more_than_decades_is_still_merged_in_order() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        TimeRange longAgo = new TimeRange(Instant.parse("1950-01-01T00:00:00Z"), Instant.parse("1950-01-02T00:00:00Z"));
        TimeRange booked = new TimeRange(now, now.plusSeconds(1800));
        ProviderAgenda agenda = new ProviderAgenda(
                ProviderId.random(), Optional.empty(), Map.of(), List.of(new Booking(now, booked)), List.of(longAgo));

        assertThat(agenda.busyStarts()).containsExactly(longAgo.start().getEpochSecond(), now.getEpochSecond());
        assertThat(agenda.isFree(now.getEpochSecond(), now.getEpochSecond() + 60))
                .isFalse();
        assertThat(agenda.isFree(now.getEpochSecond() + 1800, now.getEpochSecond() + 3600))
                .isTrue();
    }
}
