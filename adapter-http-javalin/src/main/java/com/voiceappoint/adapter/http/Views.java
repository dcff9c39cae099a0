package com.voiceappoint.adapter.http;

import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.application.port.in.PaymentsUseCase;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.business.BookingPolicy;
import com.voiceappoint.domain.business.Business;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceCategoryId;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentMethod;
import com.voiceappoint.domain.payment.Refund;
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
            OffsetDateTime updatedAt,
            PaymentView payment) {
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
                    at(a.updatedAt(), zone),
                    null);
        }

        /** With the deposit a member took by hand as they booked it. */
        AppointmentView with(PaymentView taken) {
            return new AppointmentView(
                    id,
                    business,
                    service,
                    provider,
                    client,
                    start,
                    end,
                    status,
                    source,
                    price,
                    currency,
                    notes,
                    cancellation,
                    createdAt,
                    updatedAt,
                    taken);
        }
    }

    /**
     * A client's payment as the business sees it: what was paid, what was given back and what can still be, and each
     * refund with Stripe's id for it.
     */
    record PaymentView(
            UUID id,
            UUID business,
            UUID appointment,
            String kind,
            String method,
            String amount,
            String refunded,
            String refundable,
            String currency,
            String status,
            String checkoutUrl,
            String paymentIntent,
            OffsetDateTime payBy,
            String issue,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt,
            List<RefundView> refunds) {
        static PaymentView of(PaymentsUseCase.PaymentRecord record, ZoneId zone) {
            Payment p = record.payment();
            return new PaymentView(
                    p.id().value(),
                    p.businessId().value(),
                    p.appointmentId().value(),
                    p.kind().code(),
                    p.method().code(),
                    Views.amount(p.amount()),
                    Views.amount(p.refunded()),
                    // money taken by hand is given back by hand: nothing of it through Stripe
                    Views.amount(
                            p.method() == PaymentMethod.STRIPE
                                    ? p.refundable()
                                    : Money.zero(p.amount().currency())),
                    p.amount().currency().getCurrencyCode(),
                    p.status().code(),
                    p.checkoutUrl().orElse(null),
                    p.paymentIntent().orElse(null),
                    p.payBy().map(payBy -> at(payBy, zone)).orElse(null),
                    p.issue().orElse(null),
                    at(p.createdAt(), zone),
                    at(p.updatedAt(), zone),
                    record.refunds().stream().map(r -> RefundView.of(r, zone)).toList());
        }
    }

    record RefundView(
            UUID id, String amount, String reason, String status, String stripeRefund, OffsetDateTime createdAt) {
        static RefundView of(Refund r, ZoneId zone) {
            return new RefundView(
                    r.id(),
                    Views.amount(r.amount()),
                    r.reason().code(),
                    r.status().code(),
                    r.stripeRefund().orElse(null),
                    at(r.createdAt(), zone));
        }
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime();
    }

    static String amount(Money money) {
        return money.amount().toPlainString();
    }
}
