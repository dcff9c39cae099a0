package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * "You need a JDK and nothing else": {@code ./mvnw} on a machine without {@code unzip} (the JDK image {@code docker
 * build} runs on has none) and without Maven, which it fetches from Maven Central as a newcomer's first run does.
 * Only a failed download skips it: a wrong checksum or an archive that does not unpack fails.
 */
@DisabledOnOs(OS.WINDOWS)
class MavenWrapperTest {
    private static final Path REPOSITORY =
            Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();

    @Test
    void the_wrapper_fetches_and_runs_maven_where_unzip_is_not_installed(@TempDir Path home) throws Exception {
        Path withoutUnzip = everyCommandOnThePathBut("unzip", Files.createDirectory(home.resolve("bin")));

        Finished version = Finished.run(
                List.of(REPOSITORY.resolve("mvnw").toString(), "--version"),
                Map.of(
                        "PATH", withoutUnzip.toString(),
                        "HOME", home.toString(),
                        "MAVEN_USER_HOME", home.resolve("m2").toString(),
                        "JAVA_HOME", System.getProperty("java.home")),
                true);

        assumeFalse(version.output().contains("Failed to fetch"), "Maven Central did not answer: " + version.output());
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).contains("Apache Maven " + wrappedMavenVersion());
    }

    /** A folder of links to every command on this PATH except one. */
    private static Path everyCommandOnThePathBut(String missing, Path bin) throws IOException {
        for (String directory : System.getenv("PATH").split(File.pathSeparator)) {
            Path folder = Path.of(directory);
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> commands = Files.list(folder)) {
                for (Path command : commands.filter(Files::isExecutable).toList()) {
                    Path link = bin.resolve(command.getFileName());
                    if (!command.getFileName().toString().equals(missing) && !Files.exists(link)) {
                        Files.createSymbolicLink(link, command);
                    }
                }
            }
        }
        assertThat(bin.resolve(missing)).doesNotExist();
        return bin;
    }

    private static String wrappedMavenVersion() throws IOException {
        String url = Files.readAllLines(REPOSITORY.resolve(".mvn/wrapper/maven-wrapper.properties")).stream()
                .filter(line -> line.startsWith("distributionUrl="))
                .findFirst()
                .orElseThrow();
        return url.replaceAll(".*/apache-maven-([^/]+)-bin\\.zip$", "$1");
    }
}
