package com.voiceappoint.adapter.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TwilioSettingsTest {
    private static final String SID = "AC0123456789abcdef0123456789abcdef";
    private static final String SERVICE = "MG0123456789abcdef0123456789abcdef";

    @Test
    void nothing_set_is_no_sms_provider() {
        assertThat(TwilioSettings.fromEnvironment(Map.of())).isEmpty();
        assertThat(TwilioSettings.fromEnvironment(Map.of("TWILIO_FROM", "  "))).isEmpty();
    }

    @Test
    void an_account_a_token_and_a_number_send_through_api_twilio_com() {
        TwilioSettings settings = TwilioSettings.fromEnvironment(
                        Map.of("TWILIO_ACCOUNT_SID", SID, "TWILIO_AUTH_TOKEN", "token", "TWILIO_FROM", "+34910000000"))
                .orElseThrow();

        assertThat(settings.accountSid()).isEqualTo(SID);
        assertThat(settings.sender()).isEqualTo(TwilioSettings.Sender.number("+34910000000"));
        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://api.twilio.com"));
        assertThat(settings.timeout()).isEqualTo(TwilioSettings.DEFAULT_TIMEOUT);
        assertThat(settings.toString()).doesNotContain("token");
    }

    @Test
    void a_messaging_service_and_another_base_url_are_taken() {
        TwilioSettings settings = TwilioSettings.fromEnvironment(Map.of(
                        "TWILIO_ACCOUNT_SID",
                        SID,
                        "TWILIO_AUTH_TOKEN",
                        "token",
                        "TWILIO_MESSAGING_SERVICE_SID",
                        SERVICE,
                        "TWILIO_BASE_URL",
                        "http://127.0.0.1:8089/"))
                .orElseThrow();

        assertThat(settings.sender()).isEqualTo(TwilioSettings.Sender.messagingService(SERVICE));
        assertThat(settings.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:8089"));
    }

    @Test
    void half_a_configuration_is_an_error_naming_what_is_missing() {
        Map<String, String> complete =
                Map.of("TWILIO_ACCOUNT_SID", SID, "TWILIO_AUTH_TOKEN", "token", "TWILIO_FROM", "+34910000000");

        assertThatThrownBy(() -> TwilioSettings.fromEnvironment(without(complete, "TWILIO_ACCOUNT_SID")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TWILIO_ACCOUNT_SID is required");
        assertThatThrownBy(() -> TwilioSettings.fromEnvironment(without(complete, "TWILIO_AUTH_TOKEN")))
                .hasMessageContaining("TWILIO_AUTH_TOKEN is required");
        assertThatThrownBy(() -> TwilioSettings.fromEnvironment(without(complete, "TWILIO_FROM")))
                .hasMessageContaining("TWILIO_FROM (a number like +34600123456) or TWILIO_MESSAGING_SERVICE_SID");
        assertThatThrownBy(
                        () -> TwilioSettings.fromEnvironment(with(complete, "TWILIO_MESSAGING_SERVICE_SID", SERVICE)))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> TwilioSettings.fromEnvironment(with(complete, "TWILIO_ACCOUNT_SID", "SK123")))
                .hasMessageContaining("AC followed by 32 hexadecimal digits");
        assertThatThrownBy(() -> TwilioSettings.fromEnvironment(with(complete, "TWILIO_BASE_URL", "api.twilio.com")))
                .hasMessageContaining("TWILIO_BASE_URL is a URL");
    }

    private static Map<String, String> without(Map<String, String> env, String name) {
        Map<String, String> copy = new HashMap<>(env);
        copy.remove(name);
        return copy;
    }

    private static Map<String, String> with(Map<String, String> env, String name, String value) {
        Map<String, String> copy = new HashMap<>(env);
        copy.put(name, value);
        return copy;
    }
}
