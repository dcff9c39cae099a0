package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.domain.billing.Plan;
import com.voiceappoint.domain.billing.Plans;
import com.voiceappoint.domain.shared.Language;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
    @Test
    void an_empty_environment_gives_a_working_development_server() {
        ServerConfig config = ServerConfig.from(Map.of());

        assertThat(config.production()).isFalse();
        assertThat(config.port()).isEqualTo(8000);
        assertThat(config.databaseUrl()).isEmpty();
        assertThat(config.dataDirectory()).isEqualTo(Path.of(".voiceappoint"));
        assertThat(config.accessTokenLifetime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(config.defaultLanguage()).isEqualTo(Language.ES);
    }

    @Test
    void values_are_read_and_the_seeds_secret_key_name_is_accepted() {
        ServerConfig config = ServerConfig.from(Map.of(
                "APP_ENV", "production",
                "PORT", "9090",
                "DATABASE_URL", "postgresql://app@db:5432/voiceappoint",
                "DATABASE_LISTEN_URL", "postgresql://app@db-direct:5432/voiceappoint",
                "SECRET_KEY", "from-the-seed-env-file",
                "DEFAULT_LANGUAGE", "en"));

        assertThat(config.production()).isTrue();
        assertThat(config.port()).isEqualTo(9090);
        assertThat(config.databaseUrl()).contains("postgresql://app@db:5432/voiceappoint");
        assertThat(config.databaseListenUrl()).contains("postgresql://app@db-direct:5432/voiceappoint");
        assertThat(config.jwtSecret()).contains("from-the-seed-env-file");
        assertThat(config.defaultLanguage()).isEqualTo(Language.EN);
    }

    @Test
    void a_variable_set_blank_counts_as_unset_as_compose_passes_them() {
        Map<String, String> blank = new HashMap<>();
        ServerConfig.VARIABLES.keySet().forEach(name -> blank.put(name, " "));

        assertThat(ServerConfig.from(blank)).isEqualTo(ServerConfig.from(Map.of()));
    }

    @Test
    void nonsense_is_refused_with_the_variable_named() {
        assertThatThrownBy(() -> ServerConfig.from(Map.of("PORT", "eighty"))).hasMessageContaining("PORT");
        assertThatThrownBy(() -> ServerConfig.from(Map.of("PORT", "70000"))).hasMessageContaining("PORT");
        assertThatThrownBy(() -> ServerConfig.from(Map.of("APP_ENV", "staging")))
                .hasMessageContaining("APP_ENV");
        assertThatThrownBy(() -> ServerConfig.from(Map.of("DEFAULT_LANGUAGE", "fr")))
                .hasMessageContaining("DEFAULT_LANGUAGE");
    }

    @Test
    void operations_settings_are_read_and_a_log_format_typo_is_refused() {
        ServerConfig config = ServerConfig.from(Map.of(
                "LOG_FORMAT", "json", "METRICS_TOKEN", "scrape-me", "SENTRY_DSN", "https://key@sentry.example/7"));

        assertThat(config.jsonLogs()).isTrue();
        assertThat(config.metricsToken()).contains("scrape-me");
        assertThat(config.sentryDsn()).contains("https://key@sentry.example/7");
        assertThat(ServerConfig.from(Map.of()).jsonLogs()).isFalse();
        assertThatThrownBy(() -> ServerConfig.from(Map.of("LOG_FORMAT", "xml"))).hasMessageContaining("LOG_FORMAT");
    }

    @Test
    void the_variables_listed_are_exactly_the_ones_read() {
        Set<String> read = new TreeSet<>();
        Map<String, String> watched = new AbstractMap<>() {
            @Override
            public String get(Object name) {
                read.add((String) name);
                return null;
            }

            @Override
            public Set<Entry<String, String>> entrySet() {
                return Set.of();
            }
        };

        ServerConfig.from(watched);

        assertThat(read).containsExactlyInAnyOrderElementsOf(ServerConfig.VARIABLES.keySet());
    }

    @Test
    void production_without_a_secret_refuses_to_start_before_touching_anything(@TempDir Path data) {
        ServerConfig config = ServerConfig.from(Map.of("APP_ENV", "production", "DATA_DIR", data.toString()));

        assertThatThrownBy(() -> VoiceAppointServer.start(config, Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("JWT_SECRET");
        assertThat(data).isEmptyDirectory();
    }

    @Test
    void a_secret_shorter_than_32_bytes_is_refused() {
        ServerConfig config = ServerConfig.from(
                Map.of("JWT_SECRET", "too-short", "DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none"));

        assertThatThrownBy(() -> VoiceAppointServer.start(config, Clock.systemUTC()))
                .hasMessageContaining("32 bytes");
    }

    @Test
    void businesses_are_billed_only_with_stripe_and_a_price_and_every_one_starts_on_free() {
        assertThat(ServerConfig.from(Map.of()).billing().plans()).isEqualTo(Plans.UNLIMITED);
        assertThat(ServerConfig.from(Map.of("STRIPE_SECRET_KEY", "sk_test_51Key"))
                        .billing()
                        .plans())
                .isEqualTo(Plans.UNLIMITED);

        Plans plans = ServerConfig.from(Map.of("STRIPE_SECRET_KEY", "sk_test_51Key", "STRIPE_PRICE_PRO", "price_1Pro"))
                .billing()
                .plans();

        assertThat(plans.starting().code()).isEqualTo("free");
        assertThat(plans.starting().voiceBookingsPerMonth()).contains(30);
        assertThat(plans.all()).extracting(Plan::code).containsExactly("free", "starter", "pro");
        assertThat(plans.find("pro").orElseThrow().stripePrice()).contains("price_1Pro");
        assertThat(plans.find("pro").orElseThrow().capped()).isFalse();
        assertThat(plans.find("starter").orElseThrow().subscribable())
                .as("no Price given")
                .isFalse();
        assertThatThrownBy(() -> ServerConfig.from(Map.of("STRIPE_PRICE_PRO", "price_1Pro")))
                .hasMessageContaining("STRIPE_SECRET_KEY");
        assertThatThrownBy(() -> ServerConfig.from(
                        Map.of("STRIPE_SECRET_KEY", "sk_test_51Key", "STRIPE_PRICE_STARTER", "prod_123")))
                .hasMessageContaining("STRIPE_PRICE_STARTER");
        assertThatThrownBy(() -> ServerConfig.from(Map.of(
                        "STRIPE_SECRET_KEY", "sk_test_51Key",
                        "STRIPE_PRICE_STARTER", "price_same",
                        "STRIPE_PRICE_PRO", "price_same")))
                .hasMessageContaining("STRIPE_PRICE_PRO");
    }
}
