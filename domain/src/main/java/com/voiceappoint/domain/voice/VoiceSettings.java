package com.voiceappoint.domain.voice;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Language;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a business answers the phone through the shared voice assistant: the numbers callers dial to reach it (in
 * E.164, and as the voice platform's own ids of those lines), which assistant answers if not the shared one, the
 * greeting, and the language of the calls when it differs from the business's. Whether voice booking is on at all
 * is the business's own flag.
 *
 * <p>The lines and the assistant are on one voice platform ({@link #DEFAULT_PLATFORM} unless said otherwise): a line
 * id or a number means a line on its platform.
 *
 * <p>And what the assistant may tell callers beyond the diary: the number a caller asking for a person is transferred
 * to, and the business in its own words, a description and the answers to questions callers ask.
 */
public record VoiceSettings(
        BusinessId businessId,
        List<PhoneNumber> numbers,
        List<String> lineIds,
        Optional<String> assistantId,
        Optional<String> greeting,
        Optional<Language> language,
        Optional<PhoneNumber> transferNumber,
        String description,
        List<FaqEntry> faq,
        String platform) {
    /** The platform of every line and assistant set up before there was a choice. */
    public static final String DEFAULT_PLATFORM = "vapi";

    public static final int MAX_LINES = 10;
    public static final int MAX_ID_LENGTH = 100;
    public static final int MAX_GREETING_LENGTH = 500;
    public static final int MAX_DESCRIPTION_LENGTH = 2000;
    public static final int MAX_FAQ_ENTRIES = 30;

    public VoiceSettings {
        Objects.requireNonNull(businessId, "businessId");
        numbers = List.copyOf(numbers);
        lineIds = lineIds.stream().map(String::strip).toList();
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(transferNumber, "transferNumber");
        assistantId = assistantId.map(String::strip).filter(id -> !id.isEmpty());
        greeting = greeting.map(String::strip).filter(g -> !g.isEmpty());
        description = description == null ? "" : description.strip();
        faq = List.copyOf(faq);
        Objects.requireNonNull(platform, "platform");
        InvalidValueException.check(
                platform.matches("[a-z][a-z0-9-]{0,29}"),
                "platform",
                "a platform is named in 1 to 30 lower-case letters");
        InvalidValueException.check(numbers.size() <= MAX_LINES, "numbers", "a business answers on at most 10 numbers");
        InvalidValueException.check(
                new HashSet<>(numbers).size() == numbers.size(), "numbers", "a number is listed twice");
        InvalidValueException.check(lineIds.size() <= MAX_LINES, "lineIds", "a business has at most 10 lines");
        InvalidValueException.check(
                lineIds.stream().allMatch(id -> !id.isEmpty() && id.length() <= MAX_ID_LENGTH),
                "lineIds",
                "a line id has 1 to 100 characters");
        InvalidValueException.check(
                new HashSet<>(lineIds).size() == lineIds.size(), "lineIds", "a line id is listed twice");
        InvalidValueException.check(
                assistantId.map(id -> id.length() <= MAX_ID_LENGTH).orElse(true),
                "assistantId",
                "an assistant id has at most 100 characters");
        InvalidValueException.check(
                greeting.map(g -> g.length() <= MAX_GREETING_LENGTH).orElse(true),
                "greeting",
                "a greeting has at most 500 characters");
        InvalidValueException.check(
                description.length() <= MAX_DESCRIPTION_LENGTH,
                "description",
                "a description has at most 2000 characters");
        InvalidValueException.check(faq.size() <= MAX_FAQ_ENTRIES, "faq", "a business answers at most 30 questions");
    }

    /** Settings on the {@link #DEFAULT_PLATFORM} that say nothing about transfers, the business's description or its questions. */
    public VoiceSettings(
            BusinessId businessId,
            List<PhoneNumber> numbers,
            List<String> lineIds,
            Optional<String> assistantId,
            Optional<String> greeting,
            Optional<Language> language) {
        this(
                businessId,
                numbers,
                lineIds,
                assistantId,
                greeting,
                language,
                Optional.empty(),
                "",
                List.of(),
                DEFAULT_PLATFORM);
    }

    /** A business that has not set up its phone yet: the shared assistant's defaults, no numbers. */
    public static VoiceSettings none(BusinessId businessId) {
        return new VoiceSettings(
                businessId, List.of(), List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
