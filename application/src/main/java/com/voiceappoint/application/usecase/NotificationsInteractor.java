package com.voiceappoint.application.usecase;

import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.NotificationsUseCase;
import com.voiceappoint.application.port.in.Page;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.NotificationStore;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Permission;
import com.voiceappoint.domain.notification.Notification;
import com.voiceappoint.domain.notification.NotificationId;
import com.voiceappoint.domain.notification.NotificationSettings;
import com.voiceappoint.domain.notification.TextReply;
import com.voiceappoint.domain.shared.InvalidValueException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The delivery log and the settings, each scoped to a business the actor may see. */
final class NotificationsInteractor implements NotificationsUseCase {
    private final BusinessAccess access;
    private final TransactionRunner transactions;
    private final BusinessRepository businesses;
    private final NotificationStore store;

    NotificationsInteractor(
            BusinessAccess access,
            TransactionRunner transactions,
            BusinessRepository businesses,
            NotificationStore store) {
        this.access = access;
        this.transactions = transactions;
        this.businesses = businesses;
        this.store = store;
    }

    @Override
    public Page<Notification> deliveryLog(
            Actor actor, BusinessId businessId, Optional<AppointmentId> appointmentId, Page.Request page) {
        // whoever sees the business's appointments sees what they were sent
        access.require(actor, businessId, Permission.VIEW_BUSINESS);
        Optional<NotificationStore.LogCursor> after = page.after()
                .map(cursor -> Paging.cursor(
                        cursor,
                        parts -> new NotificationStore.LogCursor(
                                Instant.parse(parts[0]), new NotificationId(UUID.fromString(parts[1])))));
        return Paging.page(
                store.list(businessId, appointmentId, after, Paging.rowsToFetch(page)),
                page,
                entry -> entry.createdAt() + "|" + entry.id());
    }

    @Override
    public Page<TextReply> replies(
            Actor actor, BusinessId businessId, Optional<AppointmentId> appointmentId, Page.Request page) {
        // whoever sees the business's appointments sees what their clients answered about them
        access.require(actor, businessId, Permission.VIEW_BUSINESS);
        Optional<NotificationStore.ReplyCursor> after = page.after()
                .map(cursor -> Paging.cursor(
                        cursor, parts -> new NotificationStore.ReplyCursor(Instant.parse(parts[0]), parts[1])));
        return Paging.page(
                store.replies(businessId, appointmentId, after, Paging.rowsToFetch(page)),
                page,
                reply -> reply.receivedAt() + "|" + reply.providerId());
    }

    @Override
    public NotificationSettings settings(Actor actor, BusinessId businessId) {
        access.require(actor, businessId, Permission.VIEW_BUSINESS);
        return store.settings(businessId);
    }

    @Override
    public NotificationSettings updateSettings(Actor actor, BusinessId businessId, SettingsChanges changes) {
        access.require(actor, businessId, Permission.MANAGE_SETTINGS);
        // read and written under the business's lock: two owners changing different fields at once both keep theirs
        return transactions.inTransaction(() -> {
            businesses.lockForChange(businessId);
            NotificationSettings current = store.settings(businessId);
            NotificationSettings next = new NotificationSettings(
                    changes.channels().orElse(current.channels()),
                    changes.reminderLeadMinutes()
                            .map(minutes ->
                                    minutes.stream().map(Duration::ofMinutes).toList())
                            .orElse(current.reminderLeads()),
                    changes.quietHours().orElse(current.quietHours()),
                    changes.senderName().orElse(current.senderName()),
                    changes.replyTo()
                            .map(address -> address.map(text -> email(text, "replyTo")))
                            .orElse(current.replyTo()),
                    changes.address().orElse(current.address()),
                    changes.phone().orElse(current.phone()),
                    changes.staffEmail()
                            .map(address -> address.map(text -> email(text, "staffEmail")))
                            .orElse(current.staffEmail()));
            store.saveSettings(businessId, next);
            return next;
        });
    }

    private static EmailAddress email(String text, String field) {
        try {
            return new EmailAddress(text);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(field, e.getMessage());
        }
    }
}
