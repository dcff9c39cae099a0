package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.account.EmailAddress;
import java.util.Objects;
import java.util.Optional;

/** Sends e-mail. */
public interface EmailSender {
    /** A server with no mail set up: nothing goes out, and each message says so. */
    EmailSender NOT_CONFIGURED = envelope -> new Delivery.NotConfigured();

    Delivery send(Envelope envelope);

    /**
     * @param senderName the name the message comes from (the address is the server's)
     * @param messageKey the message's send key: the same key gives the same Message-ID
     */
    record Envelope(
            EmailAddress to,
            String senderName,
            Optional<EmailAddress> replyTo,
            String messageKey,
            MessageTemplates.Email email) {
        public Envelope {
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(senderName, "senderName");
            Objects.requireNonNull(replyTo, "replyTo");
            Objects.requireNonNull(messageKey, "messageKey");
            Objects.requireNonNull(email, "email");
        }
    }
}
