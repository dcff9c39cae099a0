package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * "You need a JDK and nothing else": {@code ./mvnw} on a machine without {@code unzip}, {@code curl} or {@code wget}
 * (the JDK image {@code docker build} runs on has no unzip) and without Maven, which it fetches from Maven Central as
 * a newcomer's first run does; and it runs nothing it has not checked: a wrapper jar or a Maven distribution whose
 * SHA-256 is not the one in {@code .mvn/wrapper/maven-wrapper.properties} fails. Each run is on a copy of the
 * wrapper's files, so what the repository itself holds is never used or changed. Only Maven Central not answering
 * skips it.
 */
@DisabledOnOs(OS.WINDOWS)
class MavenWrapperTest {
    private static final Path REPOSITORY =
            Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    private static final Path PROPERTIES = Path.of(".mvn", "wrapper", "maven-wrapper.properties");
    private static final String WRONG_SUM = "0".repeat(64);

    @Test
    void the_wrapper_fetches_checks_and_runs_maven_with_only_a_jdk_and_refuses_what_fails_its_checksum(
            @TempDir Path temporary) throws Exception {
        assumeTrue(
                mavenCentralAnswers(property(REPOSITORY.resolve(PROPERTIES), "distributionUrl")),
                "Maven Central did not answer");
        Path bin = everyCommandOnThePathBut(
                Set.of("unzip", "curl", "wget"), Files.createDirectory(temporary.resolve("bin")));

        Path project = wrapperCopy(temporary.resolve("project"), Map.of());
        Finished version = mvnw(project, bin, temporary.resolve("home"));

        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).contains("Apache Maven " + wrappedMavenVersion());
        assertThat(project.resolve(".mvn/wrapper/maven-wrapper.jar"))
                .as("fetched")
                .exists();

        Path wrongJarSum = wrapperCopy(temporary.resolve("wrong-jar-sum"), Map.of("wrapperSha256Sum", WRONG_SUM));
        Files.copy(
                project.resolve(".mvn/wrapper/maven-wrapper.jar"),
                wrongJarSum.resolve(".mvn/wrapper/maven-wrapper.jar"));
        Finished jarRefused = mvnw(wrongJarSum, bin, temporary.resolve("home"));

        assertThat(jarRefused.exitCode()).as(jarRefused.output()).isNotZero();
        assertThat(jarRefused.output()).contains("Failed to validate Maven wrapper SHA-256");

        Path wrongMavenSum =
                wrapperCopy(temporary.resolve("wrong-maven-sum"), Map.of("distributionSha256Sum", WRONG_SUM));
        Finished mavenRefused = mvnw(wrongMavenSum, bin, temporary.resolve("another-home"));

        assertThat(mavenRefused.exitCode()).as(mavenRefused.output()).isNotZero();
        assertThat(mavenRefused.output()).contains("Failed to validate Maven distribution SHA-256");
        assertThat(mavenRefused.output()).doesNotContain("Apache Maven " + wrappedMavenVersion());
    }

    /** {@code mvnw --version} in {@code project}, with an empty Maven home of its own. */
    private static Finished mvnw(Path project, Path bin, Path home) throws Exception {
        Files.createDirectories(home);
        return Finished.run(
                List.of(project.resolve("mvnw").toString(), "--version"),
                Map.of(
                        "PATH", bin.toString(),
                        "HOME", home.toString(),
                        "MAVEN_USER_HOME", home.resolve("m2").toString(),
                        "JAVA_HOME", System.getProperty("java.home")),
                true,
                project);
    }

    /** The repository's wrapper (script, properties, downloader source) in {@code folder}, with properties changed. */
    private static Path wrapperCopy(Path folder, Map<String, String> changed) throws IOException {
        Path wrapper = Files.createDirectories(folder.resolve(".mvn/wrapper"));
        Files.copy(REPOSITORY.resolve("mvnw"), folder.resolve("mvnw"));
        Files.copy(
                REPOSITORY.resolve(".mvn/wrapper/MavenWrapperDownloader.java"),
                wrapper.resolve("MavenWrapperDownloader.java"));
        List<String> properties = Files.readAllLines(REPOSITORY.resolve(PROPERTIES)).stream()
                .map(line -> {
                    String key = line.split("=", 2)[0];
                    return changed.containsKey(key) ? key + "=" + changed.get(key) : line;
                })
                .toList();
        Files.write(folder.resolve(PROPERTIES), properties);
        return folder;
    }

    private static boolean mavenCentralAnswers(String url) {
        try {
            HttpResponse<Void> answer = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    .build()
                    .send(
                            HttpRequest.newBuilder(URI.create(url))
                                    .method("HEAD", HttpRequest.BodyPublishers.noBody())
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A folder of links to every command on this PATH except some. */
    private static Path everyCommandOnThePathBut(Set<String> missing, Path bin) throws IOException {
        for (String directory : System.getenv("PATH").split(File.pathSeparator)) {
            Path folder = Path.of(directory);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> commands = Files.list(folder)) {
                for (Path command : commands.filter(Files::isExecutable).toList()) {
                    Path link = bin.resolve(command.getFileName());
                    if (!missing.contains(command.getFileName().toString()) && !Files.exists(link)) {
                        Files.createSymbolicLink(link, command);
                    }
                }
            }
        }
        for (String command : missing) {
            assertThat(bin.resolve(command)).doesNotExist();
        }
        return bin;
    }

    private static String property(Path properties, String key) throws IOException {
        return Files.readAllLines(properties).stream()
                .filter(line -> line.startsWith(key + "="))
                .map(line -> line.substring(key.length() + 1).strip())
                .findFirst()
                .orElseThrow(() -> new AssertionError(key + " is not in " + properties));
    }

    private static String wrappedMavenVersion() throws IOException {
        return property(REPOSITORY.resolve(PROPERTIES), "distributionUrl")
                .replaceAll(".*/apache-maven-([^/]+)-bin\\.zip$", "$1");
    }
}
