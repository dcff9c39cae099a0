package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.shared.Language;
import java.time.Duration;
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

    /** The e-mail with the link that sets a forgotten password, from the product rather than any business. */
    Email passwordReset(PasswordResetLink link);

    /**
     * @param fullName how the user called themselves, blank if they did not
     * @param link the page that sets the new password, its token in it
     * @param validFor how long the link works
     */
    record PasswordResetLink(Language language, String fullName, String link, Duration validFor) {
        /**
         * How the send key of every password reset e-mail begins: a channel that writes what it sends anywhere (a
         * log, an outbox) leaves out the words of these, whose link opens the account.
         */
        public static final String SEND_KEYS = "password-reset/";

        public PasswordResetLink {
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(fullName, "fullName");
            Objects.requireNonNull(link, "link");
            Objects.requireNonNull(validFor, "validFor");
        }

        /** Never the link: it opens the account. */
        @Override
        public String toString() {
            return "PasswordResetLink[language=" + language + ", validFor=" + validFor + "]";
        }
    }

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
