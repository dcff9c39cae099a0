package com.voiceappoint.bootstrap;

import com.voiceappoint.application.port.out.Delivery;
import com.voiceappoint.application.port.out.EmailSender;
import com.voiceappoint.application.port.out.MessageTemplates;
import com.voiceappoint.application.port.out.SmsSender;
import com.voiceappoint.domain.client.PhoneNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where messages go in development when no channel is set up: their words are written to the log, so whoever works
 * on a template or a booking flow reads what a client would get, and the delivery log records them as not sent. In
 * production, with no channel, only the fact is logged: clients' addresses and words stay out of the logs. A password
 * reset's words are never logged: its link opens the account.
 */
final class DevelopmentOutbox implements EmailSender, SmsSender {
    private static final Logger LOG = LoggerFactory.getLogger(DevelopmentOutbox.class);

    @Override
    public Delivery send(Envelope envelope) {
        if (envelope.messageKey().startsWith(MessageTemplates.PasswordResetLink.SEND_KEYS)) {
            // its link opens the account: not even a developer's log keeps it
            LOG.info(
                    "password reset e-mail not sent (no SMTP_URL or SMTP_HOST) to {}; its link is not logged",
                    envelope.to());
            return new Delivery.NotConfigured();
        }
        LOG.info(
                "e-mail not sent (no SMTP_URL or SMTP_HOST) to {} from \"{}\": {}\n{}",
                envelope.to(),
                envelope.senderName(),
                envelope.email().subject(),
                envelope.email().text());
        return new Delivery.NotConfigured();
    }

    @Override
    public Delivery send(PhoneNumber to, String text, String messageKey) {
        LOG.info("text not sent (no TWILIO_ACCOUNT_SID) to {}: {}", to, text);
        return new Delivery.NotConfigured();
    }
}
