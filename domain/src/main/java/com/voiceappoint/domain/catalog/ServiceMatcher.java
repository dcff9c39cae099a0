package com.voiceappoint.domain.catalog;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds the service a caller means from how they said it: "corte", "un corte de pelo", "Corte de Pelo",
 * "corte de pleo" all name "Corte de pelo". Case, accents, punctuation and filler words do not count, a typo or a
 * mis-heard letter in a word is forgiven, and a name said in part still matches. When two services fit about as
 * well, neither is chosen: the caller is asked which.
 */
public final class ServiceMatcher {
    /** Below this, a name is not what the caller said at all. */
    private static final double ENOUGH = 0.5;
    /** A winner must beat the next best by this much, or the choice is the caller's. */
    private static final double CLEAR_LEAD = 0.15;

    private static final Set<String> FILLER = Set.of(
            "a",
            "an",
            "the",
            "for",
            "of",
            "my",
            "un",
            "una",
            "unos",
            "unas",
            "el",
            "la",
            "los",
            "las",
            "de",
            "del",
            "para",
            "mi",
            "quiero",
            "want",
            "i",
            "like",
            "book",
            "reservar",
            "cita",
            "appointment",
            "y",
            "and",
            "con",
            "with");

    private ServiceMatcher() {}

    /** The service meant, if one stands out; otherwise the likeliest few, best first, to ask about. */
    public record Match(Optional<Service> service, List<Service> candidates) {}

    public static Match match(List<Service> services, String said) {
        List<String> words = words(said);
        if (words.isEmpty()) {
            return new Match(Optional.empty(), List.of());
        }
        List<Scored> ranked = services.stream()
                .map(s -> new Scored(s, score(words, words(s.name()))))
                .filter(s -> s.score >= ENOUGH)
                .sorted(Comparator.comparingDouble(Scored::score).reversed())
                .toList();
        if (ranked.isEmpty()) {
            return new Match(Optional.empty(), List.of());
        }
        boolean clear = ranked.size() == 1 || ranked.get(0).score - ranked.get(1).score >= CLEAR_LEAD;
        List<Service> candidates = ranked.stream().limit(3).map(Scored::service).toList();
        return new Match(clear ? Optional.of(ranked.get(0).service) : Optional.empty(), candidates);
    }

    private record Scored(Service service, double score) {}

    /** How much of the name the caller's words cover, and how much of what they said the name explains. */
    private static double score(List<String> said, List<String> name) {
        if (name.isEmpty()) {
            return 0;
        }
        long nameCovered = name.stream()
                .filter(n -> said.stream().anyMatch(w -> alike(w, n)))
                .count();
        long saidExplained = said.stream()
                .filter(w -> name.stream().anyMatch(n -> alike(w, n)))
                .count();
        double coverage = (double) nameCovered / name.size();
        double precision = (double) saidExplained / said.size();
        return 0.6 * coverage + 0.4 * precision;
    }

    /** The same word, allowing one slip (a typo, a mis-heard letter, a plural) in a short word, two in a long one. */
    private static boolean alike(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int longest = Math.max(a.length(), b.length());
        int allowed = longest < 4 ? 0 : 1 + (longest - 1) / 8;
        return Math.abs(a.length() - b.length()) <= allowed && distance(a, b) <= allowed;
    }

    static List<String> words(String text) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", " ")
                .strip();
        if (plain.isEmpty()) {
            return List.of();
        }
        List<String> all = Arrays.asList(plain.split(" "));
        List<String> meaningful = all.stream().filter(w -> !FILLER.contains(w)).collect(Collectors.toList());
        return meaningful.isEmpty() ? all : meaningful;
    }

    /** Edits between two short words, a swap of neighbouring letters counting as one (optimal string alignment). */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1));
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
