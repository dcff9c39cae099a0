package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.notification.NotificationId;
import java.time.Instant;

/**
 * Sends one planned message when it is due: what a job runner calls, once the change that planned it has committed.
 * A message is sent at most once however often this is called for it, from however many servers.
 */
public interface DeliverNotificationUseCase {

    /** Sends the message if it is queued; how often it was tried before is kept with it. */
    Attempt deliver(BusinessId businessId, NotificationId id);

    /**
     * Sends every message of the appointment that is due by now (and records as interrupted any left sending): what a
     * job planned for that time runs. Asks to be called again at the earliest retry any of them needs.
     */
    Attempt deliverDue(BusinessId businessId, AppointmentId appointmentId);

    /** Whether the runner is done with the message, or should call again later. */
    sealed interface Attempt {
        record Done() implements Attempt {}

        record RetryAt(Instant at) implements Attempt {}
    }
}
