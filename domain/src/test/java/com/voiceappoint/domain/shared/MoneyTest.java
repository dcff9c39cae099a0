package com.voiceappoint.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MoneyTest {
    @Test
    void keeps_the_currencys_own_precision() {
        assertThat(Money.of("35", "EUR").amount().toPlainString()).isEqualTo("35.00");
        assertThat(Money.of("1500", "JPY").amount().toPlainString()).isEqualTo("1500");
        assertThat(Money.of("1.250", "BHD").amount().toPlainString()).isEqualTo("1.250");
        assertThat(Money.of("35.10", "EUR")).isEqualTo(Money.of("35.1", "EUR"));
    }

    @Test
    void refuses_fractions_of_a_cent() {
        assertThatThrownBy(() -> Money.of("35.001", "EUR")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Money.of("10.5", "JPY")).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eur", "EURO", "XYZ", ""})
    void refuses_unknown_currencies(String code) {
        assertThatThrownBy(() -> Money.currency(code)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void adds_within_one_currency_only() {
        assertThat(Money.of("10.50", "EUR").plus(Money.of("0.50", "EUR"))).isEqualTo(Money.of("11", "EUR"));
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void amounts_beyond_what_is_stored_are_refused_before_any_arithmetic() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> new Money(new BigDecimal("1e1000000000"), Money.currency("EUR")))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Money.of("100000000000", "EUR")).isInstanceOf(InvalidValueException.class);
        assertThat(Money.of("99999999999.99", "EUR").amount().toPlainString()).isEqualTo("99999999999.99");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }
}
