package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.voiceappoint.adapter.http.ApiClient;
import com.voiceappoint.adapter.persistence.TestPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files an operator deploys with, checked without a Docker engine: {@code .env.example} against the variables
 * the server reads, the compose files' structure (and {@code docker compose config} where a compose CLI is
 * installed), and nginx's configuration run by a real nginx in front of the real server when nginx is installed.
 */
class DeploymentFilesTest {
    private static final Path REPOSITORY =
            Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent();
    private static final List<String> COMPOSE_FILES = List.of("docker-compose.yml", "docker-compose.prod.yml");
    private static final Pattern INTERPOLATED = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)");
    private static final Pattern ASSIGNMENT = Pattern.compile("^([A-Z_][A-Z0-9_]*)=(.*)$");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** In an hour, from one client address (AccountLimits.REGISTER_PER_IP). */
    private static final int REGISTRATIONS_PER_ADDRESS = 10;

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    @Test
    void env_example_lists_every_variable_the_server_reads_with_its_default_and_nothing_else() throws IOException {
        Map<String, String> example = envExample();
        Set<String> composeOnly = new TreeSet<>(interpolatedByCompose());
        composeOnly.removeAll(ServerConfig.VARIABLES.keySet());

        Set<String> expected = new TreeSet<>(ServerConfig.VARIABLES.keySet());
        expected.addAll(composeOnly);
        assertThat(example.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        ServerConfig.VARIABLES.forEach((name, fallback) ->
                assertThat(example.get(name)).as(name).isEqualTo(fallback.startsWith("(") ? "" : fallback));
        assertThat(ServerConfig.from(example))
                .as(".env.example as it stands is the defaults")
                .isEqualTo(ServerConfig.from(Map.of()));
    }

    @Test
    void compose_runs_postgres_redis_the_server_and_nginx_and_hands_the_server_every_variable() throws IOException {
        JsonNode services = yaml("docker-compose.yml").path("services");

        assertThat(names(services)).containsExactlyInAnyOrder("db", "redis", "server", "nginx");
        assertThat(services.path("db").path("image").asText()).isEqualTo("postgres:15");
        assertThat(services.path("redis").path("image").asText()).startsWith("redis:7");
        Stream.of("db", "redis")
                .forEach(internal -> assertThat(services.path(internal).has("ports"))
                        .as(
                                "%s publishes no port: it would clash with the host's own, and be exposed in production",
                                internal)
                        .isFalse());
        JsonNode server = services.path("server");
        assertThat(server.path("build").asText()).isEqualTo(".");
        assertThat(REPOSITORY.resolve("Dockerfile")).isRegularFile();
        assertThat(server.has("ports"))
                .as("only nginx reaches the server, which is why it may trust X-Forwarded-For")
                .isFalse();
        assertThat(server.path("environment").path("TRUST_PROXY_HEADERS").asText())
                .isEqualTo("true");
        assertThat(names(server.path("environment")))
                .containsExactlyInAnyOrderElementsOf(ServerConfig.VARIABLES.keySet());
        assertThat(names(server.path("depends_on"))).containsExactlyInAnyOrder("db", "redis");
        JsonNode nginx = services.path("nginx");
        assertThat(nginx.path("volumes").get(0).asText()).startsWith("./deploy/nginx.conf:");
        assertThat(nginx.path("depends_on").path("server").path("condition").asText())
                .isEqualTo("service_healthy");
    }

    @Test
    void production_restarts_everything_and_requires_its_secrets() throws IOException {
        JsonNode services = yaml("docker-compose.prod.yml").path("services");

        assertThat(names(services)).containsExactlyInAnyOrder("db", "redis", "server", "nginx");
        services.forEach(service -> assertThat(service.path("restart").asText()).isEqualTo("unless-stopped"));
        JsonNode server = services.path("server").path("environment");
        assertThat(server.path("APP_ENV").asText()).isEqualTo("production");
        Stream.of("JWT_SECRET", "PUBLIC_URL")
                .forEach(secret -> assertThat(server.path(secret).asText()).startsWith("${" + secret + ":?"));
        assertThat(server.path("DATABASE_URL").asText()).contains("${POSTGRES_PASSWORD:?");
        Stream.of("db", "redis")
                .forEach(internal -> assertThat(services.path(internal).has("ports"))
                        .as(internal)
                        .isFalse());
    }

    @Test
    void postgres_and_redis_are_published_only_when_asked_and_then_on_loopback_only() throws IOException {
        JsonNode services = yaml("docker-compose.ports.yml").path("services");

        assertThat(names(services)).containsExactlyInAnyOrder("db", "redis");
        assertThat(services.path("db").path("ports").get(0).asText()).isEqualTo("127.0.0.1:5432:5432");
        assertThat(services.path("redis").path("ports").get(0).asText()).isEqualTo("127.0.0.1:6379:6379");
    }

    @Test
    void a_fork_on_github_gets_the_same_ci_on_java_17_with_nothing_to_set_up() throws IOException {
        JsonNode steps =
                yaml(".github/workflows/ci.yml").path("jobs").path("test").path("steps");

        List<String> runs = new ArrayList<>();
        steps.forEach(step -> runs.add(step.path("run").asText()));
        assertThat(runs).contains("bash .ci/run");
        assertThat(steps).anySatisfy(step -> {
            assertThat(step.path("uses").asText()).startsWith("actions/setup-java@");
            assertThat(step.path("with").path("java-version").asText()).isEqualTo("17");
        });
    }

    @Test
    void the_image_runs_as_an_unprivileged_user_and_checks_readiness_with_the_jar() throws IOException {
        List<String> runtimeStage = Files.readAllLines(REPOSITORY.resolve("Dockerfile")).stream()
                .dropWhile(line -> !line.startsWith("FROM eclipse-temurin:17-jre"))
                .toList();

        assertThat(runtimeStage).isNotEmpty();
        assertThat(runtimeStage).anySatisfy(line -> assertThat(line).matches("USER [1-9][0-9]*:[1-9][0-9]*"));
        assertThat(String.join("\n", runtimeStage)).contains("HEALTHCHECK", "\"/app/voiceappoint.jar\", \"health\"]");
    }

    @Test
    void docker_compose_accepts_the_files_and_refuses_production_without_its_secrets(@TempDir Path empty)
            throws Exception {
        List<String> compose = composeCli().orElse(null);
        assumeTrue(compose != null, "no docker compose or docker-compose installed");
        Path noVariables = Files.createFile(empty.resolve("empty.env"));

        assertThat(composeConfig(compose, noVariables, Map.of(), "docker-compose.yml")
                        .exitCode())
                .isZero();
        assertThat(composeConfig(compose, REPOSITORY.resolve(".env.example"), Map.of(), "docker-compose.yml")
                        .exitCode())
                .isZero();
        Finished withoutSecrets =
                composeConfig(compose, noVariables, Map.of(), "docker-compose.yml", "docker-compose.prod.yml");
        assertThat(withoutSecrets.exitCode()).isNotZero();
        assertThat(withoutSecrets.output()).containsAnyOf("POSTGRES_PASSWORD", "JWT_SECRET", "PUBLIC_URL");
        Finished withSecrets = composeConfig(
                compose,
                noVariables,
                Map.of(
                        "POSTGRES_PASSWORD", "a-database-password",
                        "JWT_SECRET", "a-production-secret-that-is-at-least-32-bytes",
                        "PUBLIC_URL", "https://voice.example.com"),
                "docker-compose.yml",
                "docker-compose.prod.yml");
        assertThat(withSecrets.exitCode()).as(withSecrets.output()).isZero();
        assertThat(withSecrets.output())
                .contains("APP_ENV: production", "postgresql://voiceappoint:a-database-password@db:5432/voiceappoint");
        Finished published =
                composeConfig(compose, noVariables, Map.of(), "docker-compose.yml", "docker-compose.ports.yml");
        assertThat(published.exitCode()).as(published.output()).isZero();
    }

    @Test
    void nginx_publishes_the_api_and_liveness_keeps_readiness_and_metrics_inside_and_names_the_client_itself(
            @TempDir Path prefix) throws Exception {
        Optional<Path> nginxBinary = Stream.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx")
                .map(Path::of)
                .filter(Files::isExecutable)
                .findFirst();
        assumeTrue(nginxBinary.isPresent(), "nginx is not installed");

        try (LiveApi api = LiveApi.start(postgres)) {
            int port = freePort();
            Path conf = prefix.resolve("nginx.conf");
            Files.writeString(conf, nginxConfFronting(api.port(), port, prefix));
            List<String> nginx = List.of(
                    nginxBinary.get().toString(),
                    "-p",
                    prefix.toString(),
                    "-c",
                    conf.toString(),
                    "-g",
                    "daemon off; pid " + prefix.resolve("nginx.pid") + ";");
            Finished syntax = Finished.run(with(nginx, "-t"), Map.of(), true);
            assertThat(syntax.exitCode()).as(syntax.output()).isZero();
            Process running =
                    new ProcessBuilder(nginx).redirectErrorStream(true).start();
            try {
                ApiClient proxied = new ApiClient(port);
                awaitAnswer(proxied);

                assertThat(proxied.at("/health/live").get().status()).isEqualTo(200);
                assertThat(proxied.at(Readiness.PATH).get().status())
                        .as("readiness is for the orchestrator inside the network")
                        .isEqualTo(404);
                assertThat(proxied.at("/api/v1/openapi.json").get().status()).isEqualTo(200);
                var landing = proxied.at("/").get();
                assertThat(landing.status()).as("the web app is published").isEqualTo(200);
                assertThat(landing.header("Content-Security-Policy")).isNotNull();
                assertThat(proxied.at("/health/other").get().status()).isEqualTo(404);
                assertThat(proxied.at(Monitoring.PATH)
                                .token(LiveApi.METRICS_TOKEN)
                                .get()
                                .status())
                        .as("metrics are for Prometheus inside the network")
                        .isEqualTo(404);

                var unnamed = proxied.at("/api/v1/auth/me/").get();
                assertThat(unnamed.status()).isEqualTo(401);
                assertThat(unnamed.body().path("request_id").asText())
                        .as("nginx's own request id reaches the answer")
                        .matches("[0-9a-f]{32}");
                var named = proxied.at("/api/v1/auth/me/")
                        .header("X-Request-Id", "from-the-dashboard")
                        .get();
                assertThat(named.body().path("request_id").asText()).isEqualTo("from-the-dashboard");

                var oversized =
                        proxied.at("/api/v1/auth/register").raw("POST", "x".repeat(3 << 20), "application/json");
                assertThat(oversized.status()).isEqualTo(413);
                // a long call's end-of-call report gets through to the webhook, which reads it as it arrives
                String report = "{\"message\": {\"type\": \"end-of-call-report\", \"call\": {\"id\": \"long\"}, "
                        + "\"artifact\": {\"logs\": \"" + "x".repeat(3 << 20) + "\"}}}";
                var forwarded = proxied.at("/api/v1/vapi/webhook")
                        .header("x-vapi-secret", LiveApi.VAPI_SECRET)
                        .raw("POST", report, "application/json");
                assertThat(forwarded.status()).as(forwarded.raw()).isEqualTo(200);

                // a member's event stream passes each event as it is written, not when a buffer fills
                World world = World.open(api, "Behind nginx");
                try (EventStreamReader stream =
                        EventStreamReader.open(port, world.id, world.owner.token(), Optional.empty())) {
                    String booked = world.freshAppointment(world.ownerProvider);
                    assertThat(stream.until(e -> e.data().contains(booked), Duration.ofSeconds(5)))
                            .isNotEmpty();
                }

                // Registrations are limited per client address; each claims another address, but nginx says who
                // the client is, so the limit still counts them as one.
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i <= REGISTRATIONS_PER_ADDRESS; i++) {
                    statuses.add(proxied.at("/api/v1/auth/register/")
                            .header("X-Forwarded-For", "198.51.100." + i)
                            .header("Forwarded", "for=192.0.2." + i)
                            .post(Map.of(
                                    "email",
                                    "through-nginx-" + i + "@example.com",
                                    "password",
                                    LiveApi.PASSWORD,
                                    "business_name",
                                    "Behind nginx " + i,
                                    "business_type",
                                    "salon",
                                    "timezone",
                                    "Europe/Madrid",
                                    "currency",
                                    "EUR"))
                            .status());
                }
                assertThat(statuses.subList(0, REGISTRATIONS_PER_ADDRESS)).containsOnly(201);
                assertThat(statuses.get(REGISTRATIONS_PER_ADDRESS)).isEqualTo(429);

                // the tokens of manage and password-reset links open someone's appointment or account: the access
                // log says which page was asked for, never the token
                String secret = "manage-token-that-must-not-be-logged";
                proxied.at("/manage/" + secret).get();
                proxied.at("/manage/" + secret + "/move").get();
                proxied.at("/password/reset/" + secret).get();
                proxied.at("/api/v1/public/appointments/" + secret).get();
                Path accessLog = prefix.resolve("access.log");
                String logged = awaitLogged(accessLog, "/api/v1/public/appointments/");
                assertThat(logged)
                        .doesNotContain(secret)
                        .contains("GET /manage/*** ", "GET /manage/***/move ", "GET /password/reset/*** ")
                        .contains("GET /api/v1/public/appointments/*** ");
            } finally {
                running.destroy();
                running.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** deploy/nginx.conf with the upstream, the listening address and the log files moved to this test's. */
    private static String nginxConfFronting(int serverPort, int nginxPort, Path prefix) throws IOException {
        String shipped = Files.readString(REPOSITORY.resolve("deploy/nginx.conf"));
        String local = shipped.replace("server server:8000;", "server 127.0.0.1:" + serverPort + ";")
                .replace("listen 80;", "listen 127.0.0.1:" + nginxPort + ";")
                .replace("/var/log/nginx/", prefix + "/");
        assertThat(local)
                .as("the shipped file still has the upstream, listen and log lines this test moves")
                .contains("127.0.0.1:" + serverPort, "listen 127.0.0.1:" + nginxPort, prefix + "/access.log");
        return local;
    }

    /** The access log once it holds {@code expected}: nginx writes a request's line after answering it. */
    private static String awaitLogged(Path accessLog, String expected) throws IOException, InterruptedException {
        String logged = "";
        for (int attempt = 0; attempt < 50 && !logged.contains(expected); attempt++) {
            Thread.sleep(100);
            logged = Files.exists(accessLog) ? Files.readString(accessLog) : "";
        }
        return logged;
    }

    private static void awaitAnswer(ApiClient proxied) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            try {
                proxied.at("/health/live").get();
                return;
            } catch (RuntimeException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("nginx did not answer");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Map<String, String> envExample() throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String line : Files.readAllLines(REPOSITORY.resolve(".env.example"))) {
            Matcher assignment = ASSIGNMENT.matcher(line);
            if (assignment.matches()) {
                assertThat(variables.put(assignment.group(1), assignment.group(2)))
                        .as("%s is listed once", assignment.group(1))
                        .isNull();
            }
        }
        return variables;
    }

    private static Set<String> interpolatedByCompose() throws IOException {
        Set<String> names = new TreeSet<>();
        for (String file : COMPOSE_FILES) {
            Matcher interpolation = INTERPOLATED.matcher(Files.readString(REPOSITORY.resolve(file)));
            while (interpolation.find()) {
                names.add(interpolation.group(1));
            }
        }
        return names;
    }

    private static JsonNode yaml(String file) throws IOException {
        return YAML.readTree(REPOSITORY.resolve(file).toFile());
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** {@code docker compose} (v2) when the Docker CLI has it, else {@code docker-compose} (v1). */
    private static Optional<List<String>> composeCli() {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            try {
                if (Finished.run(with(candidate, "version"), Map.of(), true).exitCode() == 0) {
                    return Optional.of(candidate);
                }
            } catch (IOException | InterruptedException notInstalled) {
                // try the next one
            }
        }
        return Optional.empty();
    }

    private static Finished composeConfig(
            List<String> compose, Path envFile, Map<String, String> environment, String... files)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(compose);
        command.addAll(List.of("--project-directory", REPOSITORY.toString(), "--env-file", envFile.toString()));
        for (String file : files) {
            command.addAll(List.of("-f", REPOSITORY.resolve(file).toString()));
        }
        command.add("config");
        return Finished.run(command, environment, true);
    }

    private static List<String> with(List<String> command, String argument) {
        List<String> extended = new ArrayList<>(command);
        extended.add(argument);
        return extended;
    }
}
