package com.voiceappoint.domain.event;

import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentStatus;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.notification.Notification;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.TimeRange;
import com.voiceappoint.domain.voice.VoiceCall;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened in a business's diary or on its phone, as its members' dashboards learn of it: numbered
 * in the order the changes committed, one business's events apart from every other's.
 *
 * @param sequence the event's number within its business: 1 for its first, and one more for each after, with no gaps
 *     between the events that committed (0 until the event is kept)
 * @param at when it happened
 * @param by who made it happen
 */
public record BusinessEvent(long sequence, BusinessId business, Kind kind, Instant at, By by, Subject subject) {
    public BusinessEvent {
        Objects.requireNonNull(business, "business");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(subject, "subject");
        if (sequence < 0) {
            throw new IllegalArgumentException("an event's number is never negative");
        }
    }

    /** An event not kept yet, so not numbered yet. */
    public static BusinessEvent draft(BusinessId business, Kind kind, Instant at, By by, Subject subject) {
        return new BusinessEvent(0, business, kind, at, by, subject);
    }

    /** The same event, kept as the business's {@code sequence}-th. */
    public BusinessEvent numbered(long sequence) {
        return new BusinessEvent(sequence, business, kind, at, by, subject);
    }

    /** The provider whose diary it concerns, for events about one appointment or one notification of one. */
    public Optional<ProviderId> provider() {
        if (subject instanceof AppointmentChange change) {
            return Optional.of(change.appointment().providerId());
        }
        if (subject instanceof NotificationFailure failure) {
            return Optional.of(failure.provider());
        }
        return Optional.empty();
    }

    /** What happened. The codes are the event names of the event stream. */
    public enum Kind {
        APPOINTMENT_CREATED,
        APPOINTMENT_HELD,
        APPOINTMENT_CONFIRMED,
        APPOINTMENT_RESCHEDULED,
        APPOINTMENT_CANCELLED,
        APPOINTMENT_COMPLETED,
        APPOINTMENT_NO_SHOW,
        HOLD_EXPIRED,
        CALL_STARTED,
        CALL_ENDED,
        NOTIFICATION_FAILED,
        SERVICE_CHANGED,
        HOURS_CHANGED;

        /** {@code appointment.no_show} for {@link #APPOINTMENT_NO_SHOW}. */
        public String code() {
            String name = name().toLowerCase(Locale.ROOT);
            int dot = name.indexOf('_');
            return name.substring(0, dot) + "." + name.substring(dot + 1);
        }

        public static Optional<Kind> ofCode(String code) {
            for (Kind kind : values()) {
                if (kind.code().equals(code)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }

        /**
         * What a write of an appointment tells a dashboard, if anything: a new appointment, a change of its status, or
         * a move. A change of notes alone is no event.
         */
        public static Optional<Kind> ofChange(Optional<Appointment> before, Appointment after) {
            if (before.isEmpty()) {
                return Optional.of(after.status() == AppointmentStatus.HELD ? APPOINTMENT_HELD : APPOINTMENT_CREATED);
            }
            AppointmentStatus was = before.get().status();
            if (was == after.status()) {
                return before.get().time().equals(after.time())
                        ? Optional.empty()
                        : Optional.of(APPOINTMENT_RESCHEDULED);
            }
            switch (after.status()) {
                case CONFIRMED:
                    return Optional.of(APPOINTMENT_CONFIRMED);
                case CANCELLED:
                    return Optional.of(APPOINTMENT_CANCELLED);
                case COMPLETED:
                    return Optional.of(APPOINTMENT_COMPLETED);
                case NO_SHOW:
                    return Optional.of(APPOINTMENT_NO_SHOW);
                case EXPIRED:
                    return Optional.of(HOLD_EXPIRED);
                default:
                    return Optional.of(APPOINTMENT_CREATED);
            }
        }
    }

    /** Who made it happen. */
    public sealed interface By permits Member, Client, Engine {}

    /** A member of the business, working through the dashboard or the REST API. */
    public record Member(UserId user) implements By {
        public Member {
            Objects.requireNonNull(user, "user");
        }
    }

    /** A client, on the channel they came by. */
    public record Client(Channel channel) implements By {
        public Client {
            Objects.requireNonNull(channel, "channel");
        }

        /** A client who booked through {@code source}'s channel: by voice, or on the web for every other. */
        public static Client of(BookingSource source) {
            return new Client(source == BookingSource.VOICE ? Channel.VOICE : Channel.WEB);
        }
    }

    /** How a client reached the business. */
    public enum Channel {
        /** A phone call, through the voice assistant. */
        VOICE,
        /** The business's public web page, or a manage link. */
        WEB,
        /** An answer to a text message. */
        TEXT;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Nobody in particular: a hold that ran out, a message that could not be delivered. */
    public record Engine() implements By {}

    /** What it is about. */
    public sealed interface Subject
            permits AppointmentChange, CallChange, NotificationFailure, ServiceChange, HoursChange {}

    /**
     * An appointment as it is after the change, with what a calendar shows of it: service, provider and client, and
     * the business's zone, in which its times are told.
     *
     * @param movedFrom where it was before a move
     */
    public record AppointmentChange(
            Appointment appointment,
            String serviceName,
            String providerName,
            com.voiceappoint.domain.client.Client client,
            ZoneId zone,
            Optional<TimeRange> movedFrom)
            implements Subject {
        public AppointmentChange {
            Objects.requireNonNull(appointment, "appointment");
            Objects.requireNonNull(serviceName, "serviceName");
            Objects.requireNonNull(providerName, "providerName");
            Objects.requireNonNull(client, "client");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(movedFrom, "movedFrom");
        }
    }

    /** A call as the call log has it, without its transcript and messages (those stay in the call log). */
    public record CallChange(VoiceCall call) implements Subject {
        public CallChange {
            Objects.requireNonNull(call, "call");
        }
    }

    /** A message that could not be delivered, about an appointment in {@code provider}'s diary, for {@code client}. */
    public record NotificationFailure(Notification notification, ProviderId provider, String client)
            implements Subject {
        public NotificationFailure {
            Objects.requireNonNull(notification, "notification");
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(client, "client");
        }
    }

    /** A service added, changed or removed. */
    public record ServiceChange(ServiceId service, String name, boolean removed) implements Subject {
        public ServiceChange {
            Objects.requireNonNull(service, "service");
            Objects.requireNonNull(name, "name");
        }
    }

    /**
     * Opening hours, special days or closures changed: the business's own, or one staff member's hours and time off.
     */
    public record HoursChange(Optional<ProviderId> provider) implements Subject {
        public HoursChange {
            Objects.requireNonNull(provider, "provider");
        }
    }
}
