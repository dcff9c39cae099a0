package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.in.AppointmentDetails;
import com.voiceappoint.domain.appointment.BookingSource;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What keeps a member's pages theirs: no cache keeps them, a login that ends mid-form comes back to the form's page,
 * the CSRF token changes with whoever is signed in, and no link of a page leads to another site.
 */
class SignedInPagesTest {
    @RegisterExtension
    static final WebServer SERVER = new WebServer();

    private static final Instant TUESDAY_TEN = Instant.parse("2026-11-24T09:00:00Z");

    private static String next(Browser.Page page) {
        String location = page.header("Location").orElseThrow();
        assertThat(location).startsWith("/login?next=");
        return java.net.URLDecoder.decode(location.substring("/login?next=".length()), StandardCharsets.UTF_8);
    }

    @Test
    void pages_of_someone_signed_in_are_never_cached_and_public_ones_vary_by_language_and_login() {
        OpenSalon salon = OpenSalon.open(SERVER);
        Browser owner = salon.ownersBrowser();

        assertThat(owner.get(salon.at("")).header("Cache-Control")).contains("no-store");
        assertThat(owner.get("/account").header("Cache-Control")).contains("no-store");
        assertThat(owner.get("/").header("Cache-Control")).contains("no-store");
        assertThat(SERVER.browser().get(salon.at("calendar")).header("Cache-Control"))
                .as("the way to the login, too")
                .contains("no-store");

        Browser.Page landing = SERVER.browser().get("/");
        assertThat(landing.header("Cache-Control")).isEmpty();
        assertThat(landing.header("Vary"))
                .hasValueSatisfying(vary -> assertThat(vary).contains("Cookie", "Accept-Language"));
        assertThat(SERVER.browser().get("/" + salon.slug).header("Vary"))
                .hasValueSatisfying(vary -> assertThat(vary).contains("Cookie", "Accept-Language"));
    }

    @Test
    void a_login_that_ends_mid_form_comes_back_to_the_forms_page_not_to_its_target() {
        OpenSalon salon = OpenSalon.open(SERVER);
        AppointmentDetails booked = salon.book(TUESDAY_TEN, "Carmen", "+34600000901", BookingSource.DASHBOARD);
        String client = salon.at("clients/" + booked.client().id().value());
        Browser signedOut = SERVER.browser();
        signedOut.get("/login");

        assertThat(next(signedOut.get(salon.at("appointments?from=2026-11-24&status=booked"))))
                .isEqualTo(salon.at("appointments?from=2026-11-24&status=booked"));
        String origin = "http://127.0.0.1:" + SERVER.port();
        assertThat(next(signedOut.post(client, Map.of("name", "Carmen"), Map.of("Referer", origin + client + "?x=1"))))
                .as("the page the form was on")
                .isEqualTo(client + "?x=1");
        assertThat(next(signedOut.post(client, Map.of("name", "Carmen"))))
                .as("no Referer: the business's dashboard")
                .isEqualTo(salon.at(""));
        assertThat(next(signedOut.post(
                        client, Map.of("name", "Carmen"), Map.of("Referer", "https://evil.example" + client))))
                .isEqualTo(salon.at(""));
        assertThat(next(signedOut.post(
                        client, Map.of("name", "Carmen"), Map.of("Referer", origin + "//evil.example/x"))))
                .isEqualTo(salon.at(""));
        assertThat(next(signedOut.post("/account", Map.of("fullName", "Lola")))).isEqualTo(AccountPages.HOME);
    }

    @Test
    void signing_in_and_out_issues_a_new_csrf_token_which_the_next_page_carries() {
        String email = "csrf-" + UUID.randomUUID() + "@example.com";
        new TeamFixture(SERVER).shop(email, "Salón Fijo", "en");
        Browser browser = SERVER.browser();
        browser.get("/login");
        String planted = browser.cookie(Csrf.COOKIE).orElseThrow();

        Browser.Page in =
                browser.post("/login", Map.of("email", email, "password", TeamFixture.PASSWORD, "next", "/account"));
        assertThat(in.status()).isEqualTo(303);
        String issued = browser.cookie(Csrf.COOKIE).orElseThrow();
        assertThat(issued).isNotEqualTo(planted);
        assertThat(browser.get(in.header("Location").orElseThrow()).body())
                .contains("name=\"_csrf\" value=\"" + issued + "\"");

        Browser.Page out = browser.post("/logout", Map.of());
        assertThat(out.status()).isEqualTo(303);
        assertThat(browser.cookie(Csrf.COOKIE)).isPresent().get().isNotEqualTo(issued);
        assertThat(WebSessions.hostOnly(Csrf.COOKIE, true)).isEqualTo("__Host-va_csrf");
        assertThat(WebSessions.hostOnly(WebSessions.COOKIE, true)).isEqualTo("__Host-va_session");
        assertThat(WebSessions.hostOnly(WebSessions.COOKIE, false)).isEqualTo("va_session");
    }

    @Test
    void the_language_switch_of_any_address_stays_on_this_site() {
        Browser.Page page = SERVER.browser().get("//evil.example", Map.of("Accept-Language", "es"));

        assertThat(page.body()).doesNotContain("href=\"//evil.example").contains("href=\"/evil.example?lang=en\"");
    }

    @Test
    void a_phone_another_client_has_is_told_by_the_field_and_changes_nothing() {
        OpenSalon salon = OpenSalon.open(SERVER);
        salon.book(TUESDAY_TEN, "Carmen", "+34600000911", BookingSource.DASHBOARD);
        AppointmentDetails rosa =
                salon.book(TUESDAY_TEN.plusSeconds(3600), "Rosa", "+34600000912", BookingSource.DASHBOARD);
        String page = salon.at("clients/" + rosa.client().id().value());
        Browser owner = salon.ownersBrowser();
        owner.get(page);

        Browser.Page taken =
                owner.post(page, Map.of("name", "Rosa", "phone", "+34600000911", "email", "", "language", ""));
        assertThat(taken.status()).isEqualTo(400);
        assertThat(taken.body()).contains("Otro cliente tiene este teléfono", "id=\"client-phone-error\"");
        assertThat(SERVER.useCases()
                        .clients()
                        .get(salon.owner, rosa.client().id())
                        .client()
                        .phone())
                .hasValueSatisfying(phone -> assertThat(phone.value()).isEqualTo("+34600000912"));
    }
}
