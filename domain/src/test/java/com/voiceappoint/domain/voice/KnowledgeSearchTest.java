package com.voiceappoint.domain.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.shared.InvalidValueException;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a business wrote about itself, found for what a caller asked, by words and stems only. */
class KnowledgeSearchTest {
    private static VoiceSettings saying(String description, FaqEntry... faq) {
        return new VoiceSettings(
                new BusinessId(UUID.randomUUID()),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                description,
                List.of(faq),
                VoiceSettings.DEFAULT_PLATFORM);
    }

    private final VoiceSettings barber = saying(
            "A barber's in Camden since 1990: cuts, shaves and beard trims.",
            new FaqEntry("Do you have parking?", "Yes, a car park behind the shop, free for clients."),
            new FaqEntry("Do you take cards?", "Yes, every card and contactless."),
            new FaqEntry("Can I bring my dog?", "Well-behaved dogs are welcome."));

    @Test
    void the_answer_sharing_most_of_the_caller_s_words_comes_first_and_stems_count() {
        List<KnowledgeSearch.Found> found = KnowledgeSearch.search(barber, "Is there anywhere to park the car?", 3);

        assertThat(found).extracting(KnowledgeSearch.Found::id).first().isEqualTo("faq-1");
        assertThat(found.get(0).content())
                .isEqualTo("Do you have parking? Yes, a car park behind the shop, free for clients.");
        // "park" and "car" of "anywhere", "park", "car": the rest are common words
        assertThat(found.get(0).similarity()).isEqualTo(0.67);
    }

    @Test
    void common_words_alone_find_nothing_and_a_tie_goes_to_the_question_before_the_description() {
        assertThat(KnowledgeSearch.search(barber, "Hello, what do you have?", 3))
                .isEmpty();
        assertThat(KnowledgeSearch.search(barber, "", 3)).isEmpty();

        List<KnowledgeSearch.Found> cuts = KnowledgeSearch.search(
                saying("We do cards and cuts.", new FaqEntry("Cards?", "We take cards.")), "cards", 3);
        assertThat(cuts).extracting(KnowledgeSearch.Found::id).containsExactly("faq-1", "description");
    }

    @Test
    void accents_and_case_do_not_matter_and_at_most_the_limit_comes_back() {
        VoiceSettings salon = saying(
                "",
                new FaqEntry("¿Tenéis aparcamiento?", "Hay un parking público detrás."),
                new FaqEntry("¿Aparcáis la moto?", "No."));

        assertThat(KnowledgeSearch.search(salon, "APARCAR", 1))
                .hasSize(1)
                .extracting(KnowledgeSearch.Found::id)
                .containsExactly("faq-1");
    }

    @Test
    void words_are_stems_of_each_other_only_when_long_enough_and_close() {
        assertThat(KnowledgeSearch.same("parking", "park")).isTrue();
        assertThat(KnowledgeSearch.same("aparcar", "aparcamiento")).isTrue();
        assertThat(KnowledgeSearch.same("pay", "payment")).isFalse();
        assertThat(KnowledgeSearch.same("card", "care")).isFalse();
    }

    @Test
    void what_a_business_may_write_is_bounded() {
        assertThatThrownBy(() -> new FaqEntry(" ", "Yes.")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new FaqEntry("Parking?", "x".repeat(1001))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> saying("x".repeat(2001))).isInstanceOf(InvalidValueException.class);
        FaqEntry[] many = Collections.nCopies(31, new FaqEntry("Q?", "A.")).toArray(FaqEntry[]::new);
        assertThatThrownBy(() -> saying("", many)).isInstanceOf(InvalidValueException.class);
    }
}
