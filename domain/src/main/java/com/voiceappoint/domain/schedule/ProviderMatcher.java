package com.voiceappoint.domain.schedule;

import com.voiceappoint.domain.shared.SaidWords;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the person a caller asks for ("con Marta", "with Sam", "la señora López") among a business's staff. Case and
 * accents do not count, and neither do "con"/"with" and titles; every word said must be one of the person's names,
 * so a first name (or a surname) alone is enough when no one else has it. A slip of a letter in a longer name is
 * forgiven only when no name fits exactly. "Cualquiera", "anyone", "me da igual" ask for nobody in particular.
 */
public final class ProviderMatcher {
    private static final Set<String> FILLER = Set.of(
            "con",
            "with",
            "a",
            "al",
            "la",
            "el",
            "the",
            "por",
            "favor",
            "please",
            "mr",
            "mrs",
            "ms",
            "miss",
            "sr",
            "sra",
            "srta",
            "senor",
            "senora",
            "senorita",
            "don",
            "dona",
            "dr",
            "dra",
            "doctor",
            "doctora");
    private static final Set<String> ANYONE = Set.of(
            "any",
            "anyone",
            "anybody",
            "whoever",
            "whichever",
            "someone",
            "somebody",
            "preference",
            "cualquiera",
            "cualquier",
            "alguien",
            "sea",
            "igual",
            "indiferente",
            "preferencia");

    private ProviderMatcher() {}

    /** Who the caller meant. */
    public sealed interface Choice {
        /** That person. */
        record One(Provider provider) implements Choice {
            public One {
                Objects.requireNonNull(provider, "provider");
            }
        }

        /** Nobody in particular: whoever is free. */
        record Anyone() implements Choice {}

        /** More than one person has that name: the caller is asked which. */
        record Several(List<Provider> candidates) implements Choice {
            public Several {
                candidates = List.copyOf(candidates);
            }
        }

        /** Nobody of that name works here. */
        record Nobody() implements Choice {}
    }

    /** @param staff the people to choose among, in the business's order (the order candidates are offered in) */
    public static Choice match(List<Provider> staff, String said) {
        if (meansAnyone(said)) {
            return new Choice.Anyone();
        }
        List<String> all = SaidWords.of(said);
        List<String> words = all.stream().filter(w -> !FILLER.contains(w)).toList();
        if (words.isEmpty()) {
            return new Choice.Nobody();
        }
        List<Provider> exact =
                staff.stream().filter(p -> named(names(p), words, true)).toList();
        List<Provider> fitting = exact.isEmpty()
                ? staff.stream().filter(p -> named(names(p), words, false)).toList()
                : exact;
        if (fitting.size() > 1) {
            // "Marta López" among "Marta López" and "Marta López Ruiz" is the one named in full
            List<Provider> inFull =
                    fitting.stream().filter(p -> names(p).equals(words)).toList();
            if (inFull.size() == 1) {
                return new Choice.One(inFull.get(0));
            }
        }
        return switch (fitting.size()) {
            case 0 -> new Choice.Nobody();
            case 1 -> new Choice.One(fitting.get(0));
            default -> new Choice.Several(fitting);
        };
    }

    /** "cualquiera", "me da igual", "anyone": whoever is free, nobody in particular. */
    public static boolean meansAnyone(String said) {
        return SaidWords.of(said).stream().anyMatch(ANYONE::contains);
    }

    private static List<String> names(Provider provider) {
        List<String> all = SaidWords.of(provider.displayName());
        List<String> names = all.stream().filter(w -> !FILLER.contains(w)).toList();
        return names.isEmpty() ? all : names;
    }

    /**
     * Whether every word said is one of the names, or several of them said as one ("mariacarmen" for "María Carmen"),
     * or the words said are one name said in pieces ("mari carmen" for "Maricarmen").
     */
    private static boolean named(List<String> names, List<String> said, boolean exactly) {
        if (names.isEmpty()) {
            return false;
        }
        return said.stream().allMatch(w -> isAName(names, w, exactly))
                || (said.size() > 1 && isAName(names, String.join("", said), exactly));
    }

    private static boolean isAName(List<String> names, String said, boolean exactly) {
        for (int first = 0; first < names.size(); first++) {
            StringBuilder run = new StringBuilder();
            for (int last = first; last < names.size(); last++) {
                run.append(names.get(last));
                if (exactly ? run.toString().equals(said) : SaidWords.alike(run.toString(), said)) {
                    return true;
                }
            }
        }
        return false;
    }
}
