package com.voiceappoint.adapter.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain JDK HTTP client speaking to a server over a real socket, as a dashboard would. */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public ApiClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    public record Response(int status, Map<String, String> headers, String raw, JsonNode body) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public String contentType() {
            return header("content-type");
        }
    }

    /** A request being built: headers first, then the method. */
    public final class Call {
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();

        Call(String path) {
            this.path = path;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call token(String token) {
            return header("Authorization", "Bearer " + token);
        }

        public Response get() {
            return send("GET", HttpRequest.BodyPublishers.noBody());
        }

        public Response delete() {
            return send("DELETE", HttpRequest.BodyPublishers.noBody());
        }

        public Response post(Object body) {
            return send("POST", json(body));
        }

        public Response put(Object body) {
            return send("PUT", json(body));
        }

        public Response raw(String method, String body, String contentType) {
            if (contentType != null) {
                headers.put("Content-Type", contentType);
            }
            return send(
                    method,
                    body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        }

        private HttpRequest.BodyPublisher json(Object body) {
            headers.putIfAbsent("Content-Type", "application/json");
            try {
                String text = body instanceof String s ? s : JSON.writeValueAsString(body);
                return HttpRequest.BodyPublishers.ofString(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private Response send(String method, HttpRequest.BodyPublisher body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30))
                    .method(method, body);
            headers.forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                Map<String, String> responseHeaders = new LinkedHashMap<>();
                response.headers().map().forEach((k, v) -> responseHeaders.put(k.toLowerCase(), String.join(",", v)));
                String raw = response.body();
                boolean json = responseHeaders.getOrDefault("content-type", "").contains("json");
                JsonNode parsed = !json || raw == null || raw.isBlank() ? null : JSON.readTree(raw);
                return new Response(response.statusCode(), responseHeaders, raw, parsed);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public Call at(String path) {
        return new Call(path);
    }
}
