package com.voiceappoint.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.adapter.persistence.DatabaseUrl;
import com.voiceappoint.adapter.persistence.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The examples run as a reader would run them, and end with the appointment moved to noon and cancelled. */
class ExamplesTest {
    private static final String ENDING = "Cut for Carmen with Lola at \\d{4}-\\d\\d-\\d\\dT12:00: CANCELLED\\R";

    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    @Test
    void the_in_memory_example_books_moves_and_cancels_an_appointment() {
        assertThat(printedBy(() -> InMemoryExample.main(new String[0]))).matches(ENDING);
    }

    @Test
    void the_postgres_example_does_the_same_on_postgresql() {
        String url = withCredentials(postgres.url());

        // the pool and the migrations log to the console too
        assertThat(printedBy(() -> PostgresExample.main(new String[] {url}))).containsPattern(ENDING);
        assertThat(postgres.count("select count(*) from appointments where status = 'cancelled'"))
                .isEqualTo(1);
    }

    /** The test database as one JDBC URL, user and password among its parameters, as a reader would pass it. */
    private static String withCredentials(DatabaseUrl url) {
        String separator = url.jdbcUrl().contains("?") ? "&" : "?";
        String user = "user=" + URLEncoder.encode(url.user(), StandardCharsets.UTF_8);
        String password =
                url.password() == null ? "" : "&password=" + URLEncoder.encode(url.password(), StandardCharsets.UTF_8);
        return url.jdbcUrl() + separator + user + password;
    }

    private static String printedBy(Runnable program) {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            program.run();
        } finally {
            System.setOut(console);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }
}
