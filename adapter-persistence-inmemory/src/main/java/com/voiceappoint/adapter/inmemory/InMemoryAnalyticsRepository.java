package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.port.out.AnalyticsRepository;
import com.voiceappoint.domain.analytics.AppointmentStats;
import com.voiceappoint.domain.analytics.CallStats;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.shared.TimeRange;
import com.voiceappoint.domain.voice.VoiceCall;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The figures computed the slow, obvious way over the other fakes: the contract the SQL must match. */
final class InMemoryAnalyticsRepository implements AnalyticsRepository {
    private final InMemoryCallLogRepository calls;
    private final InMemoryAppointmentRepository appointments;

    InMemoryAnalyticsRepository(InMemoryCallLogRepository calls, InMemoryAppointmentRepository appointments) {
        this.calls = calls;
        this.appointments = appointments;
    }

    @Override
    public CallStats calls(BusinessId businessId, TimeRange period) {
        List<VoiceCall> inPeriod = calls.all(businessId).stream()
                .filter(c -> period.contains(c.firstSeenAt()))
                .toList();
        List<Duration> durations =
                inPeriod.stream().flatMap(c -> c.duration().stream()).toList();
        // whole seconds, rounded down, like the database's floor(avg(...))
        Optional<Duration> average = durations.isEmpty()
                ? Optional.empty()
                : Optional.of(Duration.ofSeconds(durations.stream()
                        .reduce(Duration.ZERO, Duration::plus)
                        .dividedBy(durations.size())
                        .getSeconds()));
        Map<String, Long> reasons = new LinkedHashMap<>();
        inPeriod.forEach(c -> c.endedReason().ifPresent(r -> reasons.merge(r, 1L, Long::sum)));
        long converted = inPeriod.stream()
                .filter(c -> calls.appointmentsOf(businessId, c.callId()).stream()
                        .flatMap(id -> appointments.find(id).stream())
                        .anyMatch(a -> a.status().wasBooked()))
                .count();
        return new CallStats(inPeriod.size(), average, reasons, converted);
    }

    @Override
    public AppointmentStats appointments(BusinessId businessId, TimeRange period) {
        AppointmentStats.Tally tally = new AppointmentStats.Tally();
        for (Appointment a : appointments.all(businessId)) {
            if (period.contains(a.start())) {
                Money earned = a.status().earnsRevenue()
                        ? a.price()
                        : Money.zero(a.price().currency());
                tally.add(a.source(), a.status(), a.serviceId(), 1, earned);
            }
        }
        return tally.stats();
    }
}
