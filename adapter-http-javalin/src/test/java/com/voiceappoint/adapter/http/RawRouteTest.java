package com.voiceappoint.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Another adapter's route on the server: its answers go out as given, and a 503 says when to come back. */
class RawRouteTest {
    private static final Clock CLOCK = Clock.fixed(TestServer.NOW, ZoneOffset.UTC);

    @Test
    void a_busy_answer_from_another_adapter_carries_retry_after() throws Exception {
        RawRoute busy = new RawRoute(
                "POST", List.of("/busy"), 1024, (body, header) -> RawRoute.Reply.json(503, "{\"error\":\"busy\"}"));
        RawRoute fine = new RawRoute(
                "POST", List.of("/fine"), 1024, (body, header) -> RawRoute.Reply.json(200, "{\"ok\":true}"));
        try (HttpServer server = HttpServer.start(
                TestServer.api(InMemoryAdapters.create(), CLOCK),
                TestServer.settings(CLOCK),
                "127.0.0.1",
                0,
                (limit, key) -> Optional.empty(),
                List.of(busy, fine))) {
            HttpResponse<String> refused = post(server, "/busy");
            HttpResponse<String> answered = post(server, "/fine");

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(refused.body()).isEqualTo("{\"error\":\"busy\"}");
            assertThat(answered.statusCode()).isEqualTo(200);
            assertThat(answered.headers().firstValue("Retry-After")).isEmpty();
        }
    }

    private static HttpResponse<String> post(HttpServer server, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json")
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
