package com.voiceappoint.adapter.http;

import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.business.BookingPolicy;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceCategoryId;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.CountryCode;
import com.voiceappoint.domain.shared.Money;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** How the API shows the domain: ids as strings, money as exact decimal strings, times in the business's offset. */
final class Views {
    private Views() {}

    record BusinessView(
            UUID id,
            String slug,
            String name,
            String businessType,
            String language,
            String timezone,
            String currency,
            String country,
            boolean allowVoiceBooking,
            PolicyView policy) {
        static BusinessView of(Business b) {
            return new BusinessView(
                    b.id().value(),
                    b.slug().value(),
                    b.name(),
                    b.type().code(),
                    b.language().code(),
                    b.zone().getId(),
                    b.currency().getCurrencyCode(),
                    b.country().map(CountryCode::value).orElse(null),
                    b.allowVoiceBooking(),
                    PolicyView.of(b.policy()));
        }
    }

    record PolicyView(
            long slotStepMinutes,
            long minimumNoticeMinutes,
            long maximumAdvanceDays,
            long cancellationCutoffMinutes,
            long holdMinutes) {
        static PolicyView of(BookingPolicy p) {
            return new PolicyView(
                    p.slotStep().toMinutes(),
                    p.minimumNotice().toMinutes(),
                    p.maximumAdvance().toDays(),
                    p.cancellationCutoff().toMinutes(),
                    p.holdDuration().toMinutes());
        }
    }

    record ServiceView(
            UUID id,
            UUID business,
            UUID category,
            String name,
            String description,
            long durationMinutes,
            String price,
            String currency,
            long bufferBeforeMinutes,
            long bufferAfterMinutes,
            boolean voiceBookingEnabled,
            boolean active,
            List<UUID> providerIds,
            String deposit) {
        static ServiceView of(Service s) {
            return new ServiceView(
                    s.id().value(),
                    s.businessId().value(),
                    s.categoryId().map(ServiceCategoryId::value).orElse(null),
                    s.name(),
                    s.description(),
                    s.duration().toMinutes(),
                    amount(s.price()),
                    s.price().currency().getCurrencyCode(),
                    s.bufferBefore().toMinutes(),
                    s.bufferAfter().toMinutes(),
                    s.voiceBookingEnabled(),
                    s.active(),
                    s.providers().stream().map(ProviderId::value).sorted().toList(),
                    s.deposit().map(Views::amount).orElse(null));
        }
    }

    record Named(UUID id, String name) {}

    record ClientView(UUID id, String name, String phone, String email) {}

    record CancellationView(String by, String reason, OffsetDateTime at) {}

    record AppointmentView(
            UUID id,
            UUID business,
            Named service,
            Named provider,
            ClientView client,
            OffsetDateTime start,
            OffsetDateTime end,
            String status,
            String source,
            String price,
            String currency,
            String notes,
            CancellationView cancellation,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {
        static AppointmentView of(AppointmentDetails d) {
            Appointment a = d.appointment();
            ZoneId zone = d.zone();
            return new AppointmentView(
                    a.id().value(),
                    a.businessId().value(),
                    new Named(a.serviceId().value(), d.serviceName()),
                    new Named(a.providerId().value(), d.providerName()),
                    new ClientView(
                            d.client().id().value(),
                            d.client().name(),
                            d.client().phone().map(Object::toString).orElse(null),
                            d.client().email().map(Object::toString).orElse(null)),
                    at(a.start(), zone),
                    at(a.end(), zone),
                    a.status().code(),
                    a.source().code(),
                    amount(a.price()),
                    a.price().currency().getCurrencyCode(),
                    a.notes(),
                    a.cancellation()
                            .map(c -> new CancellationView(c.by().code(), c.reason(), at(c.at(), zone)))
                            .orElse(null),
                    at(a.createdAt(), zone),
                    at(a.updatedAt(), zone));
        }
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime();
    }

    static String amount(Money money) {
        return money.amount().toPlainString();
    }
}
