package com.voiceappoint.application.fakes;

import com.voiceappoint.application.port.out.Delivery;
import com.voiceappoint.application.port.out.EmailSender;
import com.voiceappoint.application.port.out.Message;
import com.voiceappoint.application.port.out.MessageTemplates;
import com.voiceappoint.application.port.out.SmsSender;
import com.voiceappoint.domain.client.PhoneNumber;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Templates that name the facts ("email confirmed es") and channels that record what they were handed, so a test reads
 * what was sent without real templates or servers. Each send answers {@link #next}, sent by default.
 */
public final class RecordedMessages implements MessageTemplates, EmailSender, SmsSender {
    /** The number texts go from, and clients' replies come to. */
    public static final String LINE = "+34910000000";

    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    private final List<String> keys = Collections.synchronizedList(new ArrayList<>());
    private final List<Message> messages = Collections.synchronizedList(new ArrayList<>());
    private final List<PasswordResetLink> resetLinks = Collections.synchronizedList(new ArrayList<>());
    private volatile Delivery next = new Delivery.Sent("ref");

    @Override
    public Email email(Message message) {
        messages.add(message);
        String facts = facts(message);
        return new Email(facts, "<p>" + facts + "</p>", facts, Optional.empty());
    }

    @Override
    public String sms(Message message) {
        messages.add(message);
        return facts(message);
    }

    @Override
    public String callOpening(Message message) {
        messages.add(message);
        return "call " + facts(message);
    }

    @Override
    public Email passwordReset(PasswordResetLink link) {
        resetLinks.add(link);
        String facts = "password_reset " + link.language().code();
        return new Email(facts, "<p>" + facts + "</p>", facts, Optional.empty());
    }

    private static String facts(Message message) {
        return message.kind().code() + " " + message.language().code();
    }

    @Override
    public Delivery send(Envelope envelope) {
        keys.add(envelope.messageKey());
        sent.add("email " + envelope.email().subject() + " to " + envelope.to());
        return next;
    }

    @Override
    public Delivery send(PhoneNumber to, String text, String messageKey) {
        keys.add(messageKey);
        sent.add("sms " + text + " to " + to);
        return next;
    }

    @Override
    public Optional<String> line() {
        return Optional.of(LINE);
    }

    /** What every send answers from now on. */
    public void answer(Delivery delivery) {
        next = delivery;
    }

    /** "email confirmed es to carmen@example.com", "sms reminder en to +34600000001", in the order sent. */
    public List<String> sent() {
        return List.copyOf(sent);
    }

    /** The send key of each message handed to a channel, once per hand-over. */
    public List<String> sendKeys() {
        return List.copyOf(keys);
    }

    /** Each password reset e-mail's link and words, in the order worded. */
    public List<PasswordResetLink> resetLinks() {
        return List.copyOf(resetLinks);
    }

    /** The facts each message was worded from. */
    public List<Message> messages() {
        return List.copyOf(messages);
    }
}
