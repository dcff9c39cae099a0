package com.voiceappoint.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.client.PhoneNumber;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueObjectsTest {
    @ParameterizedTest
    @ValueSource(strings = {"+34600123456", "+14155550123", "+9779812345678"})
    void e164_phone_numbers_are_accepted(String number) {
        assertThat(new PhoneNumber(number).value()).isEqualTo(number);
    }

    @ParameterizedTest
    @ValueSource(strings = {"600123456", "+0600123456", "+34 600 123 456", "+1234", "+12345678901234567", ""})
    void anything_else_is_not_a_phone_number(String number) {
        assertThatThrownBy(() -> new PhoneNumber(number)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void e_mail_addresses_are_trimmed_and_lower_cased() {
        assertThat(new EmailAddress("  Lola@Example.COM ").value()).isEqualTo("lola@example.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lola", "lola@", "@example.com", "lo la@example.com", "lola@example"})
    void malformed_e_mail_addresses_are_refused(String value) {
        assertThatThrownBy(() -> new EmailAddress(value)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Europe/Madrid", "America/New_York", "Asia/Kathmandu", "UTC"})
    void iana_zones_parse(String zone) {
        assertThat(Zones.parse(zone, "timezone").getId()).isEqualTo(zone);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Mars/Olympus", "+02:00", "CET", "GMT+2", " "})
    void offsets_and_unknown_zones_are_refused(String zone) {
        assertThatThrownBy(() -> Zones.parse(zone, "timezone"))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("timezone"));
    }

    @Test
    void languages_parse_from_tags() {
        assertThat(Language.fromTag("es-ES")).contains(Language.ES);
        assertThat(Language.fromTag("en_GB")).contains(Language.EN);
        assertThat(Language.fromTag("fr")).isEmpty();
    }

    @Test
    void time_ranges_are_half_open() {
        TimeRange morning = new TimeRange(Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-01T10:00:00Z"));
        TimeRange next = new TimeRange(Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T11:00:00Z"));

        assertThat(morning.overlaps(next)).isFalse();
        assertThat(morning.contains(next.start())).isFalse();
        assertThatThrownBy(() -> new TimeRange(next.end(), next.start())).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void local_days_cover_from_the_first_midnight_to_the_midnight_after_the_last_in_the_zone() {
        ZoneId madrid = ZoneId.of("Europe/Madrid");
        // the last Sunday of March 2026 has 23 hours in Madrid
        TimeRange weekend = TimeRange.days(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 29), madrid);

        assertThat(weekend.start()).isEqualTo(Instant.parse("2026-03-27T23:00:00Z"));
        assertThat(weekend.end()).isEqualTo(Instant.parse("2026-03-29T22:00:00Z"));
        assertThat(weekend.length()).isEqualTo(Duration.ofHours(47));
    }

    @Test
    void a_day_whose_midnight_a_clock_change_skips_starts_at_its_first_moment() {
        // Santiago de Chile moved its clocks from 00:00 to 01:00 on 6 September 2026
        ZoneId santiago = ZoneId.of("America/Santiago");

        assertThat(TimeRange.startOfDay(LocalDate.of(2026, 9, 6), santiago))
                .isEqualTo(Instant.parse("2026-09-06T04:00:00Z"));
    }
}
