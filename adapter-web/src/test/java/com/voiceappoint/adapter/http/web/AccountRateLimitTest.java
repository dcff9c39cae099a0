package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.adapter.http.ratelimit.AccountLimits;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The pages count their attempts in the REST API's own buckets, on the server's real in-process limiter. */
class AccountRateLimitTest {
    @RegisterExtension
    static final WebServer SERVER = WebServer.withRateLimits();

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static void registered(String email) {
        SERVER.useCases()
                .registerAccount()
                .register(RegisterAccountUseCase.Command.builder(email, "s3cret-enough")
                        .build());
    }

    private static int restLogin(String email, String password) throws IOException, InterruptedException {
        String body = "{\"email\": \"" + email + "\", \"password\": \"" + password + "\"}";
        return HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVER.port() + "/api/v1/auth/token"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static Browser.Page webLogin(Browser browser, String email, String password) {
        browser.get("/login?lang=en");
        return browser.post("/login", Map.of("email", email, "password", password));
    }

    @Test
    void logins_through_the_api_use_up_the_web_logins_of_the_account() throws Exception {
        registered("target@example.com");
        for (int i = 0; i < AccountLimits.LOGIN_PER_ACCOUNT.capacity(); i++) {
            assertThat(restLogin("target@example.com", "guess-guess")).isEqualTo(401);
        }
        Browser browser = SERVER.browser();

        Browser.Page limited = webLogin(browser, "Target@Example.com", "s3cret-enough");

        assertThat(limited.status()).isEqualTo(429);
        assertThat(Long.parseLong(limited.header("Retry-After").orElseThrow())).isPositive();
        assertThat(limited.body())
                .contains("<div class=\"form-error\" role=\"alert\">Too many attempts. Try again in")
                .contains("value=\"Target@Example.com\"");
        assertThat(browser.cookie(WebSessions.COOKIE))
                .as("not even the right password gets in")
                .isEmpty();
        assertThat(webLogin(SERVER.browser(), "bystander@example.com", "guess-guess")
                        .status())
                .as("another account is not affected")
                .isEqualTo(401);
    }

    @Test
    void logins_on_the_page_use_up_the_api_logins_of_the_account() throws Exception {
        registered("other-target@example.com");
        Browser browser = SERVER.browser();
        for (int i = 0; i < AccountLimits.LOGIN_PER_ACCOUNT.capacity(); i++) {
            assertThat(webLogin(browser, "other-target@example.com", "guess-guess")
                            .status())
                    .isEqualTo(401);
        }

        assertThat(restLogin("other-target@example.com", "s3cret-enough")).isEqualTo(429);
    }

    @Test
    void reset_links_asked_for_too_often_are_refused_with_retry_after() {
        Browser browser = SERVER.browser();
        for (int i = 0; i < AccountLimits.RESET_PER_ACCOUNT.capacity(); i++) {
            browser.get("/password/forgot?lang=en");
            assertThat(browser.post("/password/forgot", Map.of("email", "nobody@example.com"))
                            .status())
                    .isEqualTo(303);
        }
        browser.get("/password/forgot");

        Browser.Page limited = browser.post("/password/forgot", Map.of("email", "NOBODY@example.com"));

        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.header("Retry-After")).isPresent();
        assertThat(limited.body()).contains("Too many attempts.");
    }
}
