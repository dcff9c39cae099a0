package com.voiceappoint.adapter.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.adapter.notifications.SmtpSettings.Tls;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SmtpSettingsTest {
    private static final String FROM = "citas@voiceappoint.example";

    @Test
    void nothing_set_is_no_mail_server_and_no_channel() {
        assertThat(SmtpSettings.fromEnvironment(Map.of())).isEmpty();
        assertThat(SmtpSettings.fromEnvironment(Map.of("SMTP_URL", " ", "SMTP_HOST", "")))
                .isEmpty();
        assertThat(SmtpEmailSender.fromEnvironment(Map.of())).isEmpty();
    }

    @Test
    void an_smtp_url_is_starttls_on_587_with_its_user_and_percent_decoded_password() {
        SmtpSettings settings =
                parse(Map.of("SMTP_URL", "smtp://apikey:SG.a%2Fb%40c%3Ad@smtp.sendgrid.net", "MAIL_FROM", FROM));

        assertThat(settings.host()).isEqualTo("smtp.sendgrid.net");
        assertThat(settings.port()).isEqualTo(587);
        assertThat(settings.tls()).isEqualTo(Tls.STARTTLS);
        assertThat(settings.username()).contains("apikey");
        assertThat(settings.password()).contains("SG.a/b@c:d");
        assertThat(settings.from().getAddress()).isEqualTo(FROM);
        assertThat(settings.timeout()).isEqualTo(SmtpSettings.DEFAULT_TIMEOUT);
    }

    @Test
    void smtps_is_tls_from_the_first_byte_on_465() {
        SmtpSettings settings =
                parse(Map.of("SMTP_URL", "smtps://user:pw@email-smtp.eu-west-1.amazonaws.com", "MAIL_FROM", FROM));

        assertThat(settings.tls()).isEqualTo(Tls.TLS);
        assertThat(settings.port()).isEqualTo(465);
    }

    @Test
    void tls_none_is_asked_for_by_name_and_needs_no_user() {
        SmtpSettings settings = parse(Map.of("SMTP_URL", "smtp://localhost:2525?tls=none", "MAIL_FROM", FROM));

        assertThat(settings.tls()).isEqualTo(Tls.NONE);
        assertThat(settings.port()).isEqualTo(2525);
        assertThat(settings.username()).isEmpty();
        assertThat(settings.password()).isEmpty();
    }

    @Test
    void the_parts_one_variable_each_default_to_starttls_on_587() {
        SmtpSettings settings = parse(Map.of(
                "SMTP_HOST", "smtp.postmarkapp.com",
                "SMTP_USERNAME", "token",
                "SMTP_PASSWORD", "token",
                "MAIL_FROM", "Citas <" + FROM + ">"));

        assertThat(settings.host()).isEqualTo("smtp.postmarkapp.com");
        assertThat(settings.port()).isEqualTo(587);
        assertThat(settings.tls()).isEqualTo(Tls.STARTTLS);
        assertThat(settings.from().getAddress()).isEqualTo(FROM);
        assertThat(settings.from().getPersonal()).isNull();

        assertThat(parse(Map.of("SMTP_HOST", "mail", "SMTP_TLS", "TLS", "MAIL_FROM", FROM))
                        .port())
                .isEqualTo(465);
        assertThat(parse(Map.of("SMTP_HOST", "mail", "SMTP_TLS", "none", "SMTP_PORT", "1025", "MAIL_FROM", FROM)))
                .extracting(SmtpSettings::tls, SmtpSettings::port)
                .containsExactly(Tls.NONE, 1025);
    }

    @Test
    void mail_from_is_required_once_smtp_is_set() {
        assertThatThrownBy(() -> SmtpSettings.fromEnvironment(Map.of("SMTP_HOST", "mail")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MAIL_FROM is required");
        assertThatThrownBy(() -> SmtpSettings.fromEnvironment(Map.of("SMTP_HOST", "mail", "MAIL_FROM", "citas")))
                .hasMessageContaining("MAIL_FROM is an e-mail address");
    }

    @Test
    void half_a_configuration_is_an_error_naming_what_is_missing_never_silence() {
        assertThatThrownBy(() -> SmtpSettings.fromEnvironment(Map.of("MAIL_FROM", FROM)))
                .hasMessageContaining("MAIL_FROM is set but neither SMTP_URL nor SMTP_HOST is");
        assertThatThrownBy(() -> SmtpSettings.fromEnvironment(
                        Map.of("SMTP_URL", "smtp://mail", "SMTP_HOST", "mail", "MAIL_FROM", FROM)))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> SmtpSettings.fromEnvironment(
                        Map.of("SMTP_HOST", "mail", "SMTP_USERNAME", "u", "MAIL_FROM", FROM)))
                .hasMessageContaining("SMTP_USERNAME and SMTP_PASSWORD");
        assertThatThrownBy(() ->
                        SmtpSettings.fromEnvironment(Map.of("SMTP_HOST", "mail", "SMTP_TLS", "ssl", "MAIL_FROM", FROM)))
                .hasMessageContaining("SMTP_TLS is none, starttls or tls, not ssl");
        assertThatThrownBy(() -> SmtpSettings.fromEnvironment(
                        Map.of("SMTP_HOST", "mail", "SMTP_PORT", "smtp", "MAIL_FROM", FROM)))
                .hasMessageContaining("SMTP_PORT is a port number");
        assertThatThrownBy(() -> SmtpSettings.fromEnvironment(Map.of("SMTP_URL", "http://mail", "MAIL_FROM", FROM)))
                .hasMessageContaining("smtp:// or smtps://");
        assertThatThrownBy(() -> SmtpSettings.fromEnvironment(
                        Map.of("SMTP_URL", "smtp://mail?starttls=true", "MAIL_FROM", FROM)))
                .hasMessageContaining("?tls=none");
        assertThatThrownBy(() ->
                        SmtpSettings.fromEnvironment(Map.of("SMTP_URL", "smtps://mail?tls=none", "MAIL_FROM", FROM)))
                .hasMessageContaining("smtps:// is TLS from the first byte");
    }

    @Test
    void a_password_never_shows_in_an_error_or_in_the_settings_printed() {
        String password = "hunter2 with spaces";
        assertThatThrownBy(() -> SmtpSettings.fromEnvironment(
                        Map.of("SMTP_URL", "smtp://user:" + password + "@mail", "MAIL_FROM", FROM)))
                .isInstanceOf(IllegalArgumentException.class)
                .message()
                .doesNotContain("hunter2");

        SmtpSettings settings = parse(Map.of("SMTP_URL", "smtp://user:hunter2@mail", "MAIL_FROM", FROM));
        assertThat(settings.toString()).doesNotContain("hunter2").contains("mail:587");
    }

    @Test
    void the_channel_is_built_from_the_same_variables() {
        assertThat(SmtpEmailSender.fromEnvironment(Map.of("SMTP_URL", "smtp://localhost?tls=none", "MAIL_FROM", FROM)))
                .get()
                .isInstanceOf(SmtpEmailSender.class);
    }

    private static SmtpSettings parse(Map<String, String> env) {
        return SmtpSettings.fromEnvironment(env).orElseThrow();
    }
}
