package com.voiceappoint.adapter.notifications;

import com.voiceappoint.application.port.out.Message;
import com.voiceappoint.application.port.out.MessageTemplates;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.util.Optional;

/**
 * Messages worded by JTE templates the build compiles and type-checks ({@code src/main/jte}): an HTML engine that
 * escapes every value it prints, so a client who calls themselves {@code <script>} is shown as text, and a
 * plain-text engine for the e-mail's text part and the SMS. The words come from {@link Wording}; the calendar file
 * from {@link CalendarInvitation}.
 */
public final class JteMessageTemplates implements MessageTemplates {
    private static final String PACKAGE = "com.voiceappoint.adapter.notifications.template.";

    private final TemplateEngine html = TemplateEngine.createPrecompiled(
            null, ContentType.Html, JteMessageTemplates.class.getClassLoader(), PACKAGE + "html");
    private final TemplateEngine text = TemplateEngine.createPrecompiled(
            null, ContentType.Plain, JteMessageTemplates.class.getClassLoader(), PACKAGE + "text");

    @Override
    public Email email(Message message) {
        Wording wording = new Wording(message);
        return new Email(
                oneLine(wording.subject()),
                render(html, "email.jte", wording),
                render(text, "email.jte", wording),
                CalendarInvitation.of(message, wording));
    }

    @Override
    public String sms(Message message) {
        return GsmText.fold(oneLine(render(text, "sms.jte", new Wording(message))));
    }

    @Override
    public String callOpening(Message message) {
        return oneLine(new Wording(message).callOpening());
    }

    @Override
    public Email passwordReset(PasswordResetLink link) {
        ResetWording wording = new ResetWording(link);
        return new Email(
                oneLine(wording.subject()),
                render(html, "password_reset.jte", wording),
                render(text, "password_reset.jte", wording),
                Optional.empty());
    }

    private static String render(TemplateEngine engine, String template, Object wording) {
        StringOutput output = new StringOutput();
        engine.render(template, wording, output);
        return output.toString();
    }

    /** A subject or a text message is one line whatever a name holds. */
    private static String oneLine(String words) {
        return words.strip().replaceAll("\\s+", " ");
    }
}
