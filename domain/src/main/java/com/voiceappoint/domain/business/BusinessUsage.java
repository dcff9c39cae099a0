package com.voiceappoint.domain.business;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How much a business uses the platform, as its operators see it: its team and catalogue, the appointments booked
 * (held times that were never booked are not counted) and the calls answered.
 *
 * @param appointmentsThisMonth appointments booked (made, whatever their date) in the month asked about
 * @param lastActivity the latest appointment written or call answered, if any
 * @param lastChange the latest suspension or reactivation, if an operator ever made one
 */
public record BusinessUsage(
        Business business,
        int members,
        int services,
        long appointmentsThisMonth,
        long appointmentsInTotal,
        long callsThisMonth,
        Optional<Instant> lastActivity,
        Optional<StatusChange> lastChange) {
    public BusinessUsage {
        Objects.requireNonNull(business, "business");
        Objects.requireNonNull(lastActivity, "lastActivity");
        Objects.requireNonNull(lastChange, "lastChange");
    }
}
