package com.voiceappoint.domain.analytics;

import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.shared.Money;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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

    /**
     * Appointments counted into stats, a group at a time (one appointment, or a database's group by source, status
     * and service): what every store that answers the statistics shares.
     */
    public static final class Tally {
        private final Map<BookingSource, Long> bySource = new EnumMap<>(BookingSource.class);
        private final Map<AppointmentStatus, Long> byStatus = new EnumMap<>(AppointmentStatus.class);
        private final Map<ServiceId, Long> counts = new LinkedHashMap<>();
        private final Map<ServiceId, Money> revenue = new LinkedHashMap<>();

        /** {@code count} appointments alike, {@code earned} of revenue among them. */
        public void add(BookingSource source, AppointmentStatus status, ServiceId service, long count, Money earned) {
            bySource.merge(source, count, Long::sum);
            byStatus.merge(status, count, Long::sum);
            counts.merge(service, count, Long::sum);
            revenue.merge(service, earned, Money::plus);
        }

        public AppointmentStats stats() {
            List<ServiceFigures> figures = new ArrayList<>();
            counts.forEach((service, count) -> figures.add(new ServiceFigures(service, count, revenue.get(service))));
            return new AppointmentStats(bySource, byStatus, figures);
        }
    }

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
