package com.voiceappoint.domain.notification;

import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One message about one appointment on one channel, from the moment it is planned: the delivery log's entry.
 *
 * @param occasion what makes this message one of its kind: the time a reminder or a move is about, empty for a
 *     confirmation or a cancellation. With the appointment, kind and channel it is the message's send key: a message
 *     with the same key is never planned, nor sent, twice
 * @param detail why a message was skipped or failed, or the channel's reference for a sent one
 * @param recipient where it went, partly masked
 */
public record Notification(
        NotificationId id,
        BusinessId businessId,
        AppointmentId appointmentId,
        MessageKind kind,
        Channel channel,
        String occasion,
        Instant dueAt,
        DeliveryStatus status,
        Optional<String> detail,
        Optional<String> recipient,
        int attempts,
        Instant createdAt,
        Instant updatedAt) {
    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(appointmentId, "appointmentId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(occasion, "occasion");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** A message planned now, to go at {@code dueAt}. */
    public static Notification queued(
            BusinessId businessId,
            AppointmentId appointmentId,
            MessageKind kind,
            Channel channel,
            String occasion,
            Instant dueAt,
            Instant now) {
        return new Notification(
                NotificationId.random(),
                businessId,
                appointmentId,
                kind,
                channel,
                occasion,
                dueAt,
                DeliveryStatus.QUEUED,
                Optional.empty(),
                Optional.empty(),
                0,
                now,
                now);
    }
}
