package com.voiceappoint.adapter.http.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What every page has: its language, its security headers, its error pages, its cached assets. */
class WebBasicsTest {
    @RegisterExtension
    static final WebServer SERVER = new WebServer();

    @Test
    void the_landing_page_speaks_the_browsers_language_and_switches_on_request() {
        Browser browser = SERVER.browser();

        Browser.Page english = browser.get("/", Map.of("Accept-Language", "en-GB,en;q=0.9"));
        assertThat(english.status()).isEqualTo(200);
        assertThat(english.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(english.body())
                .contains("<html lang=\"en\">", "Your phone books appointments", "href=\"/register\"");

        Browser.Page spanish = browser.get("/?lang=es", Map.of("Accept-Language", "en"));
        assertThat(spanish.body()).contains("<html lang=\"es\">", "Tu teléfono reserva citas");
        assertThat(browser.get("/", Map.of("Accept-Language", "en")).body())
                .as("the choice is kept")
                .contains("<html lang=\"es\">");
    }

    @Test
    void every_page_forbids_framing_inline_scripts_and_sniffing() {
        Browser.Page page = SERVER.browser().get("/");

        assertThat(page.header("Content-Security-Policy"))
                .hasValueSatisfying(csp -> assertThat(csp)
                        .contains("script-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                        .doesNotContain("unsafe-inline", "unsafe-eval"));
        assertThat(page.header("X-Frame-Options")).contains("DENY");
        assertThat(page.header("X-Content-Type-Options")).contains("nosniff");
        assertThat(page.body())
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>")
                .doesNotContain(" style=\"", "onclick=");
    }

    @Test
    void an_unknown_page_is_a_page_and_the_api_still_answers_problems() {
        Browser browser = SERVER.browser();

        Browser.Page page = browser.get("/no/such/page", Map.of("Accept-Language", "en"));
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("We could not find that page.");

        Browser.Page api = browser.get("/api/v1/no-such-route");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void assets_are_served_under_their_hash_for_a_year_and_htmx_from_its_webjar() {
        Browser browser = SERVER.browser();
        String landing = browser.get("/").body();

        Matcher css =
                Pattern.compile("href=\"(/assets/app\\.[0-9a-f]{10}\\.css)\"").matcher(landing);
        assertThat(css.find()).isTrue();
        Browser.Page stylesheet = browser.get(css.group(1));
        assertThat(stylesheet.status()).isEqualTo(200);
        assertThat(stylesheet.header("Cache-Control")).contains("public, max-age=31536000, immutable");
        assertThat(stylesheet.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/css"));

        Matcher htmx = Pattern.compile("src=\"(/webjars/htmx\\.org/[0-9.]+/dist/htmx\\.min\\.js)\"")
                .matcher(landing);
        assertThat(htmx.find()).isTrue();
        assertThat(browser.get(htmx.group(1)).status()).isEqualTo(200);
        assertThat(browser.get("/assets/app.0000000000.css").status()).isEqualTo(404);
    }

    @Test
    void a_page_gives_the_browser_a_csrf_cookie_that_only_it_can_read() {
        Browser browser = SERVER.browser();
        Browser.Page page = browser.get("/");

        assertThat(page.header("Set-Cookie"))
                .hasValueSatisfying(cookie -> assertThat(cookie).contains("va_csrf=", "HttpOnly", "SameSite=Lax"));
        assertThat(page.body())
                .contains("hx-headers=\"{&#34;X-CSRF-Token&#34;: &#34;"
                        + browser.cookie("va_csrf").orElseThrow());
    }

    /**
     * Areas append their rules to one stylesheet and merges join them: a block left open swallows every rule after
     * it without a word from any browser (a lost brace once put all phone styles behind a desktop-only query).
     */
    @Test
    void the_stylesheet_closes_every_block_it_opens() throws java.io.IOException {
        String css;
        try (var in = WebBasicsTest.class.getResourceAsStream("/web/assets/app.css")) {
            css = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String code = css.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("\"[^\"]*\"", "\"\"");
        int depth = 0;
        int line = 1;
        for (char c : code.toCharArray()) {
            line += c == '\n' ? 1 : 0;
            depth += c == '{' ? 1 : c == '}' ? -1 : 0;
            assertThat(depth)
                    .as("blocks open at line %d (comments removed)", line)
                    .isNotNegative();
        }
        assertThat(depth).as("blocks left open at the end of app.css").isZero();
    }
}
