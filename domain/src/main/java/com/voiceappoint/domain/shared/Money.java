package com.voiceappoint.domain.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in one currency, held at the currency's own precision (2 decimals for EUR, 0 for JPY). Never a
 * double: a price must add up to the cent.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {
    /** What the database keeps (numeric(14, 3)): a hundred billion is more than any appointment costs. */
    public static final int MAX_WHOLE_DIGITS = 11;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        int digits = Math.max(currency.getDefaultFractionDigits(), 0);
        // checked before any scaling: 1e1000000 is nine characters of JSON and a very large number to build. The
        // messages are written only on failure: every price read from the store passes here, thousands for a week's
        // calendar
        if (amount.precision() - amount.scale() > MAX_WHOLE_DIGITS) {
            throw new InvalidValueException(
                    "price", "an amount has at most %d digits before the decimal point".formatted(MAX_WHOLE_DIGITS));
        }
        if (amount.stripTrailingZeros().scale() > digits) {
            throw new InvalidValueException(
                    "price", "%s takes at most %d decimals".formatted(currency.getCurrencyCode(), digits));
        }
        amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), currency(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /** Parses an ISO 4217 code, refusing anything else with a domain error rather than a raw JDK exception. */
    public static Currency currency(String code) {
        InvalidValueException.check(code != null && code.matches("[A-Z]{3}"), "currency", "not an ISO 4217 code");
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("currency", "unknown currency " + code);
        }
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
