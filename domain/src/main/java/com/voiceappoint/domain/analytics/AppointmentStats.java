package com.voiceappoint.domain.analytics;

import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.shared.Money;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A business's appointments starting in a period, counted by source, status and service. */
public record AppointmentStats(
        Map<BookingSource, Long> bySource, Map<AppointmentStatus, Long> byStatus, List<ServiceFigures> byService) {
    public AppointmentStats {
        bySource = Map.copyOf(bySource);
        byStatus = Map.copyOf(byStatus);
        byService = List.copyOf(byService);
    }

    /**
     * One service's appointments (any status) and the revenue of those confirmed or completed, at the prices they
     * were booked at.
     */
    public record ServiceFigures(ServiceId service, long appointments, Money revenue) {}

    /** Most booked first. */
    public List<ServiceFigures> popular(int top) {
        return byService.stream()
                .sorted(Comparator.comparingLong(ServiceFigures::appointments).reversed())
                .limit(top)
                .toList();
    }

    /** Of the appointments that came due, the share nobody came to; empty when none came due. */
    public Optional<Double> noShowRate() {
        long noShows = byStatus.getOrDefault(AppointmentStatus.NO_SHOW, 0L);
        long due = noShows + byStatus.getOrDefault(AppointmentStatus.COMPLETED, 0L);
        return due == 0 ? Optional.empty() : Optional.of((double) noShows / due);
    }
}
