package com.voiceappoint.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.client.PhoneNumber;
import java.time.Instant;
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
}
