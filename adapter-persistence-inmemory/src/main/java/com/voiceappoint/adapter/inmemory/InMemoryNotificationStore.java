package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.port.out.NotificationStore;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.notification.DeliveryStatus;
import com.voiceappoint.domain.notification.MessageKind;
import com.voiceappoint.domain.notification.Notification;
import com.voiceappoint.domain.notification.NotificationId;
import com.voiceappoint.domain.notification.NotificationPlan;
import com.voiceappoint.domain.notification.NotificationSettings;
import com.voiceappoint.domain.notification.TextReply;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Like the database: a send key is planned once, and only a queued message can be claimed. */
final class InMemoryNotificationStore implements NotificationStore {
    private static final Comparator<Notification> NEWEST_FIRST = Comparator.comparing(Notification::createdAt)
            .thenComparing(n -> n.id().value())
            .reversed();

    private final Table<BusinessId, NotificationSettings> settings;
    private final Table<NotificationId, Notification> notifications;
    /** Where each text that went out went, and from which line. */
    private final Table<NotificationId, Addressed> texts;
    /** Replies by business and provider id, as the database keys them. */
    private final Table<List<String>, TextReply> replies;

    private record Addressed(PhoneNumber to, Optional<String> line) {}

    InMemoryNotificationStore(InMemoryTransactionRunner transactions) {
        settings = new Table<>(transactions);
        notifications = new Table<>(transactions);
        texts = new Table<>(transactions);
        replies = new Table<>(transactions);
    }

    @Override
    public NotificationSettings settings(BusinessId businessId) {
        return settings.find(businessId).orElse(NotificationSettings.DEFAULT);
    }

    @Override
    public void saveSettings(BusinessId businessId, NotificationSettings next) {
        settings.put(businessId, next);
    }

    @Override
    public void apply(BusinessId businessId, AppointmentId appointmentId, NotificationPlan plan) {
        if (plan.withdrawReminders()) {
            notifications.stream()
                    .filter(n -> n.businessId().equals(businessId)
                            && n.appointmentId().equals(appointmentId)
                            && n.kind() == MessageKind.REMINDER
                            && n.status() == DeliveryStatus.QUEUED)
                    .toList()
                    .forEach(n -> notifications.put(
                            n.id(),
                            ended(n, DeliveryStatus.SKIPPED, Optional.of("withdrawn"), n.recipient(), n.updatedAt())));
        }
        for (Notification planned : plan.queued()) {
            boolean taken = notifications.stream()
                    .anyMatch(n -> n.businessId().equals(businessId)
                            && n.appointmentId().equals(planned.appointmentId())
                            && n.kind() == planned.kind()
                            && n.channel() == planned.channel()
                            && n.occasion().equals(planned.occasion()));
            if (!taken) {
                notifications.put(planned.id(), planned);
            }
        }
    }

    @Override
    public Optional<Notification> find(BusinessId businessId, NotificationId id) {
        return notifications.find(id).filter(n -> n.businessId().equals(businessId));
    }

    @Override
    public List<Notification> due(BusinessId businessId, AppointmentId appointmentId, Instant now) {
        return notifications.stream()
                .filter(n ->
                        n.businessId().equals(businessId) && n.appointmentId().equals(appointmentId))
                .filter(n -> (n.status() == DeliveryStatus.QUEUED || n.status() == DeliveryStatus.SENDING)
                        && !n.dueAt().isAfter(now))
                .sorted(Comparator.comparing(Notification::dueAt))
                .toList();
    }

    @Override
    public Optional<Notification> claim(BusinessId businessId, NotificationId id, Instant now) {
        Optional<Notification> queued = find(businessId, id).filter(n -> n.status() == DeliveryStatus.QUEUED);
        queued.ifPresent(n -> notifications.put(
                id, with(n, DeliveryStatus.SENDING, n.detail(), n.recipient(), n.dueAt(), n.attempts() + 1, now)));
        return queued.flatMap(n -> notifications.find(id));
    }

    @Override
    public void finish(
            BusinessId businessId,
            NotificationId id,
            DeliveryStatus status,
            Optional<String> detail,
            Optional<String> recipient,
            Instant now) {
        find(businessId, id).ifPresent(n -> notifications.put(id, ended(n, status, detail, recipient, now)));
    }

