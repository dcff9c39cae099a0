package com.voiceappoint.adapter.http.web;

import com.voiceappoint.domain.billing.Plan;
import com.voiceappoint.domain.shared.Money;
import java.text.NumberFormat;

/** How the pages write a plan's price and cap, in the page's language. */
public final class PlanText {
    private final Visit v;

    PlanText(Visit v) {
        this.v = v;
    }

    /** "29,00 €" / "€29.00": the plan's own currency, whatever the business's. */
    public String price(Plan plan) {
        Money price = plan.monthlyPrice();
        NumberFormat format = NumberFormat.getCurrencyInstance(v.language().locale());
        format.setCurrency(price.currency());
        int digits = Math.max(price.currency().getDefaultFractionDigits(), 0);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(price.amount());
    }

    /** What the plan allows by voice in a month, in words. */
    public String voiceCap(Plan plan) {
        return plan.voiceBookingsPerMonth()
                .map(cap -> v.plain("plans.voice.capped", count(cap)))
                .orElseGet(() -> v.plain("plans.voice.unlimited"));
    }

    public String count(long value) {
        return NumberFormat.getIntegerInstance(v.language().locale()).format(value);
    }
}
