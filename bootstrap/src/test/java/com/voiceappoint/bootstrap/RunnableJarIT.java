package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.voiceappoint.adapter.http.ApiClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, started the way the README says (java -jar, nothing configured but a port and a data folder),
 * answers HTTP with its embedded PostgreSQL, logs as configured and stops cleanly on SIGTERM.
 */
class RunnableJarIT {
    /** In a text line or a JSON one (where the URL's slashes are escaped). */
    private static final Pattern READY = Pattern.compile("VoiceAppoint ready on http:\\S*?:(\\d+) in (\\d+) ms");

    /** The jar running, with every line it printed so far. */
    private record Running(Process process, int port, List<String> output) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS))
                    .as("stops within 30 s of SIGTERM")
                    .isTrue();
        }
    }

    private static Running start(Path data, Map<String, String> environment) throws Exception {
        Path jar = Path.of(System.getProperty("voiceappoint.jar"));
        assertThat(jar).exists();
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                .redirectErrorStream(true);
        builder.environment().remove("DATABASE_URL");
        builder.environment().putAll(Map.of("PORT", "0", "HOST", "127.0.0.1", "DATA_DIR", data.toString()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> ready = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    output.add(line);
                    Matcher matcher = READY.matcher(line);
                    if (matcher.find()) {
                        ready.complete(Integer.parseInt(matcher.group(1)));
                    }
                }
                ready.completeExceptionally(
                        new IllegalStateException("the server exited before it was ready:\n" + output));
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            return new Running(process, ready.get(90, TimeUnit.SECONDS), output);
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
    }

    @Test
    void the_jar_starts_serves_and_stops(@TempDir Path data) throws Exception {
        try (Running server = start(data, Map.of())) {
            ApiClient api = new ApiClient(server.port());
            assertThat(api.at("/health/live").get().status()).isEqualTo(200);
            assertThat(api.at(Readiness.PATH).get().status()).isEqualTo(200);
            var registered = api.at("/api/v1/auth/register/").post(account("jar@example.com"));
            assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
            assertThat(Files.exists(data.resolve("postgres"))).isTrue();
            assertThat(api.at(Monitoring.PATH).get().raw()).contains("http_server_requests_seconds", "jvm_");
        }
    }

    @Test
    void a_server_killed_with_sigkill_is_followed_by_one_that_starts_on_the_same_data(@TempDir Path data)
            throws Exception {
        Running killed = start(data, Map.of());
        var registered =
                new ApiClient(killed.port()).at("/api/v1/auth/register/").post(account("killed@example.com"));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        killed.process().destroyForcibly(); // kill -9: no shutdown hook stops its embedded PostgreSQL
        assertThat(killed.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

        try (Running next = start(data, Map.of())) {
            ApiClient api = new ApiClient(next.port());
            assertThat(api.at(Readiness.PATH).get().status()).isEqualTo(200);
            assertThat(api.at("/api/v1/auth/token/")
                            .post(Map.of("email", "killed@example.com", "password", "s3cret-enough"))
                            .status())
                    .isEqualTo(200);
            assertThat(next.output()).anySatisfy(line -> assertThat(line).contains("was left running"));
        }
    }

    @Test
    void db_url_names_the_running_embedded_database_and_its_passfile_never_the_password(@TempDir Path data)
            throws Exception {
        Map<String, String> sameData = Map.of("DATA_DIR", data.toString(), "DATABASE_URL", "");
        try (Running server = start(data, Map.of())) {
            var registered =
                    new ApiClient(server.port()).at("/api/v1/auth/register/").post(account("psql@example.com"));
            assertThat(registered.status()).as(registered.raw()).isEqualTo(201);

            Finished printed = run(sameData, "db-url");

            assertThat(printed.exitCode()).as(printed.output()).isZero();
            String url = printed.output().strip();
            assertThat(url).matches("postgresql://postgres@127\\.0\\.0\\.1:\\d+/postgres\\?passfile=\\S+");
            String passfile = Files.readString(data.resolve("postgres").resolve("voiceappoint.pgpass"));
            String password = passfile.substring(passfile.lastIndexOf(':') + 1).strip();
            assertThat(url).doesNotContain(password);
            assertThat(server.output())
                    .as("the start says where it listens")
                    .anySatisfy(line -> assertThat(line).contains(url));
            if (installed("psql")) {
                Finished query =
                        Finished.run(List.of("psql", "-w", "-Atc", "select name from businesses", url), Map.of(), true);
                assertThat(query.exitCode()).as(query.output()).isZero();
                assertThat(query.output()).contains("Jar Salon");
                Finished withoutPassword = Finished.run(
                        List.of("psql", "-w", "-Atc", "select 1", url.substring(0, url.indexOf('?'))), Map.of(), true);
                assertThat(withoutPassword.exitCode()).isNotZero();
                assertThat(withoutPassword.output()).contains("password");
            }
        }

        Finished stopped = run(sameData, "db-url");
        assertThat(stopped.exitCode()).isEqualTo(1);
        assertThat(stopped.output()).contains("no embedded PostgreSQL runs in");
    }

    @Test
    void with_json_logs_every_line_is_an_object_and_a_requests_lines_carry_its_id(@TempDir Path data) throws Exception {
        List<String> output;
        try (Running server = start(data, Map.of("LOG_FORMAT", "json"))) {
            var refused = new ApiClient(server.port())
                    .at("/api/v1/vapi/webhook")
                    .header("X-Request-Id", "trace-from-the-jar")
                    .post(Map.of("message", Map.of("type", "tool-calls")));
            assertThat(refused.status()).isEqualTo(401);
            output = server.output();
        }

        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = output.stream()
                .map(line -> {
                    try {
                        return json.readTree(line);
                    } catch (IOException e) {
                        throw new AssertionError("not a JSON line: " + line, e);
                    }
                })
                .toList();
        assertThat(lines)
                .allSatisfy(line -> assertThat(line.path("level").asText()).isNotEmpty());
        assertThat(lines)
                .anySatisfy(line ->
                        assertThat(line.path("formattedMessage").asText()).startsWith("VoiceAppoint ready on"))
                .anySatisfy(line -> {
                    assertThat(line.path("level").asText()).isEqualTo("WARN");
                    assertThat(line.path("formattedMessage").asText()).contains("webhook");
                    assertThat(line.path("mdc").path("request_id").asText()).isEqualTo("trace-from-the-jar");
                });
    }

    @Test
    void a_mistyped_setting_stops_the_start_with_the_variable_named(@TempDir Path data) throws Exception {
        Finished mistyped = run(Map.of("LOG_FORMAT", "xml", "DATA_DIR", data.toString()));

        assertThat(mistyped.exitCode()).isEqualTo(2);
        assertThat(mistyped.output()).contains("LOG_FORMAT is text or json, not xml");
    }

    @Test
    void the_health_command_a_container_runs_says_whether_the_server_on_port_is_ready(@TempDir Path data)
            throws Exception {
        int port;
        try (Running server = start(data, Map.of())) {
            port = server.port();
            Finished healthy = run(Map.of("PORT", String.valueOf(port)), "health");

            assertThat(healthy.exitCode()).as(healthy.output()).isZero();
            assertThat(healthy.output()).contains("200", "\"status\":\"ready\"");
        }

        Finished gone = run(Map.of("PORT", String.valueOf(port)), "health");
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.output()).contains("no answer on port " + port);
    }

    private static Map<String, String> account(String email) {
        return Map.of(
                "email", email,
                "password", "s3cret-enough",
                "business_name", "Jar Salon",
                "business_type", "salon",
                "timezone", "Europe/Madrid",
                "currency", "EUR");
    }

    private static boolean installed(String tool) throws InterruptedException {
        try {
            return Finished.run(List.of(tool, "--version"), Map.of(), false).exitCode() == 0;
        } catch (IOException notInstalled) {
            return false;
        }
    }

    /** Runs the jar to its end: a command, or a start that fails. */
    private static Finished run(Map<String, String> environment, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                System.getProperty("voiceappoint.jar")));
        command.addAll(List.of(arguments));
        return Finished.run(command, environment, false);
    }
}
