package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.notification.DeliveryStatus;
import com.voiceappoint.domain.notification.Notification;
import com.voiceappoint.domain.notification.NotificationId;
import com.voiceappoint.domain.notification.NotificationPlan;
import com.voiceappoint.domain.notification.NotificationSettings;
import com.voiceappoint.domain.notification.TextReply;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The messages planned for a business's appointments, the delivery log they become, and the settings they follow. A
 * plan is kept in the transaction of the change it announces, and its messages are due to a sender only once that
 * transaction commits: a store that runs jobs (db-scheduler on PostgreSQL) schedules them in the same transaction.
 */
public interface NotificationStore {
    /** For an engine that sends nothing: plans are dropped, settings are the defaults. */
    NotificationStore NONE = new NotificationStore() {
        @Override
        public NotificationSettings settings(BusinessId businessId) {
            return NotificationSettings.DEFAULT;
        }

        @Override
        public void saveSettings(BusinessId businessId, NotificationSettings settings) {
            throw new UnsupportedOperationException("this engine keeps no notification settings");
        }

        @Override
        public void apply(BusinessId businessId, AppointmentId appointmentId, NotificationPlan plan) {}

        @Override
        public Optional<Notification> find(BusinessId businessId, NotificationId id) {
            return Optional.empty();
        }

        @Override
        public List<Notification> due(BusinessId businessId, AppointmentId appointmentId, Instant now) {
            return List.of();
        }

        @Override
        public Optional<Notification> claim(BusinessId businessId, NotificationId id, Instant now) {
            return Optional.empty();
        }

        @Override
        public void finish(
                BusinessId businessId,
                NotificationId id,
                DeliveryStatus status,
                Optional<String> detail,
                Optional<String> recipient,
                Instant now) {}

        @Override
        public void requeue(BusinessId businessId, NotificationId id, Instant dueAt, String detail, Instant now) {}

        @Override
        public List<Notification> list(
                BusinessId businessId, Optional<AppointmentId> appointmentId, Optional<LogCursor> after, int limit) {
            return List.of();
        }

        @Override
        public void textSent(
                BusinessId businessId,
                NotificationId id,
                String reference,
                String masked,
                PhoneNumber to,
                Optional<String> line,
                Instant now) {}

        @Override
        public List<TextSent> textsTo(PhoneNumber number, Set<String> lines, Instant since, int limit) {
            return List.of();
        }

        @Override
        public boolean recordReply(TextReply reply) {
            return true;
        }

        @Override
        public Optional<TextReply> findReply(String providerId) {
            return Optional.empty();
        }

        @Override
        public List<TextReply> replies(
                BusinessId businessId, Optional<AppointmentId> appointmentId, Optional<ReplyCursor> after, int limit) {
            return List.of();
        }
    };

    /** The business's settings, the defaults until it saves its own. */
    NotificationSettings settings(BusinessId businessId);

    void saveSettings(BusinessId businessId, NotificationSettings settings);

    /**
     * Keeps a plan: first withdraws (as skipped) the appointment's queued reminders when the plan says so, then queues
     * its messages, leaving out any whose send key (appointment, kind, channel, occasion) is already taken.
     */
    void apply(BusinessId businessId, AppointmentId appointmentId, NotificationPlan plan);

    Optional<Notification> find(BusinessId businessId, NotificationId id);

    /** The appointment's messages due by {@code now} that are queued, or were left sending. */
    List<Notification> due(BusinessId businessId, AppointmentId appointmentId, Instant now);

    /**
     * Takes a queued message to send it, counting the attempt: empty when it is not queued (sent already, withdrawn,
     * or taken by another sender), so that no two senders, and no sender run twice, send one message.
     */
    Optional<Notification> claim(BusinessId businessId, NotificationId id, Instant now);

    /** Records how a claimed message ended. */
    void finish(
            BusinessId businessId,
            NotificationId id,
            DeliveryStatus status,
            Optional<String> detail,
            Optional<String> recipient,
            Instant now);

    /** Puts a claimed message back in the queue after a passing failure, to be tried again at {@code dueAt}. */
    void requeue(BusinessId businessId, NotificationId id, Instant dueAt, String detail, Instant now);

    /** The delivery log, newest first (by when each message was planned, then id), after {@code after}. */
    List<Notification> list(
            BusinessId businessId, Optional<AppointmentId> appointmentId, Optional<LogCursor> after, int limit);

    /** Where a page of the delivery log ended. */
    record LogCursor(Instant createdAt, NotificationId id) {}

    /**
     * Records a text message its channel accepted, as {@link #finish} does with {@code SENT}, keeping besides the
     * masked recipient the whole number it went to and the line it went from: a reply from that number to that line
     * is an answer to it.
     *
     * @param line the number (or messaging service) the text went from; empty when the channel did not say
     */
    void textSent(
            BusinessId businessId,
            NotificationId id,
            String reference,
            String masked,
            PhoneNumber to,
            Optional<String> line,
            Instant now);

    /**
     * The texts sent to {@code number} from one of {@code lines} since {@code since}, newest first, whatever business
     * sent them: what a reply from that number to that line can be answering.
     */
    List<TextSent> textsTo(PhoneNumber number, Set<String> lines, Instant since, int limit);

    /**
     * Keeps a client's reply, in the caller's transaction; {@code false}, keeping nothing, when its business already
     * has a reply with its provider id (the same reply delivered again), so that the caller does not act twice.
     */
    boolean recordReply(TextReply reply);

    /** The reply with this provider id, whichever business it answered. */
    Optional<TextReply> findReply(String providerId);

    /** The replies a business's clients sent (to one appointment, or any), newest first, after {@code after}. */
    List<TextReply> replies(
            BusinessId businessId, Optional<AppointmentId> appointmentId, Optional<ReplyCursor> after, int limit);

    /** A text message sent: which business and appointment it was about, and when it went. */
    record TextSent(BusinessId businessId, AppointmentId appointmentId, Instant sentAt) {}

    /** Where a page of replies ended. */
    record ReplyCursor(Instant receivedAt, String providerId) {}
}
