package com.voiceappoint.adapter.notifications;

import com.voiceappoint.application.port.out.MessageTemplates.PasswordResetLink;
import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * The password reset e-mail's words in the user's language, from the same bundles as the appointment messages (keys
 * {@code password_reset.*}). Nothing here is escaped: the HTML template escapes what it prints.
 */
public final class ResetWording {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final PasswordResetLink reset;
    private final ResourceBundle words;

    ResetWording(PasswordResetLink reset) {
        this.reset = reset;
        this.words = ResourceBundle.getBundle(
                "com.voiceappoint.adapter.notifications.messages",
                reset.language().locale(),
                ResetWording.class.getClassLoader(),
                NO_FALLBACK);
    }

    public String languageTag() {
        return reset.language().code();
    }

    public String subject() {
        return say("password_reset.subject");
    }

    /** "Hello Lucía," or, for someone who gave no name, "Hello,". */
    public String greeting() {
        return reset.fullName().isBlank() ? say("password_reset.greeting.nameless") : say("password_reset.greeting");
    }

    public String lead() {
        return say("password_reset.lead");
    }

    public String action() {
        return say("password_reset.action");
    }

    public String link() {
        return reset.link();
    }

    /** How long the link works, and that it works once. */
    public String expiry() {
        return say("password_reset.expiry");
    }

    /** For whoever did not ask: nothing changes unless the link is followed. */
    public String ignore() {
        return say("password_reset.ignore");
    }

    public String footer() {
        return say("password_reset.footer");
    }

    /** {0} the user's name, {1} the link's lifetime in minutes. */
    private String say(String key) {
        return new MessageFormat(words.getString(key), reset.language().locale())
                .format(new Object[] {reset.fullName(), reset.validFor().toMinutes()});
    }
}
