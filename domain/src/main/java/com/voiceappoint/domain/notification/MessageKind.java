package com.voiceappoint.domain.notification;

import com.voiceappoint.domain.shared.InvalidValueException;
import java.util.Locale;

/** What a message tells, and whom: the client of an appointment, or the business's staff. */
public enum MessageKind {
    /** The client's appointment is booked (or a hold became one). */
    CONFIRMED(false),
    /** The client's appointment moved to another time. */
    MOVED(false),
    /** The client's appointment was called off, by them or by the business. */
    CANCELLED(false),
    /** The client's appointment is coming up. */
    REMINDER(false),
    /** Staff: a new booking, above all one the voice assistant made. */
    STAFF_NEW_BOOKING(true),
    /** Staff: a booking was called off. */
    STAFF_CANCELLATION(true),
    /** Staff: a client answered a text with words no one can act on unread; what they wrote. */
    STAFF_CLIENT_REPLY(true);

    private final boolean forStaff;

    MessageKind(boolean forStaff) {
        this.forStaff = forStaff;
    }

    public boolean forStaff() {
        return forStaff;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MessageKind parse(String code, String field) {
        for (MessageKind kind : values()) {
            if (kind.code().equals(code)) {
                return kind;
            }
        }
        throw new InvalidValueException(field, "unknown message " + code);
    }
}
