package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.voiceappoint.application.port.out.Delivery;
import com.voiceappoint.application.port.out.EmailSender;
import com.voiceappoint.application.port.out.MessageTemplates;
import com.voiceappoint.domain.account.EmailAddress;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class DevelopmentOutboxTest {
    private final Logger logger = (Logger) LoggerFactory.getLogger(DevelopmentOutbox.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private Level level;

    @BeforeEach
    void listen() {
        level = logger.getLevel();
        logger.setLevel(Level.INFO);
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void stopListening() {
        logger.detachAppender(logged);
        logger.setLevel(level);
    }

    private static EmailSender.Envelope envelope(String key, String words) {
        return new EmailSender.Envelope(
                new EmailAddress("lola@example.com"),
                "VoiceAppoint",
                Optional.empty(),
                key,
                new MessageTemplates.Email("subject", "<p>" + words + "</p>", words, Optional.empty()));
    }

    @Test
    void a_password_reset_link_is_never_written_to_the_log() {
        String link = "http://localhost:8000/password/reset/SECRET-TOKEN";

        Delivery delivery = new DevelopmentOutbox()
                .send(envelope(MessageTemplates.PasswordResetLink.SEND_KEYS + "abc", "Set it: " + link));
        new DevelopmentOutbox().send(envelope("appointment/confirmed/email", "See you on Tuesday"));

        assertThat(delivery).isInstanceOf(Delivery.NotConfigured.class);
        assertThat(logged.list).hasSize(2);
        assertThat(logged.list.get(0).getFormattedMessage())
                .contains("password reset", "lola@example.com")
                .doesNotContain("SECRET-TOKEN");
        assertThat(logged.list.get(1).getFormattedMessage()).contains("See you on Tuesday");
    }
}
