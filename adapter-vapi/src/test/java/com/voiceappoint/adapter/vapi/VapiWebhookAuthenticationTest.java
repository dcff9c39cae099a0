package com.voiceappoint.adapter.vapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.adapter.inmemory.InMemoryAdapters;
import com.voiceappoint.application.port.out.AllowanceStore;
import com.voiceappoint.application.usecase.Interactors;
import com.voiceappoint.domain.shared.Language;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Who may call the webhook: checked on the raw bytes, before anything is parsed; any failure is a 401. */
class VapiWebhookAuthenticationTest {
    private static final String BODY = "{\"message\":{\"type\":\"status-update\",\"status\":\"ringing\",\"call\":{}}}";
    private static final String HMAC_KEY = "an-hmac-key";
    private static final Clock CLOCK = Clock.fixed(VoiceDesk.NOW, ZoneOffset.UTC);

    private static VapiWebhook webhook(VapiSettings settings) {
        return VoiceDesk.webhook(
                Interactors.create(InMemoryAdapters.create(), CLOCK),
                settings,
                AllowanceStore.UNLIMITED,
                CLOCK,
                new SimpleMeterRegistry());
    }

    private static final VapiWebhook SECRET_ONLY = webhook(VapiSettings.withSecret(VoiceDesk.SECRET, Language.ES));
    private static final VapiWebhook HMAC_ONLY = webhook(new VapiSettings(
            Optional.empty(),
            "authorization",
            Optional.of(HMAC_KEY),
            "x-signature",
            "x-timestamp",
            Duration.ofMinutes(5),
            Optional.empty(),
            Language.ES));

    private static int status(VapiWebhook webhook, Map<String, String> headers) {
        return webhook.handle(BODY.getBytes(StandardCharsets.UTF_8), VoiceDesk.header(headers))
                .status();
    }

    private static String sign(String timestamp, String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HMAC_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void the_shared_secret_is_accepted_as_x_vapi_secret_or_as_a_bearer_credential() {
        assertThat(status(SECRET_ONLY, Map.of("x-vapi-secret", VoiceDesk.SECRET)))
                .isEqualTo(200);
        assertThat(status(SECRET_ONLY, Map.of("authorization", "Bearer " + VoiceDesk.SECRET)))
                .isEqualTo(200);
        assertThat(status(SECRET_ONLY, Map.of("authorization", VoiceDesk.SECRET)))
                .isEqualTo(200);
    }

    @Test
    void a_missing_empty_or_wrong_secret_is_refused() {
        assertThat(status(SECRET_ONLY, Map.of())).isEqualTo(401);
        // Vapi sends an empty x-vapi-secret when none is set: present proves nothing
        assertThat(status(SECRET_ONLY, Map.of("x-vapi-secret", ""))).isEqualTo(401);
        assertThat(status(SECRET_ONLY, Map.of("x-vapi-secret", VoiceDesk.SECRET + "x")))
                .isEqualTo(401);
        assertThat(status(SECRET_ONLY, Map.of("authorization", "Bearer "))).isEqualTo(401);
        assertThat(status(SECRET_ONLY, Map.of("x-vapi-secret", VoiceDesk.SECRET.substring(1))))
                .isEqualTo(401);
    }

    @Test
    void with_no_secret_configured_nothing_gets_in() {
        VapiWebhook open = webhook(new VapiSettings(
                Optional.empty(),
                "authorization",
                Optional.empty(),
                "x-signature",
                "x-timestamp",
                Duration.ofMinutes(5),
                Optional.empty(),
                Language.ES));

        assertThat(status(open, Map.of())).isEqualTo(401);
        assertThat(status(open, Map.of("x-vapi-secret", ""))).isEqualTo(401);
    }

    @Test
    void a_fresh_hmac_signature_of_the_raw_body_is_accepted_in_seconds_or_milliseconds() throws Exception {
        String seconds = Long.toString(VoiceDesk.NOW.getEpochSecond());
        String millis = Long.toString(VoiceDesk.NOW.toEpochMilli() - 1_000);

        assertThat(status(HMAC_ONLY, Map.of("x-timestamp", seconds, "x-signature", sign(seconds, BODY))))
                .isEqualTo(200);
        assertThat(status(HMAC_ONLY, Map.of("x-timestamp", millis, "x-signature", sign(millis, BODY))))
                .isEqualTo(200);
    }

    @Test
    void a_stale_tampered_or_missing_signature_is_refused() throws Exception {
        String stale = Long.toString(VoiceDesk.NOW.minus(Duration.ofMinutes(6)).getEpochSecond());
        String now = Long.toString(VoiceDesk.NOW.getEpochSecond());

        assertThat(status(HMAC_ONLY, Map.of("x-timestamp", stale, "x-signature", sign(stale, BODY))))
                .as("replayed after the window")
                .isEqualTo(401);
        assertThat(status(HMAC_ONLY, Map.of("x-timestamp", now, "x-signature", sign(now, BODY + " "))))
                .as("signed another body")
                .isEqualTo(401);
        assertThat(status(HMAC_ONLY, Map.of("x-timestamp", now, "x-signature", sign(stale, BODY))))
                .as("signature of another timestamp")
                .isEqualTo(401);
        assertThat(status(HMAC_ONLY, Map.of("x-timestamp", now))).isEqualTo(401);
        assertThat(status(HMAC_ONLY, Map.of("x-timestamp", now, "x-signature", "not-hex")))
                .isEqualTo(401);
        assertThat(status(HMAC_ONLY, Map.of("x-timestamp", "yesterday", "x-signature", sign("yesterday", BODY))))
                .isEqualTo(401);
        assertThat(status(HMAC_ONLY, Map.of("x-vapi-secret", HMAC_KEY)))
                .as("the HMAC key is no shared secret")
                .isEqualTo(401);
    }

    @Test
    void an_absurd_timestamp_is_refused_not_a_crash() throws Exception {
        for (String timestamp : List.of("-100000000000000000", "9223372036854775807", "-9223372036854775808")) {
            assertThat(status(HMAC_ONLY, Map.of("x-timestamp", timestamp, "x-signature", sign(timestamp, BODY))))
                    .as(timestamp)
                    .isEqualTo(401);
        }
    }
}
