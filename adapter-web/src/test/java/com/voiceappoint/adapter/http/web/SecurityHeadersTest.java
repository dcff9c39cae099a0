package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.domain.shared.Language;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A form may lead the browser to Stripe's pages, and on a server told so to a stand-in's: nowhere else, and the
 * policy is otherwise the same.
 */
class SecurityHeadersTest {
    private static final String STAND_IN = "http://127.0.0.1:12111";

    @RegisterExtension
    static final WebServer WITH_STAND_IN =
            WebServer.withPaymentPages(List.of(URI.create(STAND_IN + "/v1/"), URI.create(STAND_IN)));

    @RegisterExtension
    static final WebServer PRODUCTION = new WebServer();

    @Test
    void in_production_forms_lead_to_our_pages_and_stripe_s_only() {
        assertThat(PRODUCTION.browser().get("/").header("Content-Security-Policy"))
                .contains(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY)
                .contains("; form-action 'self' https://checkout.stripe.com https://connect.stripe.com "
                        + "https://billing.stripe.com; ");
    }

    @Test
    void a_stand_in_for_stripe_is_added_to_where_forms_lead_and_nothing_else_changes() {
        String policy = WITH_STAND_IN
                .browser()
                .get("/")
                .header("Content-Security-Policy")
                .orElseThrow();

        assertThat(policy)
                .isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY.replace(
                        "https://billing.stripe.com;", "https://billing.stripe.com " + STAND_IN + ";"));
    }

    @Test
    void a_payment_page_is_kept_as_its_origin_whatever_address_on_it_is_given() {
        WebSettings settings = new WebSettings(
                false,
                Language.ES,
                Clock.systemUTC(),
                WebSettings.LOCAL_URL,
                List.of(
                        URI.create("HTTP://LocalHost:12111/v1/checkout?x=1#y"),
                        URI.create("https://stripe-proxy.example/")));

        assertThat(settings.paymentPages())
                .containsExactly(URI.create("http://localhost:12111"), URI.create("https://stripe-proxy.example"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "ftp://files.example", "/relative", "https://user@stripe.example"})
    void an_address_that_is_no_web_page_is_refused(String address) {
        assertThatThrownBy(() -> new WebSettings(
                        false, Language.ES, Clock.systemUTC(), WebSettings.LOCAL_URL, List.of(URI.create(address))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http or https address with a host");
    }
}
