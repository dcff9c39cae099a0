package com.voiceappoint.adapter.notifications;

import com.voiceappoint.application.port.out.Delivery;
import com.voiceappoint.application.port.out.EmailSender;
import com.voiceappoint.application.port.out.MessageTemplates;
import jakarta.activation.DataHandler;
import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Date;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * E-mail over SMTP with Angus Mail. A message is a text and an HTML part as alternatives; with a calendar file it is
 * laid out as Google Calendar lays out its invitations, which mail programs know: the {@code text/calendar} part
 * (with its {@code method}) as a third alternative, which Outlook and Gmail show as an invitation, and the same file
 * attached as {@code invite.ics}, which Apple Mail and others offer to open. The Message-ID is made from the
 * message's send key, so a message sent again after a crash is the same message to the receiving servers.
 *
 * <p>What the server says decides what happens next: a recipient refused with a 5xx reply, or a message refused
 * with one, is {@link Delivery.Refused} (sending it again cannot help); a 4xx reply, a refused login, a connection
 * that fails or times out is {@link Delivery.Failed} (worth another try later).
 */
public final class SmtpEmailSender implements EmailSender {
    private static final Pattern METHOD = Pattern.compile("(?m)^METHOD:([A-Za-z-]+)\\r?$");

    private final SmtpSettings settings;
    private final Session session;

    public SmtpEmailSender(SmtpSettings settings) {
        this.settings = settings;
        this.session = Session.getInstance(properties(settings));
    }

    /** The channel the environment sets up (see {@link SmtpSettings}), or empty when it sets none. */
    public static Optional<EmailSender> fromEnvironment(Map<String, String> env) {
        return SmtpSettings.fromEnvironment(env).map(SmtpEmailSender::new);
    }

    @Override
    public Delivery send(Envelope envelope) {
        String messageId = messageId(envelope.messageKey());
        try {
            MimeMessage message = compose(envelope, messageId);
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(
                        settings.host(),
                        settings.port(),
                        settings.username().orElse(null),
                        settings.password().orElse(null));
                transport.sendMessage(message, message.getAllRecipients());
            }
            return new Delivery.Sent(messageId);
        } catch (AuthenticationFailedException e) {
            return new Delivery.Failed("the SMTP server refused the login: check SMTP_USERNAME and SMTP_PASSWORD ("
                    + oneLine(e.getMessage()) + ")");
        } catch (SendFailedException e) {
            return refusedOrFailed(e);
        } catch (MessagingException e) {
            return new Delivery.Failed("SMTP " + settings.host() + ":" + settings.port() + ": " + cause(e));
        }
    }

    private MimeMessage compose(Envelope envelope, String messageId) throws MessagingException {
        MessageTemplates.Email email = envelope.email();
        MimeMessage message = new KeyedMimeMessage(session, messageId);
        message.setFrom(sender(envelope.senderName()));
        message.setRecipient(RecipientType.TO, new InternetAddress(envelope.to().value()));
        if (envelope.replyTo().isPresent()) {
            message.setReplyTo(
                    new Address[] {new InternetAddress(envelope.replyTo().get().value())});
        }
        message.setSubject(email.subject(), "UTF-8");
        message.setSentDate(new Date());

        MimeMultipart alternatives = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText(email.text(), "UTF-8", "plain");
        alternatives.addBodyPart(text);
        MimeBodyPart html = new MimeBodyPart();
        html.setText(email.html(), "UTF-8", "html");
        alternatives.addBodyPart(html);
        if (email.calendar().isEmpty()) {
            message.setContent(alternatives);
        } else {
            String calendar = email.calendar().get();
            MimeBodyPart invitation = new MimeBodyPart();
            invitation.setDataHandler(new DataHandler(new ByteArrayDataSource(
                    calendar.getBytes(StandardCharsets.UTF_8),
                    "text/calendar; charset=UTF-8; method=" + method(calendar))));
            alternatives.addBodyPart(invitation);
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternatives);
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(
                    new ByteArrayDataSource(calendar.getBytes(StandardCharsets.UTF_8), "application/ics")));
            attachment.setFileName("invite.ics");
            attachment.setDisposition(Part.ATTACHMENT);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            mixed.addBodyPart(attachment);
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    private InternetAddress sender(String name) throws MessagingException {
        try {
            return new InternetAddress(settings.from().getAddress(), name, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is always supported", e);
        }
    }

    /** REQUEST or CANCEL, as the file itself says: the part's header must agree with its METHOD line. */
    private static String method(String calendar) {
        Matcher method = METHOD.matcher(calendar);
        return method.find() ? method.group(1).toUpperCase(Locale.ROOT) : "PUBLISH";
    }

    /**
     * A send key may hold any characters and name the appointment; its hash holds neither, and stays the same for
     * the same key, so a second send of one message carries the first one's Message-ID.
     */
    String messageId(String messageKey) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(messageKey.getBytes(StandardCharsets.UTF_8));
            return "<" + HexFormat.of().formatHex(hash, 0, 20) + "@" + settings.fromDomain() + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * A recipient or a message the server refused with a 5xx reply is refused for good; a 4xx reply is the server
     * asking to be tried later. A 5xx to MAIL FROM is about our sender address, not this message: a setting to fix,
     * after which the message can still go.
     */
    private Delivery refusedOrFailed(SendFailedException e) {
        for (Exception next = e;
                next != null;
                next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException refused && refused.getReturnCode() >= 500) {
                return new Delivery.Refused("the recipient was refused: " + oneLine(refused.getMessage()));
            }
            if (next instanceof SMTPSendFailedException refused && refused.getReturnCode() >= 500) {
                String command = Optional.ofNullable(refused.getCommand()).orElse("");
                if (command.regionMatches(true, 0, "MAIL", 0, 4)) {
                    return new Delivery.Failed("the SMTP server refused the sender MAIL_FROM "
                            + settings.from().getAddress() + ": " + oneLine(refused.getMessage()));
                }
                return new Delivery.Refused("the message was refused: " + oneLine(refused.getMessage()));
            }
        }
        return new Delivery.Failed("SMTP " + settings.host() + ":" + settings.port() + ": " + cause(e));
    }

    /** The innermost reason: "Connection refused", "Read timed out", or the server's own reply. */
    private static String cause(Exception e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String own = oneLine(e.getMessage());
        return root == e ? own : own + " (" + root.getClass().getSimpleName() + ": " + oneLine(root.getMessage()) + ")";
    }

    private static String oneLine(String words) {
        return words == null ? "" : words.strip().replaceAll("\\s+", " ");
    }

    private static Properties properties(SmtpSettings settings) {
        Properties properties = new Properties();
        String timeout = String.valueOf(settings.timeout().toMillis());
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", String.valueOf(settings.port()));
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        properties.put("mail.smtp.from", settings.from().getAddress());
        properties.put("mail.smtp.auth", String.valueOf(settings.username().isPresent()));
        switch (settings.tls()) {
            case NONE -> {}
            case STARTTLS -> {
                properties.put("mail.smtp.starttls.enable", "true");
                properties.put("mail.smtp.starttls.required", "true");
                properties.put("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                properties.put("mail.smtp.ssl.enable", "true");
                properties.put("mail.smtp.ssl.checkserveridentity", "true");
            }
        }
        return properties;
    }

    /** A message whose Message-ID is the one given, not one Angus Mail makes up when the message is saved. */
    private static final class KeyedMimeMessage extends MimeMessage {
        private final String messageId;

        KeyedMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
