package com.voiceappoint.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.voiceappoint.adapter.http.problem.Messages;
import com.voiceappoint.domain.shared.Language;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the web server refuses before any route runs (a request line, path or header it cannot read, one too long, an
 * expectation it does not meet), written as raw bytes no JDK client would send: each is answered like every other
 * refusal, a problem+json 4xx with a stable code in the caller's language, never a 5xx and never an HTML page.
 */
class RefusedBeforeAnyRouteTest {
    @RegisterExtension
    static final TestServer server = new TestServer();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE = "/api/v1/public/businesses/lola";
    private static final String HEADERS = "Host: localhost\r\nAccept-Language: en\r\nConnection: close\r\n";

    static Stream<Arguments> refused() {
        String post = "POST /api/v1/auth/token HTTP/1.1\r\n" + HEADERS + "Content-Type: application/json\r\n";
        return Stream.of(
                refused("a NUL in the path", get(PAGE + "%00"), 400, "MALFORMED_REQUEST"),
                refused(
                        "a NUL in the path of a PUT",
                        "PUT /api/v1/businesses/a%00b/hours HTTP/1.1\r\n" + HEADERS + "\r\n",
                        400,
                        "MALFORMED_REQUEST"),
                refused("0xFF in the path", get(PAGE + "%FF"), 400, "MALFORMED_REQUEST"),
                refused("half a surrogate pair in the path", get(PAGE + "%ED%A0%80"), 400, "MALFORMED_REQUEST"),
                refused("an overlong NUL in the path", get(PAGE + "%C0%80"), 400, "MALFORMED_REQUEST"),
                refused("a raw NUL in the path", get(PAGE + "\u0000"), 400, "MALFORMED_REQUEST"),
                refused(
                        "raw half a surrogate pair in the path",
                        get(PAGE + "\u00ED\u00A0\u0080"),
                        400,
                        "MALFORMED_REQUEST"),
                refused("a backslash in the path", get("/api/v1\\public/businesses/lola"), 400, "MALFORMED_REQUEST"),
                refused(
                        "a control character in a header",
                        "GET " + PAGE + " HTTP/1.1\r\n" + HEADERS + "X-Note: a\u0001b\r\n\r\n",
                        400,
                        "MALFORMED_REQUEST"),
                refused(
                        "a NUL in a header",
                        "GET " + PAGE + " HTTP/1.1\r\n" + HEADERS + "X-Note: a\u0000b\r\n\r\n",
                        400,
                        "MALFORMED_REQUEST"),
                refused(
                        "a Host that is no host",
                        "GET " + PAGE + " HTTP/1.1\r\nHost: [::1\r\nAccept-Language: en\r\nConnection: close\r\n\r\n",
                        400,
                        "MALFORMED_REQUEST"),
                refused(
                        "Content-Length with Transfer-Encoding",
                        post + "Content-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n",
                        400,
                        "MALFORMED_REQUEST"),
                refused("a negative Content-Length", post + "Content-Length: -1\r\n\r\n{}", 400, "MALFORMED_REQUEST"),
                refused(
                        "a folded header line",
                        "GET " + PAGE + " HTTP/1.1\r\n" + HEADERS + "X-Note: a\r\n b\r\n\r\n",
                        400,
                        "MALFORMED_REQUEST"),
                refused("HTTP/1.2", "GET " + PAGE + " HTTP/1.2\r\n" + HEADERS + "\r\n", 400, "MALFORMED_REQUEST"),
                refused("HTTP/0.9", "GET " + PAGE + " HTTP/0.9\r\n" + HEADERS + "\r\n", 400, "MALFORMED_REQUEST"),
                refused("no HTTP version", "GET " + PAGE + "\r\n" + HEADERS + "\r\n", 400, "MALFORMED_REQUEST"),
                refused("no request line at all", "\u0001\u0002 garbage\r\n\r\n", 400, "MALFORMED_REQUEST"),
                refused("a 20 kB path", get(PAGE + "a".repeat(20_000)), 414, "URI_TOO_LONG"),
                refused(
                        "a 20 kB header",
                        "GET " + PAGE + " HTTP/1.1\r\n" + HEADERS + "X-Note: " + "a".repeat(20_000) + "\r\n\r\n",
                        431,
                        "HEADERS_TOO_LARGE"),
                refused(
                        "an expectation other than 100-continue",
                        post + "Content-Length: 2\r\nExpect: 200-ok\r\n\r\n{}",
                        417,
                        "EXPECTATION_FAILED"));
    }

    private static Arguments refused(String what, String request, int status, String code) {
        return Arguments.of(what, request, status, code);
    }

    private static String get(String path) {
        return "GET " + path + " HTTP/1.1\r\n" + HEADERS + "\r\n";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void is_a_problem_with_a_stable_code_in_the_callers_language(String what, String request, int status, String code)
            throws Exception {
        RawHttp.Answer answer = send(request);

        assertThat(answer.status()).as(what).isEqualTo(status);
        assertThat(answer.headers().get("content-type")).as(what).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(answer.body());
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("type").asText()).startsWith("https://voiceappoint.com/problems/");
        assertThat(problem.path("request_id").asText())
                .isNotBlank()
                .isEqualTo(answer.headers().get("x-request-id"));
        Language language =
                Language.fromTag(answer.headers().get("content-language")).orElseThrow();
        assertThat(problem.path("title").asText()).isEqualTo(Messages.get(language, "problem." + code + ".title"));
        assertThat(problem.path("detail").asText()).isNotBlank();
    }

    @Test
    void a_refused_path_is_explained_in_the_language_its_headers_ask_for() throws Exception {
        // the server reads the headers before it decodes the path; a NUL stops it in the request line already
        for (String path : List.of(PAGE + "%FF", "/api/v1\\public")) {
            for (Language language : Language.values()) {
                RawHttp.Answer answer = send("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept-Language: "
                        + language.code() + "\r\nConnection: close\r\n\r\n");

                assertThat(answer.headers().get("content-language")).as(path).isEqualTo(language.code());
                assertThat(JSON.readTree(answer.body()).path("title").asText())
                        .isEqualTo(Messages.get(language, "problem.MALFORMED_REQUEST.title"));
            }
        }
    }

    @Test
    void a_request_line_that_cannot_be_read_is_explained_in_the_servers_language() throws Exception {
        RawHttp.Answer answer = send(get(PAGE + "%00"));

        // the test server's default language
        assertThat(answer.headers().get("content-language")).isEqualTo(Language.ES.code());
    }

    @Test
    void a_path_that_only_spells_an_escape_is_a_path_like_any_other() throws Exception {
        // decoded once by the server, %2500 is the text "%00", no NUL: the page is simply not there
        RawHttp.Answer answer = send(get(PAGE + "%2500"));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(JSON.readTree(answer.body()).path("code").asText()).isEqualTo("NOT_FOUND");
    }

    private static RawHttp.Answer send(String request) throws Exception {
        return RawHttp.Answer.of(RawHttp.exchange(server.port(), request.getBytes(StandardCharsets.ISO_8859_1)));
    }
}
