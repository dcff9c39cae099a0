package com.voiceappoint.adapter.notifications;

import com.voiceappoint.application.port.in.SmsReplyUseCase;
import com.voiceappoint.domain.shared.Language;
import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The answer to a client's text in their language, from the same bundles as the messages ({@code reply.*}): the
 * business's name first, as in every text we send, the appointment's short date, and the business's phone where the
 * client is asked to call. Folded into GSM-7 so that it costs one segment.
 */
final class ReplyWording {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private ReplyWording() {}

    static String of(SmsReplyUseCase.Answer answer, Language fallback) {
        Language language = answer.language().orElse(fallback);
        Locale locale = language.locale();
        ResourceBundle words = ResourceBundle.getBundle(
                "com.voiceappoint.adapter.notifications.messages",
                locale,
                ReplyWording.class.getClassLoader(),
                NO_FALLBACK);
        String key = "reply." + answer.outcome().name().toLowerCase(Locale.ROOT);
        if (answer.businessName().isEmpty() && words.containsKey(key + ".unknown")) {
            key += ".unknown";
        } else if (words.containsKey(key + ".nophone") && answer.businessPhone().isEmpty()) {
            key += ".nophone";
        }
        Object[] facts = {
            answer.businessName().orElse(""),
            answer.start()
                    .map(start -> DateTimeFormatter.ofPattern(words.getString("format.when.sms"), locale)
                            .format(start))
                    .orElse(""),
            answer.businessPhone().map(Object::toString).orElse("")
        };
        return GsmText.fold(new MessageFormat(words.getString(key), locale)
                .format(facts)
                .strip()
                .replaceAll("\\s+", " "));
    }
}
