package com.voiceappoint.domain.notification;

import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.client.PhoneNumber;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * A client's answer to a text message about their appointment, and what it did: the record that a client confirmed
 * they will come, and the reason a reply delivered twice acts once.
 *
 * @param providerId the text's id at the provider (Twilio's {@code MessageSid}); the same reply delivered again has it
 * @param from the number the client wrote from
 * @param text what they wrote, at most {@link #MAX_TEXT_LENGTH} characters of it
 */
public record TextReply(
        BusinessId businessId,
        String providerId,
        AppointmentId appointmentId,
        PhoneNumber from,
        String text,
        Outcome outcome,
        Instant receivedAt) {
    /** Ten segments, the most Twilio delivers as one message. */
    public static final int MAX_TEXT_LENGTH = 1600;

    public TextReply {
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(providerId, "providerId");
        Objects.requireNonNull(appointmentId, "appointmentId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(receivedAt, "receivedAt");
        if (text.length() > MAX_TEXT_LENGTH) {
            // never half of an emoji
            int end =
                    Character.isHighSurrogate(text.charAt(MAX_TEXT_LENGTH - 1)) ? MAX_TEXT_LENGTH - 1 : MAX_TEXT_LENGTH;
            text = text.substring(0, end);
        }
    }

    /** What a reply did to the appointment it answered. */
    public enum Outcome {
        /** The client said they will come. */
        CONFIRMED,
        /** The client called the appointment off, within the business's cutoff. */
        CANCELLED,
        /** The client asked to cancel after the cutoff: nothing changed, and they were told to call. */
        TOO_LATE,
        /** A confirmation or cancellation of an appointment already cancelled, begun or over: nothing changed. */
        NOT_OPEN,
        /** Words no one can act on unread: sent to the staff. */
        FORWARDED;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Outcome parse(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }
}
