package com.voiceappoint.domain.appointment;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.TimeRange;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which of a business's appointments a calendar shows: those overlapping the period (an appointment across midnight
 * shows on both days) and matching every other criterion given. No statuses means every status.
 */
public record CalendarFilter(
        BusinessId businessId,
        TimeRange period,
        Set<AppointmentStatus> statuses,
        Optional<ProviderId> provider,
        Optional<ClientId> client,
        Optional<BookingSource> source) {
    public CalendarFilter {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(period, "period");
        statuses = Set.copyOf(statuses);
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(source, "source");
    }

    public static CalendarFilter period(BusinessId businessId, TimeRange period) {
        return new CalendarFilter(businessId, period, Set.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean matches(Appointment a) {
        return a.businessId().equals(businessId)
                && a.time().overlaps(period)
                && (statuses.isEmpty() || statuses.contains(a.status()))
                && provider.map(a.providerId()::equals).orElse(true)
                && client.map(a.clientId()::equals).orElse(true)
                && source.map(s -> a.source() == s).orElse(true);
    }
}
