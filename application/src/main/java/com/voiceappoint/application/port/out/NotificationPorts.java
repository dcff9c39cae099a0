package com.voiceappoint.application.port.out;

import java.util.Objects;
import java.util.Optional;

/**
 * What sending messages needs beyond the stores: the plans and the delivery log, the words, the channels, and where
 * the manage links in client messages point.
 *
 * @param manageLinkBase the public manage page, to which a link's token is appended ({@code https://host/manage/});
 *     messages carry no manage link when empty
 */
public record NotificationPorts(
        NotificationStore store,
        MessageTemplates templates,
        EmailSender email,
        SmsSender sms,
        Optional<String> manageLinkBase) {
    /** Nothing planned, nothing sent: for an engine without messages. */
    public static final NotificationPorts NONE = new NotificationPorts(
            NotificationStore.NONE,
            new MessageTemplates() {
                @Override
                public Email email(Message message) {
                    throw new IllegalStateException("no message templates: nothing is planned without a store");
                }

                @Override
                public String sms(Message message) {
                    throw new IllegalStateException("no message templates: nothing is planned without a store");
                }

                @Override
                public String callOpening(Message message) {
                    throw new IllegalStateException("no message templates: nothing is planned without a store");
                }

                @Override
                public Email passwordReset(PasswordResetLink link) {
                    throw new IllegalStateException("no message templates: no e-mail is sent without channels");
                }
            },
            EmailSender.NOT_CONFIGURED,
            SmsSender.NOT_CONFIGURED,
            Optional.empty());

    public NotificationPorts {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(templates, "templates");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(sms, "sms");
        Objects.requireNonNull(manageLinkBase, "manageLinkBase");
    }
}