    @Override
    public void requeue(BusinessId businessId, NotificationId id, Instant dueAt, String detail, Instant now) {
        find(businessId, id)
                .filter(n -> n.status() == DeliveryStatus.SENDING)
                .ifPresent(n -> notifications.put(
                        id,
                        with(n, DeliveryStatus.QUEUED, Optional.of(detail), n.recipient(), dueAt, n.attempts(), now)));
    }

    @Override
    public List<Notification> list(
            BusinessId businessId, Optional<AppointmentId> appointmentId, Optional<LogCursor> after, int limit) {
        return notifications.stream()
                .filter(n -> n.businessId().equals(businessId))
                .filter(n -> appointmentId.map(n.appointmentId()::equals).orElse(true))
                .filter(n -> after.map(cursor -> olderThan(n, cursor)).orElse(true))
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public void textSent(
            BusinessId businessId,
            NotificationId id,
            String reference,
            String masked,
            PhoneNumber to,
            Optional<String> line,
            Instant now) {
        finish(businessId, id, DeliveryStatus.SENT, Optional.of(reference), Optional.of(masked), now);
        if (find(businessId, id).isPresent()) {
            texts.put(id, new Addressed(to, line));
        }
    }

    @Override
    public List<TextSent> textsTo(PhoneNumber number, Set<String> lines, Instant since, int limit) {
        return texts.entries()
                .filter(text -> text.getValue().to().equals(number)
                        && text.getValue().line().filter(lines::contains).isPresent())
                .map(text -> notifications.find(text.getKey()).orElseThrow())
                .filter(n -> n.status() == DeliveryStatus.SENT && !n.updatedAt().isBefore(since))
                .sorted(Comparator.comparing(Notification::updatedAt).reversed())
                .limit(limit)
                .map(n -> new TextSent(n.businessId(), n.appointmentId(), n.updatedAt()))
                .toList();
    }

    @Override
    public boolean recordReply(TextReply reply) {
        return replies.putIfAbsent(List.of(reply.businessId().toString(), reply.providerId()), reply) == reply;
    }

    @Override
    public Optional<TextReply> findReply(String providerId) {
        return replies.stream()
                .filter(reply -> reply.providerId().equals(providerId))
                .findFirst();
    }

    @Override
    public List<TextReply> replies(
            BusinessId businessId, Optional<AppointmentId> appointmentId, Optional<ReplyCursor> after, int limit) {
        Comparator<TextReply> newestFirst = Comparator.comparing(TextReply::receivedAt)
                .thenComparing(TextReply::providerId)
                .reversed();
        return replies.stream()
                .filter(reply -> reply.businessId().equals(businessId))
                .filter(reply ->
                        appointmentId.map(reply.appointmentId()::equals).orElse(true))
                .filter(reply -> after.map(cursor -> reply.receivedAt().isBefore(cursor.receivedAt())
                                || reply.receivedAt().equals(cursor.receivedAt())
                                        && reply.providerId().compareTo(cursor.providerId()) < 0)
                        .orElse(true))
                .sorted(newestFirst)
                .limit(limit)
                .toList();
    }

    /** Queued messages whose time has come, for whoever sends them: the soonest first. */
    List<Notification> due(Instant now) {
        return notifications.stream()
                .filter(n -> n.status() == DeliveryStatus.QUEUED && !n.dueAt().isAfter(now))
                .sorted(Comparator.comparing(Notification::dueAt))
                .toList();
    }

    /** Whether the entry comes after the cursor's, newest first: planned earlier, or at the same time with a lower id. */
    private static boolean olderThan(Notification n, LogCursor cursor) {
        int byTime = n.createdAt().compareTo(cursor.createdAt());
        return byTime < 0 || byTime == 0 && n.id().value().compareTo(cursor.id().value()) < 0;
    }

    private static Notification ended(
            Notification n, DeliveryStatus status, Optional<String> detail, Optional<String> recipient, Instant now) {
        return with(n, status, detail, recipient, n.dueAt(), n.attempts(), now);
    }

    private static Notification with(
            Notification n,
            DeliveryStatus status,
            Optional<String> detail,
            Optional<String> recipient,
            Instant dueAt,
            int attempts,
            Instant now) {
        return new Notification(
                n.id(),
                n.businessId(),
                n.appointmentId(),
                n.kind(),
                n.channel(),
                n.occasion(),
                dueAt,
                status,
                detail,
                recipient,
                attempts,
                n.createdAt(),
                now);
    }
}
