package com.voiceappoint.application.port.out;

import java.util.Objects;
import java.util.Optional;

/** Words a {@link Message} in its language, for each channel. */
public interface MessageTemplates {

    Email email(Message message);

    /** The text of a text message: within 160 GSM-7 characters where the words allow. */
    String sms(Message message);

    /**
     * What the voice assistant says first when it calls a client about their appointment; the rest of the call is
     * the assistant's, with the same tools as a call the client makes.
     */
    String callOpening(Message message);

    /**
     * An e-mail's subject, its HTML and plain-text parts, and for the client's messages about a booked, moved or
     * cancelled appointment an iCalendar file whose UID is the appointment's, so the client's calendar updates one
     * entry.
     */
    record Email(String subject, String html, String text, Optional<String> calendar) {
        public Email {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(html, "html");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(calendar, "calendar");
        }
    }
}
