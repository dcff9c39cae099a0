package com.voiceappoint.adapter.persistence;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.appointment.Cancellation;
import com.voiceappoint.domain.appointment.CancelledBy;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.event.BusinessEvent;
import com.voiceappoint.domain.notification.Channel;
import com.voiceappoint.domain.notification.DeliveryStatus;
import com.voiceappoint.domain.notification.MessageKind;
import com.voiceappoint.domain.notification.Notification;
import com.voiceappoint.domain.notification.NotificationId;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.Language;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.shared.TimeRange;
import com.voiceappoint.domain.voice.CallMessage;
import com.voiceappoint.domain.voice.VoiceCall;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who made an event happen and what it is about, as {@code business_events.payload} keeps them: JSON that reads back
 * into records equal to those written. Jackson sees records of this class that mirror the domain's, never the
 * domain's own, so the domain carries no annotations and the stored form changes only when this class does.
 *
 * <p>Amounts are strings, so that {@code 25.50} reads back with its two decimals; times are ISO instants, to the
 * nanosecond. Fields a newer server added are ignored: during a rolling deploy an older one still reads the events
 * the newer one kept.
 */
final class EventPayloads {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // the engine, as who made a hold expire, has nothing to say but its name
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    private EventPayloads() {}

    /** The payload of {@code event}. */
    static String write(BusinessEvent event) {
        try {
            return JSON.writeValueAsString(new Payload(by(event.by()), subject(event.subject())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event of " + event.business() + " could not be written", e);
        }
    }

    /** The event a row keeps. */
    static BusinessEvent read(long sequence, BusinessId business, BusinessEvent.Kind kind, Instant at, String payload) {
        Payload read;
        try {
            read = JSON.readValue(payload, Payload.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + sequence + " of " + business + " could not be read", e);
        }
        return new BusinessEvent(
                sequence, business, kind, at, read.by().domain(), read.subject().domain());
    }

    private record Payload(StoredBy by, StoredSubject subject) {}

    private static StoredBy by(BusinessEvent.By by) {
        if (by instanceof BusinessEvent.Member member) {
            return new ByMember(member.user().value());
        }
        if (by instanceof BusinessEvent.Client client) {
            return new ByClient(client.channel());
        }
        return new ByEngine();
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = ByMember.class, name = "member"),
        @JsonSubTypes.Type(value = ByClient.class, name = "client"),
        @JsonSubTypes.Type(value = ByEngine.class, name = "engine")
    })
    private sealed interface StoredBy permits ByMember, ByClient, ByEngine {
        BusinessEvent.By domain();
    }

    private record ByMember(UUID user) implements StoredBy {
        @Override
        public BusinessEvent.By domain() {
            return new BusinessEvent.Member(new UserId(user));
        }
    }

    private record ByClient(BusinessEvent.Channel channel) implements StoredBy {
        @Override
        public BusinessEvent.By domain() {
            return new BusinessEvent.Client(channel);
        }
    }

    private record ByEngine() implements StoredBy {
        @Override
        public BusinessEvent.By domain() {
            return new BusinessEvent.Engine();
        }
    }

