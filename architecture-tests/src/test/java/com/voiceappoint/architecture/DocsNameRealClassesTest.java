package com.voiceappoint.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A contributor trusts the docs only while the classes they name exist: every class name in backticks in the
 * documentation (docs/, the READMEs, CONTRIBUTING.md) is one of ours, or a library's listed here.
 */
class DocsNameRealClassesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** `BookAppointmentInteractor`, `VapiWebhook.handle`, `Interactors.create()`: the leading name is the class. */
    private static final Pattern CLASS_NAME =
            Pattern.compile("`([A-Z][a-z][A-Za-z0-9]*)(?:[.#][A-Za-z0-9_]+)*(?:\\(\\))?`");

    /**
     * Named in the docs and not ours: the JDK's, libraries', the exemplars' (buckpal), PostgreSQL's and Citus's,
     * HTTP headers, file names.
     */
    private static final Set<String> NOT_OURS = Set.of(
            "Authorization",
            "AutoCloseable",
            "ClientRead",
            "Clock",
            "CompletionException",
            "ConcurrentHashMap",
            "DataSource",
            "Dockerfile",
            "Expect",
            "Forwarded",
            "From",
            "HikariDataSource",
            "Instant",
            "Jdbi",
            "LocalDate",
            "ObjectMapper",
            "ReportResultError",
            "SendMoneyController",
            "SendMoneyUseCase",
            "StripeClient",
            "Webhook",
            "ZoneRules");

    @Test
    void every_class_the_docs_name_exists() throws IOException {
        Set<String> ours = classNames();
        List<String> unknown = documents()
                .flatMap(doc -> namesIn(doc).stream()
                        .filter(name -> !ours.contains(name) && !NOT_OURS.contains(name))
                        .map(name -> ROOT.relativize(doc) + ": " + name))
                .collect(Collectors.toList());

        assertThat(unknown)
                .as("class names in the docs that no source file has")
                .isEmpty();
    }

    @Test
    void the_check_sees_the_docs_and_the_code() throws IOException {
        assertThat(classNames()).contains("BookAppointmentInteractor", "VapiWebhook");
        assertThat(documents().map(doc -> ROOT.relativize(doc).toString()))
                .contains("README.md", "docs/ARCHITECTURE.md");
        assertThat(namesIn(ROOT.resolve("docs/ARCHITECTURE.md"))).contains("BookAppointmentInteractor");
    }

    private static Set<String> classNames() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !ROOT.relativize(file).toString().contains("target/"))
                    .map(file -> file.getFileName().toString().replace(".java", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    private static Stream<Path> documents() throws IOException {
        Stream<Path> top = Stream.of("README.md", "CONTRIBUTING.md").map(ROOT::resolve);
        Stream<Path> docs;
        try (Stream<Path> files = Files.list(ROOT.resolve("docs"))) {
            docs = files.filter(file -> file.toString().endsWith(".md")).toList().stream();
        }
        Stream<Path> modules;
        try (Stream<Path> dirs = Files.list(ROOT)) {
            modules = dirs.map(dir -> dir.resolve("README.md")).toList().stream();
        }
        return Stream.of(top, docs, modules).flatMap(s -> s).filter(Files::isRegularFile);
    }

    private static Set<String> namesIn(Path document) {
        try {
            Matcher name = CLASS_NAME.matcher(Files.readString(document));
            Set<String> names = new TreeSet<>();
            while (name.find()) {
                names.add(name.group(1));
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
