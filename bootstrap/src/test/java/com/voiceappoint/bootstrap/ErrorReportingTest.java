package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** With SENTRY_DSN set, an error logged reaches Sentry (here a local server standing in for it) with its request. */
class ErrorReportingTest {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorReportingTest.class);

    private final List<String> envelopes = new CopyOnWriteArrayList<>();
    private HttpServer sentry;

    @BeforeEach
    void standInForSentry() throws IOException {
        sentry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sentry.createContext("/api/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            boolean gzipped =
                    "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
            try (InputStream in =
                    gzipped ? new GZIPInputStream(new ByteArrayInputStream(body)) : new ByteArrayInputStream(body)) {
                envelopes.add(exchange.getRequestURI().getPath() + "\n"
                        + new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        sentry.start();
    }

    @AfterEach
    void stop() {
        sentry.stop(0);
    }

    @Test
    void an_error_logged_is_sent_with_its_request_id_and_the_lines_before_it_as_breadcrumbs() {
        String dsn = "http://public-key@127.0.0.1:" + sentry.getAddress().getPort() + "/42";
        try (ErrorReporting reporting = ErrorReporting.start(Optional.of(dsn), "test")) {
            MDC.put("request_id", "trace-to-sentry");
            try {
                LOG.warn("the database is slow today");
                LOG.error("booking failed unexpectedly", new IllegalStateException("the pool is gone"));
            } finally {
                MDC.remove("request_id");
            }
        } // closing flushes what is queued

        // one event: the warning rides along as a breadcrumb, it is no event of its own
        assertThat(envelopes).singleElement().satisfies(envelope -> {
            assertThat(envelope).startsWith("/api/42/envelope/");
            assertThat(envelope)
                    .contains("booking failed unexpectedly", "the pool is gone", "trace-to-sentry", "\"test\"")
                    .contains("the database is slow today");
        });
    }

    @Test
    void without_a_dsn_nothing_is_reported() {
        try (ErrorReporting reporting = ErrorReporting.start(Optional.empty(), "test")) {
            LOG.error("only in the logs");
        }

        assertThat(envelopes).isEmpty();
    }
}
