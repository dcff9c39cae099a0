package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.adapter.http.ApiClient;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With nothing configured, the server brings its own PostgreSQL, and what it stored is there after a restart. */
class EmbeddedDefaultTest {
    @Test
    void data_and_tokens_survive_a_restart(@TempDir Path data) {
        Map<String, String> env = Map.of("PORT", "0", "HOST", "127.0.0.1", "DATA_DIR", data.toString());
        String token;
        try (VoiceAppointServer server = VoiceAppointServer.start(ServerConfig.from(env), Clock.systemUTC())) {
            ApiClient api = new ApiClient(server.port());
            var registered = api.at("/api/v1/auth/register")
                    .post(Map.of(
                            "email", "restart@example.com",
                            "password", "s3cret-enough",
                            "business_name", "Restart Studio",
                            "business_type", "studio",
                            "timezone", "America/New_York",
                            "currency", "USD"));
            assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
            token = api.at("/api/v1/auth/token")
                    .post(Map.of("email", "restart@example.com", "password", "s3cret-enough"))
                    .body()
                    .get("access")
                    .asText();
        }

        try (VoiceAppointServer server = VoiceAppointServer.start(ServerConfig.from(env), Clock.systemUTC())) {
            var me = new ApiClient(server.port())
                    .at("/api/v1/auth/me")
                    .token(token)
                    .get();

            assertThat(me.status()).as(me.raw()).isEqualTo(200);
            assertThat(me.body()
                            .get("memberships")
                            .get(0)
                            .get("business")
                            .get("slug")
                            .asText())
                    .isEqualTo("restart-studio");
        }
    }
}
