package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.notification.Channel;
import com.voiceappoint.domain.notification.MessageKind;
import com.voiceappoint.domain.notification.Notification;
import com.voiceappoint.domain.notification.NotificationSettings;
import com.voiceappoint.domain.notification.QuietHours;
import com.voiceappoint.domain.notification.TextReply;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What a business's clients and staff are sent, as its owners set it, and what became of each message. */
public interface NotificationsUseCase {

    /** Every message planned for the business (or one appointment of it), newest first. */
    Page<Notification> deliveryLog(
            Actor actor, BusinessId businessId, Optional<AppointmentId> appointmentId, Page.Request page);

    /**
     * What the business's clients answered to its texts, newest first, with what each answer did: among them the
     * clients' confirmations that they will come.
     */
    Page<TextReply> replies(
            Actor actor, BusinessId businessId, Optional<AppointmentId> appointmentId, Page.Request page);

    NotificationSettings settings(Actor actor, BusinessId businessId);

    /** Changes what is named; the rest stays. An empty optional inside clears a field that may be empty. */
    NotificationSettings updateSettings(Actor actor, BusinessId businessId, SettingsChanges changes);

    /**
     * @param quietHours {@code Optional.of(Optional.empty())} sends texts at any hour
     */
    record SettingsChanges(
            Optional<Map<MessageKind, Set<Channel>>> channels,
            Optional<List<Integer>> reminderLeadMinutes,
            Optional<Optional<QuietHours>> quietHours,
            Optional<Optional<String>> senderName,
            Optional<Optional<String>> replyTo,
            Optional<Optional<String>> address,
            Optional<Optional<PhoneNumber>> phone,
            Optional<Optional<String>> staffEmail) {}
}
