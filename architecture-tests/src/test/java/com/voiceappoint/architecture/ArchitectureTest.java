package com.voiceappoint.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every rule, checked against the production code of every module. */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionCode() {
        // sibling modules arrive as directories or as jars depending on the phase: import both, skip tests
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ArchitectureRules.BASE);
    }

    @TestFactory
    Stream<DynamicTest> the_code_follows_every_rule() {
        return ArchitectureRules.all().stream()
                .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(production)));
    }

    /**
     * A rule is only as good as what it looks at: every module of the build that has production code must be in
     * the import, or the rules above could pass by seeing nothing.
     */
    @Test
    void the_import_contains_every_module_that_has_code() throws IOException {
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

        assertThat(withCode)
                .contains("domain", "application", "adapter-http-javalin", "adapter-persistence-jdbi", "bootstrap");
        for (String name : withCode) {
            String basePackage = basePackageOf(name);
            assertThat(production.stream().anyMatch(c -> c.getPackageName().startsWith(basePackage)))
                    .as("classes of module %s (%s) are imported", name, basePackage)
                    .isTrue();
        }
    }

    @Test
    void there_are_rules_for_every_adapter_library() {
        assertThat(ArchitectureRules.libraryRules()).hasSizeGreaterThan(10).allMatch(ArchRule.class::isInstance);
    }

    /** adapter-persistence-jdbi keeps its classes in com.voiceappoint.adapter.persistence, and so on. */
    static String basePackageOf(String module) {
        if (module.startsWith("adapter-")) {
            return ArchitectureRules.BASE + ".adapter." + module.split("-")[1];
        }
        return ArchitectureRules.BASE + "." + module;
    }
}