    private static StoredSubject subject(BusinessEvent.Subject subject) {
        if (subject instanceof BusinessEvent.AppointmentChange change) {
            return new AboutAppointment(
                    details(change), change.movedFrom().map(StoredRange::of).orElse(null));
        }
        if (subject instanceof BusinessEvent.CallChange change) {
            return new AboutCall(call(change.call()));
        }
        if (subject instanceof BusinessEvent.NotificationFailure failure) {
            return new AboutFailedNotification(
                    notification(failure.notification()), failure.provider().value(), failure.client());
        }
        if (subject instanceof BusinessEvent.ServiceChange change) {
            return new AboutServiceChange(change.service().value(), change.name(), change.removed());
        }
        BusinessEvent.HoursChange change = (BusinessEvent.HoursChange) subject;
        return new AboutHours(change.provider().map(ProviderId::value).orElse(null));
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({
        @JsonSubTypes.Type(value = AboutAppointment.class, name = "appointment"),
        @JsonSubTypes.Type(value = AboutCall.class, name = "call"),
        @JsonSubTypes.Type(value = AboutFailedNotification.class, name = "notification_failure"),
        @JsonSubTypes.Type(value = AboutServiceChange.class, name = "service"),
        @JsonSubTypes.Type(value = AboutHours.class, name = "hours")
    })
    private sealed interface StoredSubject
            permits AboutAppointment, AboutCall, AboutFailedNotification, AboutServiceChange, AboutHours {
        BusinessEvent.Subject domain();
    }

    private record AboutAppointment(StoredDetails appointment, StoredRange movedFrom) implements StoredSubject {
        @Override
        public BusinessEvent.Subject domain() {
            return appointment.domain(Optional.ofNullable(movedFrom).map(StoredRange::domain));
        }
    }

    private record AboutCall(StoredCall call) implements StoredSubject {
        @Override
        public BusinessEvent.Subject domain() {
            return new BusinessEvent.CallChange(call.domain());
        }
    }

    private record AboutFailedNotification(StoredNotification notification, UUID provider, String client)
            implements StoredSubject {
        @Override
        public BusinessEvent.Subject domain() {
            return new BusinessEvent.NotificationFailure(notification.domain(), new ProviderId(provider), client);
        }
    }

    private record AboutServiceChange(UUID service, String name, boolean removed) implements StoredSubject {
        @Override
        public BusinessEvent.Subject domain() {
            return new BusinessEvent.ServiceChange(new ServiceId(service), name, removed);
        }
    }

    private record AboutHours(UUID provider) implements StoredSubject {
        @Override
        public BusinessEvent.Subject domain() {
            return new BusinessEvent.HoursChange(Optional.ofNullable(provider).map(ProviderId::new));
        }
    }

    private static StoredDetails details(BusinessEvent.AppointmentChange details) {
        Appointment a = details.appointment();
        return new StoredDetails(
                new StoredAppointment(
                        a.id().value(),
                        a.businessId().value(),
                        a.serviceId().value(),
                        a.providerId().value(),
                        a.clientId().value(),
                        StoredRange.of(a.time()),
                        StoredRange.of(a.blocked()),
                        a.status(),
                        a.source(),
                        a.price().amount().toPlainString(),
                        a.price().currency().getCurrencyCode(),
                        a.notes(),
                        a.holdExpiresAt().orElse(null),
                        a.cancellation()
                                .map(c -> new StoredCancellation(c.by(), c.reason(), c.at()))
                                .orElse(null),
                        a.createdAt(),
                        a.updatedAt()),
                details.serviceName(),
                details.providerName(),
                client(details.client()),
                details.zone().getId());
    }

    private record StoredDetails(
            StoredAppointment appointment, String serviceName, String providerName, StoredClient client, String zone) {
        BusinessEvent.AppointmentChange domain(Optional<TimeRange> movedFrom) {
            return new BusinessEvent.AppointmentChange(
                    appointment.domain(), serviceName, providerName, client.domain(), ZoneId.of(zone), movedFrom);
        }
    }

    private record StoredAppointment(
            UUID id,
            UUID business,
            UUID service,
            UUID provider,
            UUID client,
            StoredRange time,
            StoredRange blocked,
            AppointmentStatus status,
            BookingSource source,
            String price,
            String currency,
            String notes,
            Instant holdExpiresAt,
            StoredCancellation cancellation,
            Instant createdAt,
            Instant updatedAt) {
        Appointment domain() {
            return new Appointment(
                    new AppointmentId(id),
                    new BusinessId(business),
                    new ServiceId(service),
                    new ProviderId(provider),
                    new ClientId(client),
                    time.domain(),
                    blocked.domain(),
                    status,
                    source,
                    new Money(new BigDecimal(price), Currency.getInstance(currency)),
                    notes,
                    Optional.ofNullable(holdExpiresAt),
                    Optional.ofNullable(cancellation).map(StoredCancellation::domain),
                    createdAt,
                    updatedAt);
        }
    }

    private record StoredCancellation(CancelledBy by, String reason, Instant at) {
        Cancellation domain() {
            return new Cancellation(by, reason, at);
        }
    }

    private record StoredRange(Instant start, Instant end) {
        static StoredRange of(TimeRange range) {
            return new StoredRange(range.start(), range.end());
        }

        TimeRange domain() {
            return new TimeRange(start, end);
        }
    }

    private static StoredClient client(Client client) {
        return new StoredClient(
                client.id().value(),
                client.businessId().value(),
                client.name(),
                client.phone().map(PhoneNumber::value).orElse(null),
                client.email().map(EmailAddress::value).orElse(null),
                client.language().orElse(null));
    }

    private record StoredClient(UUID id, UUID business, String name, String phone, String email, Language language) {
        Client domain() {
            return new Client(
                    new ClientId(id),
                    new BusinessId(business),
                    name,
                    Optional.ofNullable(phone).map(PhoneNumber::new),
                    Optional.ofNullable(email).map(EmailAddress::new),
                    Optional.ofNullable(language));
        }
    }

    private static StoredCall call(VoiceCall call) {
        return new StoredCall(
                call.businessId().value(),
                call.callId(),
                call.type().orElse(null),
                call.status().orElse(null),
                call.customerNumber().orElse(null),
                call.dialledNumber().orElse(null),
                call.startedAt().orElse(null),
                call.endedAt().orElse(null),
                call.cost().map(BigDecimal::toString).orElse(null),
                call.endedReason().orElse(null),
                call.summary().orElse(null),
                call.recordingUrl().orElse(null),
                call.transcript().orElse(null),
                call.messages().stream()
                        .map(m -> new StoredMessage(m.role(), m.text(), m.at().orElse(null)))
                        .toList(),
                call.firstSeenAt());
    }

    private record StoredCall(
            UUID business,
            String id,
            String type,
            String status,
            String customerNumber,
            String dialledNumber,
            Instant startedAt,
            Instant endedAt,
            String cost,
            String endedReason,
            String summary,
            String recordingUrl,
            String transcript,
            List<StoredMessage> messages,
            Instant firstSeenAt) {
        VoiceCall domain() {
            return new VoiceCall(
                    new BusinessId(business),
                    id,
                    Optional.ofNullable(type),
                    Optional.ofNullable(status),
                    Optional.ofNullable(customerNumber),
                    Optional.ofNullable(dialledNumber),
                    Optional.ofNullable(startedAt),
                    Optional.ofNullable(endedAt),
                    Optional.ofNullable(cost).map(BigDecimal::new),
                    Optional.ofNullable(endedReason),
                    Optional.ofNullable(summary),
                    Optional.ofNullable(recordingUrl),
                    Optional.ofNullable(transcript),
                    messages == null
                            ? List.of()
                            : messages.stream().map(StoredMessage::domain).toList(),
                    firstSeenAt);
        }
    }

    private record StoredMessage(String role, String text, Instant at) {
        CallMessage domain() {
            return new CallMessage(role, text, Optional.ofNullable(at));
        }
    }

    private static StoredNotification notification(Notification n) {
        return new StoredNotification(
                n.id().value(),
                n.businessId().value(),
                n.appointmentId().value(),
                n.kind(),
                n.channel(),
                n.occasion(),
                n.dueAt(),
                n.status(),
                n.detail().orElse(null),
                n.recipient().orElse(null),
                n.attempts(),
                n.createdAt(),
                n.updatedAt());
    }

    private record StoredNotification(
            UUID id,
            UUID business,
            UUID appointment,
            MessageKind kind,
            Channel channel,
            String occasion,
            Instant dueAt,
            DeliveryStatus status,
            String detail,
            String recipient,
            int attempts,
            Instant createdAt,
            Instant updatedAt) {
        Notification domain() {
            return new Notification(
                    new NotificationId(id),
                    new BusinessId(business),
                    new AppointmentId(appointment),
                    kind,
                    channel,
                    occasion,
                    dueAt,
                    status,
                    Optional.ofNullable(detail),
                    Optional.ofNullable(recipient),
                    attempts,
                    createdAt,
                    updatedAt);
        }
    }
}
