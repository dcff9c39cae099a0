package com.voiceappoint.adapter.notifications;

import java.text.Normalizer;
import java.util.Map;

/**
 * Text messages in the GSM 03.38 alphabet, which fits 160 characters in one segment; one character outside it turns
 * the whole message into UCS-2, 70 characters a segment. Spanish needs care: é, ñ, ü, à, è, ì, ò, ù are in the
 * alphabet, but á, í, ó, ú and ç are not. {@link #fold} writes those (and typographic quotes and dashes) as their
 * plain letters, so a business called "Peluquería" costs one segment, not three; a character with no plain form (an
 * emoji, a name in another script) is kept and the message goes as UCS-2, because a wrong name is worse than a
 * dearer text.
 */
final class GsmText {
    /** The basic table, in code order (0x1B, the escape to the extension table, is left out). */
    private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
    /** The extension table: each costs two of the 160. */
    private static final String EXTENSION = "\f^{}\\[~]|€";

    private static final Map<Character, String> PLAIN = Map.ofEntries(
            Map.entry('‘', "'"),
            Map.entry('’', "'"),
            Map.entry('‚', "'"),
            Map.entry('´', "'"),
            Map.entry('“', "\""),
            Map.entry('”', "\""),
            Map.entry('„', "\""),
            Map.entry('«', "\""),
            Map.entry('»', "\""),
            Map.entry('–', "-"),
            Map.entry('—', "-"),
            Map.entry('…', "..."),
            Map.entry('\u00A0', " "),
            Map.entry('\t', " "),
            Map.entry('ç', "c"));

    static final int SINGLE_GSM = 160;
    static final int PART_GSM = 153;
    static final int SINGLE_UCS2 = 70;
    static final int PART_UCS2 = 67;

    private GsmText() {}

    static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (isGsm(c)) {
                folded.append(c);
            } else if (PLAIN.containsKey(c)) {
                folded.append(PLAIN.get(c));
            } else {
                String bare = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "");
                folded.append(
                        !bare.isEmpty() && bare.chars().allMatch(b -> isGsm((char) b)) ? bare : String.valueOf(c));
            }
        }
        return folded.toString();
    }

    static boolean isGsm(String text) {
        return text.chars().allMatch(c -> isGsm((char) c));
    }

    /** What a message costs: the segments a phone receives it in. */
    static int segments(String text) {
        if (isGsm(text)) {
            int septets = septets(text);
            return septets <= SINGLE_GSM ? 1 : (septets + PART_GSM - 1) / PART_GSM;
        }
        int units = text.length();
        return units <= SINGLE_UCS2 ? 1 : (units + PART_UCS2 - 1) / PART_UCS2;
    }

    /** GSM septets, counting an extension character as the two it takes. */
    static int septets(String text) {
        return text.chars().map(c -> EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
    }

    private static boolean isGsm(char c) {
        return BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0;
    }
}
