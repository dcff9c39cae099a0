package com.voiceappoint.domain.shared;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names as a caller says them and a speech recogniser writes them down: "Peluquería", "peluqueria" and
 * "PELUQUERÍA!" are one word, and a slip of a letter in a longer word is still that word. What the service and staff
 * matchers compare.
 */
public final class SaidWords {
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_A_WORD = Pattern.compile("[^a-z0-9]+");

    private SaidWords() {}

    /** "Corte de Pelo!" → [corte, de, pelo]: lower case, accents and punctuation gone. */
    public static List<String> of(String text) {
        String plain = plain(text);
        return plain.isEmpty() ? List.of() : Arrays.asList(plain.split(" "));
    }

    /** "Mañana, por la TARDE" → "manana por la tarde". */
    public static String plain(String text) {
        return NOT_A_WORD.matcher(unaccented(text)).replaceAll(" ").strip();
    }

    /** "Mañana, a las 16:00" → "manana, a las 16:00": lower case and no accents, punctuation kept. */
    public static String unaccented(String text) {
        return MARKS.matcher(Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
    }

    /** The same word, allowing one slip (a typo, a mis-heard letter, a plural) in a short word, two in a long one. */
    public static boolean alike(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        int longest = Math.max(a.length(), b.length());
        int allowed = longest < 4 ? 0 : 1 + (longest - 1) / 8;
        return Math.abs(a.length() - b.length()) <= allowed && distance(a, b) <= allowed;
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
