package com.voiceappoint.domain.voice;

import com.voiceappoint.domain.shared.SaidWords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Finds what a business has said about itself that answers what a caller asked: its description and its answers to
 * common questions. Each is scored by the share of the caller's words (small and common words aside) that it
 * contains, a word counting when it is the same word or the same stem ("parking" and "park", "aparcar" and
 * "aparcamiento": four letters or more in common, differing in at most the last two letters of the shorter). No
 * synonyms, no learning: an owner can read why an answer came up and write the words callers use.
 */
public final class KnowledgeSearch {
    private static final int MIN_STEM = 4;
    private static final int ENDING = 2;

    private static final Set<String> COMMON = Set.of(
            // English
            "the",
            "and",
            "you",
            "your",
            "have",
            "has",
            "had",
            "does",
            "did",
            "are",
            "can",
            "could",
            "would",
            "there",
            "any",
            "what",
            "when",
            "where",
            "how",
            "which",
            "who",
            "for",
            "with",
            "from",
            "about",
            "that",
            "this",
            "our",
            "please",
            "hello",
            "want",
            "know",
            "tell",
            "get",
            "got",
            "not",
            "but",
            "was",
            "will",
            "yes",
            "thanks",
            "thank",
            // Spanish, without accents as compared
            "que",
            "los",
            "las",
            "una",
            "uno",
            "unos",
            "unas",
            "del",
            "por",
            "para",
            "con",
            "hay",
            "tienen",
            "teneis",
            "tiene",
            "tengo",
            "puedo",
            "puede",
            "pueden",
            "cual",
            "cuando",
            "donde",
            "como",
            "sus",
            "tus",
            "vuestro",
            "vuestra",
            "este",
            "esta",
            "eso",
            "esto",
            "hola",
            "gracias",
            "favor",
            "quiero",
            "queria",
            "saber",
            "sois",
            "son",
            "estan",
            "algun",
            "alguna",
            "pero",
            "mas",
            "muy",
            "sin");

    private KnowledgeSearch() {}

    /**
     * One thing the business said, and how well it fits the question.
     *
     * @param id {@code description}, or {@code faq-1} for the first question and so on
     * @param similarity the share of the caller's words it contains, from 0 to 1
     */
    public record Found(String id, String content, double similarity) {}

    /** The entries that contain any of the caller's words, best first, at most {@code limit}. */
    public static List<Found> search(VoiceSettings settings, String said, int limit) {
        List<String> asked =
                words(said).stream().filter(w -> !COMMON.contains(w)).distinct().toList();
        if (asked.isEmpty()) {
            return List.of();
        }
        List<Candidate> candidates = new ArrayList<>();
        List<FaqEntry> faq = settings.faq();
        for (int i = 0; i < faq.size(); i++) {
            FaqEntry entry = faq.get(i);
            candidates.add(new Candidate("faq-" + (i + 1), entry.question() + " " + entry.answer(), i));
        }
        if (!settings.description().isEmpty()) {
            // the description speaks of everything a little: on a tie, the answer to a question wins
            candidates.add(new Candidate("description", settings.description(), faq.size()));
        }
        return candidates.stream()
                .map(c -> new Scored(c, share(asked, words(c.content))))
                .filter(s -> s.similarity > 0)
                .sorted(Comparator.comparingDouble(Scored::similarity)
                        .reversed()
                        .thenComparingInt(s -> s.candidate.order))
                .limit(limit)
                .map(s -> new Found(s.candidate.id, s.candidate.content, s.similarity))
                .toList();
    }

    private record Candidate(String id, String content, int order) {}

    private record Scored(Candidate candidate, double similarity) {}

    /** The share of asked words the text contains, rounded to hundredths. */
    private static double share(List<String> asked, List<String> text) {
        long found = asked.stream()
                .filter(word -> text.stream().anyMatch(other -> same(word, other)))
                .count();
        return Math.round(100.0 * found / asked.size()) / 100.0;
    }

    static boolean same(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int common = 0;
        int shorter = Math.min(a.length(), b.length());
        while (common < shorter && a.charAt(common) == b.charAt(common)) {
            common++;
        }
        return common >= MIN_STEM && shorter - common <= ENDING;
    }

    /** The words as {@link SaidWords} hears them, but for those of one or two letters. */
    static List<String> words(String text) {
        return SaidWords.of(text).stream().filter(w -> w.length() > 2).toList();
    }
}
