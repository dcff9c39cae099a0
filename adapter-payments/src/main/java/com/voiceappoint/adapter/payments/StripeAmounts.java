package com.voiceappoint.adapter.payments;

import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Set;

/**
 * Money as Stripe's API writes it: a whole number of the currency's smallest unit <em>as Stripe counts it</em>, which
 * is not always ISO 4217's (https://docs.stripe.com/currencies#minor-units).
 *
 * <ul>
 *   <li>Zero-decimal currencies are sent as they are: 3000 JPY is {@code 3000}. Stripe lists MGA among them, which
 *       ISO gives two decimals, so 1500.50 MGA cannot be charged.
 *   <li>Three-decimal currencies are sent in thousandths whose last digit is 0 (Stripe's card partners take nothing
 *       finer): 5.120 KWD is {@code 5120}; 5.124 KWD cannot be charged.
 *   <li>Every other currency in hundredths: 25.50 EUR is {@code 2550}. ISK is one of them although it has no decimals
 *       (Stripe kept it two-decimal for compatibility and takes only multiples of 100), which holds by construction:
 *       an ISK {@link Money} is whole krónur.
 * </ul>
 *
 * <p>An amount that cannot be charged exactly is refused rather than rounded: a deposit is what the business asked
 * for, to the cent, or nothing.
 */
final class StripeAmounts {
    /** https://docs.stripe.com/currencies#zero-decimal */
    static final Set<String> ZERO_DECIMAL = Set.of(
            "BIF", "CLP", "DJF", "GNF", "JPY", "KMF", "KRW", "MGA", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF",
            "XPF");

    /** https://docs.stripe.com/currencies#three-decimal */
    static final Set<String> THREE_DECIMAL = Set.of("BHD", "JOD", "KWD", "OMR", "TND");

    private StripeAmounts() {}

    /** How many places Stripe moves the decimal point for this currency. */
    static int exponent(Currency currency) {
        String code = currency.getCurrencyCode();
        if (ZERO_DECIMAL.contains(code)) {
            return 0;
        }
        return THREE_DECIMAL.contains(code) ? 3 : 2;
    }

    /**
     * @param field what the amount is, for the error when it cannot be charged
     * @throws InvalidValueException when the amount is negative or finer than Stripe takes in its currency
     */
    static long minorUnits(Money money, String field) {
        InvalidValueException.check(!money.isNegative(), field, "an amount charged or given back is never negative");
        String code = money.currency().getCurrencyCode();
        int exponent = exponent(money.currency());
        BigDecimal minor = money.amount().movePointRight(exponent);
        if (minor.stripTrailingZeros().scale() > 0) {
            throw new InvalidValueException(
                    field, "%s cannot be charged exactly: Stripe takes %s in whole units".formatted(money, code));
        }
        long units = minor.longValueExact();
        if (exponent == 3 && units % 10 != 0) {
            throw new InvalidValueException(
                    field,
                    "%s cannot be charged exactly: Stripe takes %s in multiples of 0.010".formatted(money, code));
        }
        return units;
    }

    /** Stripe's lower-case ISO code, as every request must spell it. */
    static String currency(Money money) {
        return money.currency().getCurrencyCode().toLowerCase(Locale.ROOT);
    }

    /**
     * Reads back an amount Stripe reported ({@code amount_total} and {@code currency} of a Checkout Session).
     *
     * @throws InvalidValueException for a currency we do not know, or an amount finer than the currency holds
     */
    static Money money(long minorUnits, String stripeCurrency) {
        Currency currency = Money.currency(stripeCurrency == null ? null : stripeCurrency.toUpperCase(Locale.ROOT));
        return new Money(BigDecimal.valueOf(minorUnits).movePointLeft(exponent(currency)), currency);
    }
}
