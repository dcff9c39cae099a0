package com.voiceappoint.domain.notification;

import com.voiceappoint.domain.shared.InvalidValueException;
import java.util.Locale;

/**
 * What a message tells, and whom: the client of an appointment, or the business's staff. Most messages go on the
 * channels the business chose for them; the payment messages are not the business's to switch off (see
 * {@link #configurable}).
 */
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
    STAFF_CLIENT_REPLY(true),
    /** The client's time is kept until a deposit is paid: how much, by when, and the link to pay it. */
    PAYMENT_REQUEST(false, false),
    /** The client paid after their time was released and given to someone else: the payment was given back in full. */
    PAYMENT_REFUNDED(false, false),
    /** Staff: a client paid after their time was taken by someone else, and was refunded automatically. */
    STAFF_PAYMENT_REFUNDED(true, false);

    private final boolean forStaff;
    private final boolean configurable;

    MessageKind(boolean forStaff) {
        this(forStaff, true);
    }

    MessageKind(boolean forStaff, boolean configurable) {
        this.forStaff = forStaff;
        this.configurable = configurable;
    }

    public boolean forStaff() {
        return forStaff;
    }

    /**
     * Whether the business chooses the message's channels. A message about the client's money is not optional: the
     * voice assistant tells a caller the link to pay is on its way, and a client whose money was given back must hear
     * of it; such a message goes to every address the client gave (staff: by e-mail), whatever the settings say.
     */
    public boolean configurable() {
        return configurable;
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
