package com.voiceappoint.adapter.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StripeSettingsTest {
    private static final String LIVE_KEY = "sk_live_51SecretThatMustNeverBePrinted";

    @Test
    void secrets_stay_out_of_what_is_printed() {
        StripeSettings settings = StripeSettings.of(LIVE_KEY)
                .withWebhookSecrets(Optional.of("whsec_platformSecretValue"), Optional.empty());

        assertThat(settings.toString())
                .doesNotContain(LIVE_KEY)
                .doesNotContain("whsec_platformSecretValue")
                .contains("live key")
                .contains("platform webhook signed")
                .contains("Connect webhook off");
        assertThat(settings.testMode()).isFalse();
        assertThat(StripeSettings.of("rk_test_51Restricted").testMode()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pk_test_51Publishable", "", "sk_test_", "whsec_abc", "sk_live_51abc def"})
    void a_key_that_cannot_act_for_the_platform_is_refused_without_repeating_it(String key) {
        assertThatThrownBy(() -> StripeSettings.of(key))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> {
                    // the message names the prefixes a key has; beyond them, nothing of the key is repeated
                    if (key.length() > "sk_test_".length()) {
                        assertThat(e.getMessage()).doesNotContain(key);
                    }
                });
    }

    @Test
    void a_base_that_is_no_http_url_and_a_blank_secret_are_refused() {
        StripeSettings settings = StripeSettings.of("sk_test_51abc");
        assertThatThrownBy(() -> settings.withApiBase(URI.create("ftp://stripe.example.com")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.withApiBase(URI.create("/v1"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> settings.withWebhookSecrets(Optional.of(" "), Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(settings.withApiBase(URI.create("http://127.0.0.1:12111")).apiBase())
                .contains(URI.create("http://127.0.0.1:12111"));
    }
}
