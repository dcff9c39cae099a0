package com.voiceappoint.bootstrap;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Asks a server on this host whether it is ready, as a container health check does. */
final class HealthProbe {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private HealthProbe() {}

    /** Prints the readiness answer (or why there is none) and says whether it was 200. */
    static boolean ready(int port) {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:%d%s".formatted(port, Readiness.PATH)))
                .timeout(TIMEOUT)
                .build();
        try {
            HttpResponse<String> response = HttpClient.newBuilder()
                    .connectTimeout(TIMEOUT)
                    .build()
                    .send(request, HttpResponse.BodyHandlers.ofString());
            System.out.println(response.statusCode() + " " + response.body());
            return response.statusCode() == 200;
        } catch (IOException e) {
            System.out.println("no answer on port " + port + ": " + e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
