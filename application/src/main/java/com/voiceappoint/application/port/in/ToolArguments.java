package com.voiceappoint.application.port.in;

import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.StorableText;
import java.util.Map;
import java.util.Optional;

/**
 * The arguments a model filled in for a tool call (untrusted), as its platform's adapter reads them: each value as
 * text, and the values of an object one level down (as {@code client_data.name}). Models name an argument as they
 * like, so each is read by any of the names they tend to use.
 *
 * @param values the arguments that are a single value (text, number, true or false), never null
 * @param objects the arguments that are objects: their single values (a null given as {@code "null"})
 */
public record ToolArguments(Map<String, String> values, Map<String, Map<String, String>> objects) {
    public static final ToolArguments NONE = new ToolArguments(Map.of(), Map.of());

    public ToolArguments {
        values = Map.copyOf(values);
        objects = Map.copyOf(objects);
    }

    /** The first of {@code names} given, not blank, stripped. */
    public Optional<String> text(String... names) {
        for (String name : names) {
            String value = values.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(storable(name, value.strip()));
            }
        }
        return Optional.empty();
    }

    /** {@code name} inside the argument {@code object}, not blank, stripped. */
    public Optional<String> nested(String object, String name) {
        String value = objects.getOrDefault(object, Map.of()).get(name);
        return value != null && !value.isBlank()
                ? Optional.of(storable(object + "." + name, value.strip()))
                : Optional.empty();
    }

    /** What a store could not keep as given (NUL, half a character) is refused, naming the argument. */
    private static String storable(String name, String value) {
        InvalidValueException.check(StorableText.storable(value), name, "text a store cannot keep");
        return value;
    }
}
