package com.voiceappoint.architecture;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every rule, checked against the production code of every module. */
class ArchitectureTest {
    /**
     * Each module with production code and the package its classes live in, one line per module. A new module is
     * listed here and as a test dependency in this module's pom; {@link #every_module_with_code_is_checked()} fails
     * until both are done.
     */
    private static final Map<String, String> MODULES = Map.ofEntries(
            entry("domain", "com.voiceappoint.domain"),
            entry("application", "com.voiceappoint.application"),
            entry("testkit", "com.voiceappoint.testkit"),
            entry("adapter-persistence-jdbi", "com.voiceappoint.adapter.persistence"),
            entry("adapter-persistence-inmemory", "com.voiceappoint.adapter.inmemory"),
            entry("adapter-security-argon2", "com.voiceappoint.adapter.security"),
            entry("adapter-limits-redis", "com.voiceappoint.adapter.limits"),
            entry("adapter-events-redis", "com.voiceappoint.adapter.events"),
            entry("adapter-http-javalin", "com.voiceappoint.adapter.http"),
            entry("adapter-vapi", "com.voiceappoint.adapter.vapi"),
            entry("adapter-payments", "com.voiceappoint.adapter.payments"),
            entry("adapter-notifications", "com.voiceappoint.adapter.notifications"),
            entry("adapter-web", "com.voiceappoint.adapter.http.web"),
            entry("bootstrap", "com.voiceappoint.bootstrap"),
            entry("examples", "com.voiceappoint.examples"));

    private static JavaClasses production;

    @BeforeAll
    static void importProductionCode() {
        // sibling modules arrive as directories or as jars depending on the phase: import both, skip tests
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ArchitectureRules.ENGINE);
    }

    @TestFactory
    Stream<DynamicTest> the_code_follows_every_rule() {
        return new ArchitectureRules(ArchitectureRules.ENGINE)
                .all().stream()
                        .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(production)));
    }

    /**
     * A rule is only as good as what it looks at: every module of the build that has production code must be in
     * the import, or the rules above could pass by seeing nothing. A module's classes are those in its package and
     * not in the more specific package of another module (persistence's in-memory adapter inside persistence's).
     */
    @Test
    void every_module_with_code_is_checked() throws IOException {
        Path root = Path.of("..").toAbsolutePath().normalize();
        List<String> withCode = new ArrayList<>();
        // modules built only on demand (the benchmarks' profile) are no production code
        String build = Files.readString(root.resolve("pom.xml")).replaceAll("(?s)<profiles>.*</profiles>", "");
        Matcher module = Pattern.compile("<module>([^<]+)</module>").matcher(build);
        while (module.find()) {
            if (Files.isDirectory(root.resolve(module.group(1)).resolve("src/main/java"))) {
                withCode.add(module.group(1));
            }
        }

        assertThat(MODULES.keySet()).as("the modules listed in MODULES").hasSameElementsAs(withCode);
        for (Map.Entry<String, String> listed : MODULES.entrySet()) {
            assertThat(production.stream()
                            .filter(c -> moduleOf(c.getPackageName()).equals(listed.getKey())))
                    .as(
                            "classes of %s (%s) are imported; is it a test dependency of architecture-tests?",
                            listed.getKey(), listed.getValue())
                    .isNotEmpty();
        }
    }

    /** The module whose package is the longest prefix of this one. */
    private static String moduleOf(String packageName) {
        return MODULES.entrySet().stream()
                .filter(m -> packageName.equals(m.getValue()) || packageName.startsWith(m.getValue() + "."))
                .max(Comparator.comparingInt(m -> m.getValue().length()))
                .map(Map.Entry::getKey)
                .orElse("");
    }
}
