package com.voiceappoint.adapter.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Money;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class StripeAmountsTest {

    @ParameterizedTest
    @CsvSource({
        "25.50, EUR, 2550, eur",
        "0.01, USD, 1, usd",
        "99999999.99, GBP, 9999999999, gbp",
        "3000, JPY, 3000, jpy",
        "15000, KRW, 15000, krw",
        "1500.00, MGA, 1500, mga",
        "5.120, KWD, 5120, kwd",
        "12.340, BHD, 12340, bhd",
        "1.000, JOD, 1000, jod",
        "40, ISK, 4000, isk",
        "1250.50, HUF, 125050, huf",
        "0, EUR, 0, eur"
    })
    void money_goes_to_stripe_in_its_minor_units_and_comes_back_the_same(
            String amount, String currency, long minor, String stripeCurrency) {
        Money money = Money.of(amount, currency);

        assertThat(StripeAmounts.minorUnits(money, "amount")).isEqualTo(minor);
        assertThat(StripeAmounts.currency(money)).isEqualTo(stripeCurrency);
        assertThat(StripeAmounts.money(minor, stripeCurrency)).isEqualTo(money);
    }

    @Test
    void every_currency_stripe_lists_as_zero_or_three_decimal_moves_the_point_as_stripe_says() {
        for (String code : StripeAmounts.ZERO_DECIMAL) {
            assertThat(StripeAmounts.exponent(Currency.getInstance(code)))
                    .as(code)
                    .isZero();
        }
        for (String code : StripeAmounts.THREE_DECIMAL) {
            assertThat(StripeAmounts.exponent(Currency.getInstance(code)))
                    .as(code)
                    .isEqualTo(3);
        }
        assertThat(StripeAmounts.ZERO_DECIMAL).hasSize(16);
        assertThat(StripeAmounts.THREE_DECIMAL).containsExactlyInAnyOrder("BHD", "JOD", "KWD", "OMR", "TND");
        assertThat(StripeAmounts.exponent(Currency.getInstance("EUR"))).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"5.124, KWD", "0.005, OMR", "1500.50, MGA", "0.99, XOF"})
    void an_amount_finer_than_stripe_takes_is_refused_not_rounded(String amount, String currency) {
        Money money;
        try {
            money = Money.of(amount, currency);
        } catch (InvalidValueException finerThanIsoToo) {
            // XOF has no decimals in ISO either: such money cannot even be made
            return;
        }
        assertThatThrownBy(() -> StripeAmounts.minorUnits(money, "amount"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("amount");
                    assertThat(e.getMessage()).contains("cannot be charged exactly");
                });
    }

    @Test
    void a_negative_amount_is_never_sent() {
        assertThatThrownBy(() -> StripeAmounts.minorUnits(Money.of("-1.00", "EUR"), "amount"))
                .isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"zzz", "", "eu", "€"})
    void a_currency_stripe_reports_that_we_do_not_know_is_an_invalid_value(String currency) {
        assertThatThrownBy(() -> StripeAmounts.money(100, currency)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void an_amount_stripe_reports_finer_than_the_currency_holds_is_an_invalid_value() {
        assertThatThrownBy(() -> StripeAmounts.money(4050, "isk")).isInstanceOf(InvalidValueException.class);
    }
}
