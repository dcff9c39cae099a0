package com.voiceappoint.domain.catalog;

import com.voiceappoint.domain.shared.SaidWords;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the service a caller means from how they said it: "corte", "un corte de pelo", "Corte de Pelo",
 * "corte de pleo" all name "Corte de pelo". Case, accents, punctuation and filler words do not count, a typo or a
 * mis-heard letter in a word is forgiven, a name said in part still matches, and so does one said in other pieces
 * ("hair cut" is "Haircut", "cortepelo" is "Corte de pelo"). When two services fit about as
 * well, neither is chosen: the caller is asked which.
 */
public final class ServiceMatcher {
    /** Below this, a name is not what the caller said at all. */
    private static final double ENOUGH = 0.5;
    /** A winner must beat the next best by this much, or the choice is the caller's. */
    private static final double CLEAR_LEAD = 0.15;
    /** The most words a word said split ("hair cut") or a name written split ("Corte de pelo") spans. */
    private static final int LONGEST_RUN = 3;
    /** A piece of a word shorter than this ("co") says nothing about which word. */
    private static final int SHORTEST_PIECE = 3;

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

    /**
     * How much of the name the caller's words cover, and how much of what they said the name explains. A word may
     * be said split or joined ("hair cut" for "Haircut", "cortepelo" for "Corte de pelo"): a run of words on one
     * side that reads as a run on the other covers them all. A word said that is only the start or the end of a
     * name's word ("hair" of "Haircut") covers that word in part, so "hair" fits "Haircut" about as well as "Hair
     * colour" and the caller is asked which.
     */
    private static double score(List<String> said, List<String> name) {
        if (name.isEmpty()) {
            return 0;
        }
        boolean[] explained = new boolean[said.size()];
        double[] covered = new double[name.size()];
        for (int i = 0; i < said.size(); i++) {
            for (int j = 0; j < name.size(); j++) {
                if (SaidWords.alike(said.get(i), name.get(j))) {
                    explained[i] = true;
                    covered[j] = 1;
                }
            }
        }
        if (count(explained) < said.size() || sum(covered) < name.size()) {
            matchRuns(said, name, explained, covered);
            matchPieces(said, name, explained, covered);
        }
        double coverage = sum(covered) / name.size();
        double precision = (double) count(explained) / said.size();
        return 0.6 * coverage + 0.4 * precision;
    }

    /** Runs of up to {@link #LONGEST_RUN} words, at least one side longer than a word, read as one word. */
    private static void matchRuns(List<String> said, List<String> name, boolean[] explained, double[] covered) {
        for (int i = 0; i < said.size(); i++) {
            for (int a = 1; a <= LONGEST_RUN && i + a <= said.size(); a++) {
                String saidRun = String.join("", said.subList(i, i + a));
                for (int j = 0; j < name.size(); j++) {
                    for (int b = a == 1 ? 2 : 1; b <= LONGEST_RUN && j + b <= name.size(); b++) {
                        if (SaidWords.alike(saidRun, String.join("", name.subList(j, j + b)))) {
                            Arrays.fill(explained, i, i + a, true);
                            Arrays.fill(covered, j, j + b, 1);
                        }
                    }
                }
            }
        }
    }

    /** A said word that begins or ends a longer word of the name covers the share of its letters. */
    private static void matchPieces(List<String> said, List<String> name, boolean[] explained, double[] covered) {
        for (int i = 0; i < said.size(); i++) {
            String piece = said.get(i);
            if (piece.length() < SHORTEST_PIECE) {
                continue;
            }
            for (int j = 0; j < name.size(); j++) {
                String word = name.get(j);
                if (covered[j] < 1
                        && word.length() > piece.length()
                        && (word.startsWith(piece) || word.endsWith(piece))) {
                    explained[i] = true;
                    covered[j] = Math.max(covered[j], (double) piece.length() / word.length());
                }
            }
        }
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean flag : flags) {
            n += flag ? 1 : 0;
        }
        return n;
    }

    private static double sum(double[] shares) {
        double total = 0;
        for (double share : shares) {
            total += share;
        }
        return total;
    }

    static List<String> words(String text) {
        List<String> all = SaidWords.of(text);
        List<String> meaningful = all.stream().filter(w -> !FILLER.contains(w)).toList();
        return meaningful.isEmpty() ? all : meaningful;
    }
}
