package com.voiceappoint.domain.notification;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a client's answer to one of our text messages asks for. Only a clear one-word answer acts: "C", "Sí", "yes"
 * confirm; "X", "no", "cancelar", "cancel" call the appointment off. Case, accents, spaces and the punctuation around
 * the word do not matter ("si.", "¡SÍ!", " X "), but a second word does: "cancelar por favor" or "no sé" may mean
 * something else, so whatever is not one of these words goes to the staff unchanged, to be read by a person.
 */
public enum ReplyIntent {
    CONFIRM,
    CANCEL,
    /** Anything else: forwarded to the business's staff. */
    OTHER;

    private static final Set<String> CONFIRMING = Set.of("c", "si", "yes", "confirmo", "confirmar", "confirm");
    private static final Set<String> CANCELLING = Set.of("x", "no", "cancelar", "cancel", "cancelo", "anular", "anulo");

    /** Marks after the letters, and punctuation or symbols (emoji included) before or after the word. */
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private static final Pattern AROUND =
            Pattern.compile("^[\\p{P}\\p{S}\\p{Z}\\p{C}\\s]+|[\\p{P}\\p{S}\\p{Z}\\p{C}\\s]+$");

    public static ReplyIntent of(String text) {
        if (text == null) {
            return OTHER;
        }
        String word = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT);
        word = AROUND.matcher(word).replaceAll("");
        if (CONFIRMING.contains(word)) {
            return CONFIRM;
        }
        return CANCELLING.contains(word) ? CANCEL : OTHER;
    }
}
