package com.voiceappoint.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The domain and the application name a refused field as they call it ({@code durationMinutes}); each adapter spells
 * it its own way (the REST API's {@code duration_minutes}). A wire name written into the core would be spelt twice
 * by the HTTP adapter and wrongly by any other, so none may creep back.
 */
class DomainSpellsItsOwnFieldsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** {@code new InvalidValueException("field", ...)} or {@code new XException(ErrorCode.X, "field", ...)}. */
    private static final Pattern REFUSED_FIELD =
            Pattern.compile("new (\\w+Exception)\\(\\s*(?:ErrorCode\\.\\w+,\\s*)?\"([^\"]+)\"");

    /** Its argument names a kind of thing for the messages ("resource.time_off"), not a field. */
    private static final String NOT_A_FIELD = "NotFoundException";

    @Test
    void no_refusal_in_the_core_names_a_field_in_snake_case() throws IOException {
        List<String> wireNames = new ArrayList<>();
        int refusals = 0;
        for (Path source : coreSources()) {
            Matcher refused = REFUSED_FIELD.matcher(read(source));
            while (refused.find()) {
                refusals++;
                if (!refused.group(1).equals(NOT_A_FIELD) && refused.group(2).contains("_")) {
                    wireNames.add(ROOT.relativize(source) + ": " + refused.group(0));
                }
            }
        }

        assertThat(refusals)
                .as("refusals found in the core (the check sees them)")
                .isGreaterThan(20);
        assertThat(wireNames).as("fields named as on the wire: %s", wireNames).isEmpty();
    }

    @Test
    void the_check_would_catch_a_wire_name() {
        Matcher refused =
                REFUSED_FIELD.matcher("throw new InvalidValueException(\"duration_minutes\", \"must be positive\");");

        assertThat(refused.find()).isTrue();
        assertThat(refused.group(2)).isEqualTo("duration_minutes");
    }

    private static List<Path> coreSources() throws IOException {
        List<Path> sources = new ArrayList<>();
        for (String module : List.of("domain", "application")) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(module).resolve("src/main/java"))) {
                files.filter(file -> file.toString().endsWith(".java")).forEach(sources::add);
            }
        }
        return sources;
    }

    private static String read(Path source) {
        try {
            return Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
