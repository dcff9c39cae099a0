package com.voiceappoint.domain.notification;

import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.appointment.Cancellation;
import com.voiceappoint.domain.appointment.CancelledBy;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The messages a change to an appointment calls for, planned in the change's own transaction so that a change kept is
 * a change announced, and a change rolled back announces nothing.
 *
 * @param queued the messages to send, each at its time
 * @param withdrawReminders whether reminders planned earlier stop: the appointment moved, was cancelled or is over
 */
public record NotificationPlan(List<Notification> queued, boolean withdrawReminders) {
    public static final NotificationPlan NOTHING = new NotificationPlan(List.of(), false);
    /** Between where a moved appointment was and where it went, in a move's occasion. */
    public static final String MOVED_TO = ">";

    public NotificationPlan {
        queued = List.copyOf(queued);
    }

    public boolean empty() {
        return queued.isEmpty() && !withdrawReminders;
    }

    /**
     * Whether the change could call for any message: only an appointment that is, or was, confirmed is news, or one
     * that has just begun to wait for its deposit. Holds coming and going are not, and need no settings read.
     */
    public static boolean mayAnnounce(Optional<Appointment> before, Appointment after) {
        return after.status() == AppointmentStatus.CONFIRMED
                || before.filter(a -> a.status() == AppointmentStatus.CONFIRMED).isPresent()
                || becamePendingPayment(before, after);
    }

    private static boolean becamePendingPayment(Optional<Appointment> before, Appointment after) {
        return after.status() == AppointmentStatus.PENDING_PAYMENT
                && before.filter(a -> a.status() == AppointmentStatus.PENDING_PAYMENT)
                        .isEmpty();
    }

    /**
     * What {@code after} (new, or {@code before} changed) calls for. The client hears of a confirmed appointment, of
     * its move and of its cancellation, and is reminded of it; a hold is not news until it is booked. A booking kept
     * for its deposit asks the client, at once, to pay it (the rest waits until it is paid and confirmed). Staff hear
     * of bookings they did not make themselves, and of clients calling theirs off.
     */
    public static NotificationPlan forChange(
            NotificationSettings settings, ZoneId zone, Optional<Appointment> before, Appointment after, Instant now) {
        Objects.requireNonNull(before, "before");
        boolean wasConfirmed =
                before.filter(a -> a.status() == AppointmentStatus.CONFIRMED).isPresent();
        Planner plan = new Planner(settings, zone, after, now);
        switch (after.status()) {
            case CONFIRMED -> {
                if (!wasConfirmed) {
                    plan.message(MessageKind.CONFIRMED, "");
                    plan.reminders();
                    if (after.source() != BookingSource.DASHBOARD) {
                        plan.message(MessageKind.STAFF_NEW_BOOKING, "");
                    }
                } else if (!before.get().time().equals(after.time())) {
                    plan.message(
                            MessageKind.MOVED,
                            before.get().time().start()
                                    + MOVED_TO
                                    + after.time().start());
                    plan.reminders();
                    return plan.done(true);
                }
            }
            case CANCELLED -> {
                if (wasConfirmed) {
                    plan.message(MessageKind.CANCELLED, "");
                    boolean byClient = after.cancellation()
                            .map(Cancellation::by)
                            .filter(by -> by == CancelledBy.CLIENT)
                            .isPresent();
                    if (byClient) {
                        plan.message(MessageKind.STAFF_CANCELLATION, "");
                    }
                }
                return plan.done(true);
            }
            case COMPLETED, NO_SHOW, EXPIRED -> {
                return plan.done(wasConfirmed);
            }
            case PENDING_PAYMENT -> {
                if (becamePendingPayment(before, after)) {
                    plan.message(MessageKind.PAYMENT_REQUEST, "");
                }
            }
            case HELD -> {
                // not news to anyone yet
            }
        }
        return plan.done(false);
    }

    /**
     * A payment that came after its appointment's time was released and given to someone else, given back in full
     * ({@code refunded}): the client hears why their money came back, the staff that it did. The amount is the
     * messages' occasion ({@link #refundedAmount}).
     */
    public static NotificationPlan latePaymentRefunded(
            NotificationSettings settings, ZoneId zone, Appointment appointment, Money refunded, Instant now) {
        Planner plan = new Planner(settings, zone, appointment, now);
        plan.message(MessageKind.PAYMENT_REFUNDED, refunded.toString());
        plan.message(MessageKind.STAFF_PAYMENT_REFUNDED, refunded.toString());
        return plan.done(false);
    }

    /** How much a refund message is about. */
    public static Optional<Money> refundedAmount(Notification notification) {
        if (notification.kind() != MessageKind.PAYMENT_REFUNDED
                && notification.kind() != MessageKind.STAFF_PAYMENT_REFUNDED) {
            return Optional.empty();
        }
        String[] amountAndCurrency = notification.occasion().split(" ", 2);
        return Optional.of(Money.of(amountAndCurrency[0], amountAndCurrency[1]));
    }

    /**
     * The same plan without the texts to the client: for a change the client made by text, whom the answer to their
     * own message already told, so a second text would only repeat it (their e-mail, with its calendar update, stays).
     */
    public NotificationPlan answeredByText() {
        return new NotificationPlan(
                queued.stream()
                        .filter(n -> n.kind().forStaff() || n.channel() != Channel.SMS)
                        .toList(),
                withdrawReminders);
    }

    /**
     * The plan without the client's messages on channels they gave no address for: nothing could go, and the delivery
     * log need not say so of every booking. Applying it twice changes nothing.
     */
    public NotificationPlan reaching(Client client) {
        return new NotificationPlan(
                queued.stream()
                        .filter(n -> n.kind().forStaff()
                                || (n.channel() == Channel.EMAIL
                                        ? client.email().isPresent()
                                        : client.phone().isPresent()))
                        .toList(),
                withdrawReminders);
    }

    /** Where the appointment a move message is about was before it moved. */
    public static Optional<Instant> movedFrom(Notification notification) {
        if (notification.kind() != MessageKind.MOVED) {
            return Optional.empty();
        }
        return Optional.of(Instant.parse(
                notification.occasion().substring(0, notification.occasion().indexOf(MOVED_TO))));
    }

    private static final class Planner {
        private final NotificationSettings settings;
        private final ZoneId zone;
        private final Appointment appointment;
        private final Instant now;
        private final List<Notification> queued = new ArrayList<>();

        Planner(NotificationSettings settings, ZoneId zone, Appointment appointment, Instant now) {
            this.settings = settings;
            this.zone = zone;
            this.appointment = appointment;
            this.now = now;
        }

        void message(MessageKind kind, String occasion) {
            at(kind, occasion, now);
        }

        void reminders() {
            Instant start = appointment.time().start();
            for (Map.Entry<Duration, Instant> due :
                    settings.remindersDue(start, now, zone).entrySet()) {
                at(MessageKind.REMINDER, due.getKey().toMinutes() + "m@" + start, due.getValue());
            }
        }

        private void at(MessageKind kind, String occasion, Instant due) {
            for (Channel channel : settings.channelsFor(kind)) {
                settings.sendTime(kind, channel, due, appointment.time().start(), now, zone)
                        .ifPresent(at -> queued.add(Notification.queued(
                                appointment.businessId(), appointment.id(), kind, channel, occasion, at, now)));
            }
        }

        NotificationPlan done(boolean withdrawReminders) {
            return new NotificationPlan(queued, withdrawReminders);
        }
    }
}
