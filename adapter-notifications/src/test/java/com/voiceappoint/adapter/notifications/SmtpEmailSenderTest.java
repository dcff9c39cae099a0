package com.voiceappoint.adapter.notifications;

import static com.voiceappoint.adapter.notifications.MessageFixture.message;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.voiceappoint.application.port.out.Delivery;
import com.voiceappoint.application.port.out.EmailSender.Envelope;
import com.voiceappoint.application.port.out.MessageTemplates.Email;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.notification.MessageKind;
import com.voiceappoint.domain.shared.Language;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SmtpEmailChannelTest {
    private static final String USER = "citas";
    private static final String PASSWORD = "s3cret:with@odd/chars";

    @RegisterExtension
    static final GreenMailExtension SERVER = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("citas@voiceappoint.test", USER, PASSWORD));

    private final JteMessageTemplates templates = new JteMessageTemplates();

    @Test
    void a_confirmation_arrives_with_its_subject_both_parts_and_the_invitation() throws Exception {
        Email email = templates.email(message(MessageKind.CONFIRMED, Language.ES));

        Delivery delivery = greenMail().send(envelope(email, "appointment-1/confirmed/email"));

        assertThat(delivery).isInstanceOf(Delivery.Sent.class);
        MimeMessage received = onlyReceived();
        assertThat(received.getSubject()).isEqualTo(email.subject());
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getPersonal()).isEqualTo("Peluquería Carmen Centro");
        assertThat(from.getAddress()).isEqualTo("citas@voiceappoint.test");
        assertThat(received.getReplyTo())
                .extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("recepcion@peluqueriacarmen.es");
        assertThat(received.getAllRecipients()).extracting(Object::toString).containsExactly("maria@example.com");

        MimeMultipart mixed = (MimeMultipart) received.getContent();
        assertThat(received.getContentType()).startsWith("multipart/mixed");
        MimeMultipart alternatives = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(mixed.getBodyPart(0).getContentType()).startsWith("multipart/alternative");
        assertThat(alternatives.getCount()).isEqualTo(3);
        assertThat(alternatives.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(lines(text(alternatives.getBodyPart(0)))).isEqualTo(lines(email.text()));
        assertThat(alternatives.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(lines(text(alternatives.getBodyPart(1)))).isEqualTo(lines(email.html()));
        assertThat(alternatives.getBodyPart(2).getContentType())
                .startsWith("text/calendar")
                .contains("method=REQUEST");
        assertThat(text(alternatives.getBodyPart(2))).isEqualTo(email.calendar().orElseThrow());

        BodyPart attachment = mixed.getBodyPart(1);
        assertThat(attachment.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(attachment.getFileName()).isEqualTo("invite.ics");
        assertThat(text(attachment))
                .isEqualTo(email.calendar().orElseThrow())
                .contains("UID:5b0f7c2e-8a41-4d6b-9e3f-1c2d3e4f5a6b@voiceappoint", "METHOD:REQUEST");
        assertThat(text(alternatives.getBodyPart(0))).contains(MessageFixture.MANAGE_LINK);
    }

    @Test
    void a_request_to_pay_arrives_with_the_link_to_pay_in_both_parts_and_no_invitation() throws Exception {
        Email email = templates.email(message(MessageKind.PAYMENT_REQUEST, Language.ES));

        Delivery delivery = greenMail().send(envelope(email, "appointment-1/payment_request/email"));

        assertThat(delivery).isInstanceOf(Delivery.Sent.class);
        MimeMessage received = onlyReceived();
        assertThat(received.getSubject()).isEqualTo(email.subject()).startsWith("Pague el depósito");
        assertThat(received.getContentType())
                .as("the time is not booked until paid: no calendar entry yet")
                .startsWith("multipart/alternative");
        MimeMultipart alternatives = (MimeMultipart) received.getContent();
        assertThat(alternatives.getCount()).isEqualTo(2);
        assertThat(text(alternatives.getBodyPart(0)))
                .contains(
                        "Pagar 18,50\u00a0€: " + MessageFixture.PAY_LINK,
                        "Plazo para pagar: lunes 7 de diciembre, 17:31");
        assertThat(text(alternatives.getBodyPart(1)))
                .contains("href=\"" + MessageFixture.PAY_LINK + "\"", "Pagar 18,50\u00a0€</a>");
    }

    @Test
    void a_cancellation_s_invitation_is_a_cancel() throws Exception {
        Email email = templates.email(message(MessageKind.CANCELLED, Language.EN));

        greenMail().send(envelope(email, "appointment-1/cancelled/email"));

        MimeMultipart mixed = (MimeMultipart) onlyReceived().getContent();
        MimeMultipart alternatives = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(alternatives.getBodyPart(2).getContentType()).contains("method=CANCEL");
        assertThat(text(mixed.getBodyPart(1))).contains("METHOD:CANCEL", "STATUS:CANCELLED");
    }

    @Test
    void a_message_with_no_calendar_is_its_text_and_html_alone() throws Exception {
        Email email = templates.email(message(MessageKind.STAFF_NEW_BOOKING, Language.EN));

        greenMail()
                .send(new Envelope(
                        new EmailAddress("staff@peluqueriacarmen.es"), "VoiceAppoint", Optional.empty(), "k", email));

        MimeMessage received = onlyReceived();
        assertThat(received.getContentType()).startsWith("multipart/alternative");
        MimeMultipart alternatives = (MimeMultipart) received.getContent();
        assertThat(alternatives.getCount()).isEqualTo(2);
        assertThat(received.getReplyTo())
                .extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("citas@voiceappoint.test");
    }

    @Test
    void the_same_send_key_gives_the_same_message_id_and_another_key_another() throws Exception {
        Email email = templates.email(message(MessageKind.REMINDER, Language.ES));
        SmtpEmailSender channel = greenMail();

        Delivery first = channel.send(envelope(email, "appointment-1/reminder-24h/email"));
        Delivery again = channel.send(envelope(email, "appointment-1/reminder-24h/email"));
        Delivery other = channel.send(envelope(email, "appointment-1/reminder-2h/email"));

        SERVER.waitForIncomingEmail(5_000, 3);
        MimeMessage[] received = SERVER.getReceivedMessages();
        assertThat(received).hasSize(3);
        assertThat(received[0].getMessageID())
                .isEqualTo(received[1].getMessageID())
                .isEqualTo(((Delivery.Sent) first).reference())
                .isEqualTo(((Delivery.Sent) again).reference())
                .isNotEqualTo(received[2].getMessageID())
                .matches("<[0-9a-f]{40}@voiceappoint\\.test>");
        assertThat(((Delivery.Sent) other).reference()).isEqualTo(received[2].getMessageID());
    }

    @Test
    void a_wrong_password_fails_with_a_reason_that_names_the_credentials() {
        SmtpEmailSender channel = new SmtpEmailSender(settings(
                SERVER.getSmtp().getPort(), SmtpSettings.Tls.NONE, Optional.of("wrong"), Duration.ofSeconds(5)));

        Delivery delivery = channel.send(envelope(templates.email(message(MessageKind.CONFIRMED, Language.EN)), "k"));

        assertThat(delivery).isInstanceOf(Delivery.Failed.class);
        assertThat(((Delivery.Failed) delivery).reason()).contains("SMTP_USERNAME and SMTP_PASSWORD");
        assertThat(SERVER.getReceivedMessages()).isEmpty();
    }

    @Test
    void a_recipient_refused_with_5xx_is_refused_for_good() throws IOException {
        try (ScriptedSmtpServer server =
                new ScriptedSmtpServer().answeringRcpt("550 5.1.1 <maria@example.com>: no such user")) {
            Delivery delivery = scripted(server).send(anyEnvelope());

            assertThat(delivery).isInstanceOf(Delivery.Refused.class);
            assertThat(((Delivery.Refused) delivery).reason()).contains("550", "no such user");
        }
    }

    @Test
    void a_recipient_deferred_with_4xx_is_tried_again_later() throws IOException {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer().answeringRcpt("450 4.2.1 mailbox busy, try later")) {
            Delivery delivery = scripted(server).send(anyEnvelope());

            assertThat(delivery).isInstanceOf(Delivery.Failed.class);
            assertThat(((Delivery.Failed) delivery).reason()).contains("450");
        }
    }

    @Test
    void a_message_refused_at_data_with_5xx_is_refused_for_good() throws IOException {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer().answeringData("554 5.7.1 message rejected as spam")) {
            Delivery delivery = scripted(server).send(anyEnvelope());

            assertThat(delivery).isInstanceOf(Delivery.Refused.class);
            assertThat(((Delivery.Refused) delivery).reason()).contains("554");
        }
    }

    @Test
    void a_sender_refused_is_a_setting_to_fix_not_a_message_to_drop() throws IOException {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer().answeringMail("553 5.7.1 sender not allowed")) {
            Delivery delivery = scripted(server).send(anyEnvelope());

            assertThat(delivery).isInstanceOf(Delivery.Failed.class);
            assertThat(((Delivery.Failed) delivery).reason()).contains("MAIL_FROM", "553");
        }
    }

    @Test
    void a_server_that_is_not_there_fails_at_once() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = socket.getLocalPort();
        }
        SmtpEmailSender channel = new SmtpEmailSender(
                settings(deadPort, SmtpSettings.Tls.NONE, Optional.empty(), Duration.ofSeconds(10)));

        long began = System.nanoTime();
        Delivery delivery = channel.send(anyEnvelope());

        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
        assertThat(delivery).isInstanceOf(Delivery.Failed.class);
        assertThat(((Delivery.Failed) delivery).reason()).contains(String.valueOf(deadPort), "Connection refused");
    }

    @Test
    void a_server_that_never_answers_fails_when_the_timeout_runs_out() throws IOException {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer().silent()) {
            SmtpEmailSender channel = new SmtpEmailSender(
                    settings(server.port(), SmtpSettings.Tls.NONE, Optional.empty(), Duration.ofSeconds(1)));

            long began = System.nanoTime();
            Delivery delivery = channel.send(anyEnvelope());

            assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));
            assertThat(delivery).isInstanceOf(Delivery.Failed.class);
            assertThat(((Delivery.Failed) delivery).reason()).containsIgnoringCase("timed out");
        }
    }

    @Test
    void with_starttls_required_a_server_that_cannot_upgrade_never_sees_the_password() throws IOException {
        try (ScriptedSmtpServer server = new ScriptedSmtpServer()) {
            SmtpEmailSender channel = new SmtpEmailSender(
                    settings(server.port(), SmtpSettings.Tls.STARTTLS, Optional.of(PASSWORD), Duration.ofSeconds(5)));

            Delivery delivery = channel.send(anyEnvelope());

            assertThat(delivery).isInstanceOf(Delivery.Failed.class);
            assertThat(((Delivery.Failed) delivery).reason()).containsIgnoringCase("STARTTLS");
            assertThat(server.commands()).noneMatch(command -> command.startsWith("AUTH"));
            assertThat(server.commands()).noneMatch(command -> command.startsWith("MAIL"));
        }
    }

    private SmtpEmailSender greenMail() {
        return new SmtpEmailSender(settings(
                SERVER.getSmtp().getPort(), SmtpSettings.Tls.NONE, Optional.of(PASSWORD), Duration.ofSeconds(5)));
    }

    private SmtpEmailSender scripted(ScriptedSmtpServer server) {
        return new SmtpEmailSender(
                settings(server.port(), SmtpSettings.Tls.NONE, Optional.empty(), Duration.ofSeconds(5)));
    }

    private static SmtpSettings settings(int port, SmtpSettings.Tls tls, Optional<String> password, Duration timeout) {
        return new SmtpSettings(
                "127.0.0.1", port, tls, password.map(p -> USER), password, address("citas@voiceappoint.test"), timeout);
    }

    private Envelope anyEnvelope() {
        return envelope(templates.email(message(MessageKind.CONFIRMED, Language.ES)), "k");
    }

    private static Envelope envelope(Email email, String key) {
        return new Envelope(
                new EmailAddress("maria@example.com"),
                "Peluquería Carmen Centro",
                Optional.of(new EmailAddress("recepcion@peluqueriacarmen.es")),
                key,
                email);
    }

    private static MimeMessage onlyReceived() {
        SERVER.waitForIncomingEmail(5_000, 1);
        MimeMessage[] received = SERVER.getReceivedMessages();
        assertThat(received).hasSize(1);
        return received[0];
    }

    private static String text(Part part) throws Exception {
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** SMTP carries lines ending in CRLF; the templates write LF. */
    private static String lines(String text) {
        return text.replace("\r\n", "\n").stripTrailing();
    }

    private static InternetAddress address(String value) {
        try {
            return new InternetAddress(value);
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
