package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.adapter.http.ApiClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar, started the way the README says (java -jar, nothing configured but a port and a data folder),
 * answers HTTP with its embedded PostgreSQL and stops cleanly on SIGTERM.
 */
class RunnableJarIT {
    private static final Pattern READY = Pattern.compile("VoiceAppoint ready on http://[^:]+:(\\d+) in (\\d+) ms");

    @Test
    void the_jar_starts_serves_and_stops(@TempDir Path data) throws Exception {
        Path jar = Path.of(System.getProperty("voiceappoint.jar"));
        assertThat(jar).exists();
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString())
                .redirectErrorStream(true);
        builder.environment().remove("DATABASE_URL");
        builder.environment().putAll(Map.of("PORT", "0", "HOST", "127.0.0.1", "DATA_DIR", data.toString()));
        Process process = builder.start();
        try {
            int port = awaitReady(process, Duration.ofSeconds(90));

            ApiClient api = new ApiClient(port);
            assertThat(api.at("/health/live").get().status()).isEqualTo(200);
            var registered = api.at("/api/v1/auth/register/")
                    .post(Map.of(
                            "email", "jar@example.com",
                            "password", "s3cret-enough",
                            "business_name", "Jar Salon",
                            "business_type", "salon",
                            "timezone", "Europe/Madrid",
                            "currency", "EUR"));
            assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
            assertThat(Files.exists(data.resolve("postgres"))).isTrue();
        } finally {
            process.destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS))
                    .as("stops within 30 s of SIGTERM")
                    .isTrue();
        }
    }

    private static int awaitReady(Process process, Duration timeout) throws Exception {
        BufferedReader output =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> ready = CompletableFuture.supplyAsync(() -> {
            try {
                StringBuilder seen = new StringBuilder();
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    seen.append(line).append('\n');
                    Matcher matcher = READY.matcher(line);
                    if (matcher.find()) {
                        drain(output);
                        return Integer.parseInt(matcher.group(1));
                    }
                }
                throw new IllegalStateException("the server exited before it was ready:\n" + seen);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Instant deadline = Instant.now().plus(timeout);
        return ready.get(Duration.between(Instant.now(), deadline).toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Keeps reading the server's output so it never blocks on a full pipe. */
    private static void drain(BufferedReader output) {
        Thread drainer = new Thread(() -> {
            try {
                while (output.readLine() != null) {
                    // discard
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        });
        drainer.setDaemon(true);
        drainer.start();
    }
}
