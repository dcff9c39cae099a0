package com.voiceappoint.adapter.notifications;

import com.voiceappoint.application.port.out.Message;
import com.voiceappoint.domain.appointment.CancelledBy;
import com.voiceappoint.domain.notification.MessageKind;
import com.voiceappoint.domain.shared.Money;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * One message's words in its language, ready for a template to lay out: the sentences come from the language's
 * bundle ({@code messages_es.properties}, {@code messages_en.properties}), filled with the appointment's facts, so
 * word order is the translator's and the templates hold only layout. Nothing here is escaped: the HTML templates
 * escape what they print, the text ones must not.
 */
public final class Wording {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Message message;
    private final ResourceBundle words;
    private final Locale locale;

    /** A label and what it labels, one line of an e-mail's summary of the appointment. */
    public record Fact(String label, String value) {}

    Wording(Message message) {
        this.message = message;
        this.locale = message.language().locale();
        this.words = ResourceBundle.getBundle(
                "com.voiceappoint.adapter.notifications.messages", locale, Wording.class.getClassLoader(), NO_FALLBACK);
    }

    public String languageTag() {
        return message.language().code();
    }

    public String businessName() {
        return message.businessName();
    }

    public Optional<String> businessAddress() {
        return message.businessAddress();
    }

    public Optional<String> businessPhone() {
        return message.businessPhone().map(Object::toString);
    }

    public Optional<String> manageLink() {
        return message.kind().forStaff() ? Optional.empty() : message.manageLink();
    }

    public String subject() {
        return say(message.kind().code() + ".subject", false);
    }

    public String greeting() {
        return say(message.kind().forStaff() ? "greeting.staff" : "greeting", false);
    }

    public String lead() {
        return say(byWhom(message.kind().code() + ".lead"), false);
    }

    /** Where the client pays the deposit asked for: the request to pay's one link, in the e-mail's button too. */
    public Optional<String> payLink() {
        return message.payLink();
    }

    /** The pay button's words: "Pay €15". */
    public String payAction() {
        return say("pay.action", false);
    }

    /** The text message without its manage or pay link, which the SMS template adds. */
    public String sms() {
        return say(byWhom(message.kind().code() + ".sms"), true);
    }

    /** What the voice assistant says first when it calls with a reminder. */
    String callOpening() {
        return say("reminder.call", false);
    }

    /** What following the manage link lets the client do: see, move or cancel, or only see a cancelled one. */
    public String manageAction() {
        return say(message.kind() == MessageKind.CANCELLED ? "manage.cancelled" : "manage", false);
    }

    public String smsManageLabel() {
        return say("manage.sms", true);
    }

    /**
     * Whether the text message carries the manage link: not once the appointment is gone, nor to staff, nor in the
     * messages about money (a request to pay has room for the link to pay only).
     */
    public boolean smsOffersManageLink() {
        MessageKind kind = message.kind();
        return (kind == MessageKind.CONFIRMED || kind == MessageKind.MOVED || kind == MessageKind.REMINDER)
                && manageLink().isPresent();
    }

    public String footer() {
        return say("footer", false);
    }

    public String addressLabel() {
        return say("label.address", false);
    }

    public String phoneLabel() {
        return say("label.phone", false);
    }

    /** The appointment at a glance: what, with whom, when (and when it was, if moved), for whom and from where. */
    public List<Fact> facts() {
        List<Fact> facts = new ArrayList<>();
        if (message.kind().forStaff()) {
            facts.add(new Fact(say("label.client", false), message.clientName()));
        }
        facts.add(new Fact(say("label.service", false), message.serviceName()));
        facts.add(new Fact(say("label.provider", false), message.providerName()));
        facts.add(new Fact(say("label.when", false), when(message.start(), false)));
        if (message.kind() == MessageKind.MOVED) {
            message.previousStart()
                    .ifPresent(previous -> facts.add(new Fact(say("label.previous", false), when(previous, false))));
        }
        message.clientReply().ifPresent(words -> facts.add(new Fact(say("label.reply", false), words)));
        if (message.kind() == MessageKind.PAYMENT_REQUEST) {
            message.amount().ifPresent(amount -> facts.add(new Fact(say("label.deposit", false), money(amount))));
            message.payBy().ifPresent(payBy -> facts.add(new Fact(say("label.pay_by", false), when(payBy, false))));
        } else if (message.kind() == MessageKind.PAYMENT_REFUNDED
                || message.kind() == MessageKind.STAFF_PAYMENT_REFUNDED) {
            message.amount().ifPresent(amount -> facts.add(new Fact(say("label.refunded", false), money(amount))));
        }
        if (message.kind() == MessageKind.STAFF_NEW_BOOKING) {
            facts.add(new Fact(
                    say("label.source", false),
                    words.getString("source.detail." + message.source().code())));
        }
        return List.copyOf(facts);
    }

    /** The calendar entry's title and notes. */
    String calendarSummary() {
        return say("calendar.summary", false);
    }

    String calendarDescription() {
        return say("calendar.description", false);
    }

    /** "cancelled.lead" becomes "cancelled.lead.business" when the message knows who called it off. */
    private String byWhom(String key) {
        MessageKind kind = message.kind();
        if (kind != MessageKind.CANCELLED && kind != MessageKind.STAFF_CANCELLATION) {
            return key;
        }
        return message.cancelledBy()
                .map(CancelledBy::code)
                .map(who -> key + "." + who)
                .orElse(key);
    }

    /**
     * The bundle's sentence filled with the facts, always in this order: {0} business, {1} client, {2} service,
     * {3} provider, {4} start, {5} previous start, {6} where the booking came from, {7} the amount a payment message
     * is about, {8} when a deposit must be paid by. Text messages take the short date ("mar 8 dic, 10:00") to stay
     * within one segment, and the deadline as a bare time: a request to pay goes at once and the payment window is
     * under a day, so the next time the clock shows it is the deadline.
     */
    private String say(String key, boolean brief) {
        Object[] facts = {
            message.businessName(),
            message.clientName(),
            message.serviceName(),
            message.providerName(),
            when(message.start(), brief),
            message.previousStart().map(previous -> when(previous, brief)).orElse(""),
            words.getString("source." + message.source().code()),
            message.amount().map(this::money).orElse(""),
            message.payBy()
                    .map(payBy -> brief
                            ? DateTimeFormatter.ofPattern(words.getString("format.time.sms"), locale)
                                    .format(payBy)
                            : when(payBy, false))
                    .orElse("")
        };
        return new MessageFormat(words.getString(key), locale).format(facts);
    }

    /** An amount in its currency as the language writes it, without cents when there are none: "15 €", "€18.50". */
    private String money(Money money) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(money.currency());
        if (money.amount().stripTrailingZeros().scale() <= 0) {
            format.setMaximumFractionDigits(0);
        }
        return format.format(money.amount());
    }

    private String when(ZonedDateTime time, boolean brief) {
        return DateTimeFormatter.ofPattern(words.getString(brief ? "format.when.sms" : "format.when"), locale)
                .format(time);
    }
}
