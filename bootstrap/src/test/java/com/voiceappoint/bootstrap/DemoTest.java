package com.voiceappoint.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.adapter.persistence.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code java -jar voiceappoint.jar demo} against a real PostgreSQL: a living business once, and only once. */
class DemoTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static final Map<String, String> COUNTS = countQueries();

    private static Map<String, String> countQueries() {
        Map<String, String> counts = new LinkedHashMap<>();
        counts.put("staff", "select count(*) from providers");
        counts.put("categories", "select count(*) from service_categories");
        counts.put("services", "select count(*) from services");
        counts.put("by voice", "select count(*) from appointments where source = 'voice'");
        counts.put("on the web", "select count(*) from appointments where source = 'web'");
        counts.put("by staff", "select count(*) from appointments where source = 'dashboard'");
        counts.put("done", "select count(*) from appointments where status = 'completed'");
        counts.put("no-shows", "select count(*) from appointments where status = 'no_show'");
        counts.put("cancelled", "select count(*) from appointments where status = 'cancelled'");
        counts.put("past", "select count(*) from appointments where starts_at < now() - interval '1 week'");
        counts.put("coming", "select count(*) from appointments where starts_at > now() + interval '1 day'");
        counts.put(
                "coming and booked",
                "select count(*) from appointments where starts_at > now() and status = 'confirmed'");
        counts.put("calls with a transcript", "select count(*) from voice_calls where transcript like 'AI: %'");
        counts.put("voice numbers", "select count(*) from voice_lines where kind = 'number'");
        counts.put("calls yet to come", "select count(*) from voice_calls where started_at > now()");
        counts.put("calls that booked", "select count(distinct call_id) from voice_call_appointments");
        return counts;
    }

    @Test
    void fills_the_database_with_a_month_of_a_salons_life_through_the_use_cases_and_only_once() throws Exception {
        Map<String, String> env = Map.of(
                "DATABASE_URL",
                EndToEndTest.jdbcUrlWithCredentials(postgres.url()),
                "JWT_SECRET",
                "a-demo-secret-that-is-at-least-32-bytes");
        ServerConfig config = ServerConfig.from(env);

        Run first = run(config);
        assertThat(first.code).as(first.errors).isZero();
        assertThat(first.output)
                .contains("The demo business is ready: " + Demo.BUSINESS)
                .contains(Demo.EMAIL)
                .contains(Demo.PASSWORD);
        Map<String, Long> made = counts();
        assertThat(made.get("staff")).isEqualTo(3);
        assertThat(made.get("categories")).isEqualTo(3);
        assertThat(made.get("services")).isEqualTo(6);
        assertThat(made.get("voice numbers")).isEqualTo(1);
        for (String some : new String[] {
            "by voice",
            "on the web",
            "by staff",
            "done",
            "no-shows",
            "cancelled",
            "past",
            "coming",
            "coming and booked",
            "calls with a transcript",
            "calls that booked"
        }) {
            assertThat(made.get(some)).as(some + " in " + made).isPositive();
        }
        assertThat(made.get("calls yet to come"))
                .as("nothing has happened in the future")
                .isZero();
        assertThat(made.get("by voice") + made.get("on the web") + made.get("by staff"))
                .as("a busy month")
                .isGreaterThan(200);

        Run again = run(config);
        assertThat(again.code).as(again.errors).isZero();
        assertThat(again.output).contains("already there").contains(Demo.EMAIL);
        assertThat(counts()).isEqualTo(made);
    }

    @Test
    void is_refused_in_production_where_its_known_password_would_be_a_door() {
        ServerConfig config = ServerConfig.from(Map.of(
                "APP_ENV", "production",
                "DATABASE_URL", EndToEndTest.jdbcUrlWithCredentials(postgres.url()),
                "JWT_SECRET", "a-demo-secret-that-is-at-least-32-bytes"));

        Run refused = run(config);

        assertThat(refused.code).isNotZero();
        assertThat(refused.errors).contains("APP_ENV=production");
    }

    private record Run(int code, String output, String errors) {}

    private static Run run(ServerConfig config) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Demo.run(
                config,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, Long> counts() throws SQLException {
        var database = postgres.url();
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                Statement statement = connection.createStatement()) {
            for (Map.Entry<String, String> count : COUNTS.entrySet()) {
                try (ResultSet rs = statement.executeQuery(count.getValue())) {
                    rs.next();
                    counts.put(count.getKey(), rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
