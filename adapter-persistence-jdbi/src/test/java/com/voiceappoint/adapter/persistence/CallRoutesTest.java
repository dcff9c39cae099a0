package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.domain.voice.VoiceCall;
import com.voiceappoint.testkit.TestData;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every tool call and status update of a call we put through (or placed) asks which business it is for; the answer
 * never changes once written, so PostgreSQL is asked once per call, not once per message.
 */
class CallRoutesTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private final AtomicInteger routeReads = new AtomicInteger();

    /** The call log on a connection of its own, counting the reads of call routes. */
    private JdbiCallLogRepository counted() {
        DatabaseUrl url = postgres.url();
        Jdbi jdbi = Jdbi.create(() -> DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password()));
        jdbi.getConfig(SqlStatements.class).setSqlLogger(new SqlLogger() {
            @Override
            public void logBeforeExecution(StatementContext context) {
                if (context.getRawSql().startsWith("select business_id from voice_call_routes")) {
                    routeReads.incrementAndGet();
                }
            }
        });
        return new JdbiCallLogRepository(jdbi);
    }

    @Test
    void a_call_s_business_is_read_once_and_a_call_not_yet_put_through_is_asked_about_again() {
        OutboundPorts ports = postgres.persistence().ports(new FakePasswordHasher());
        var tenant = TestData.tenant(ports);
        JdbiCallLogRepository calls = counted();
        Instant at = Instant.parse("2026-11-23T08:00:00Z");

        assertThat(calls.putThroughTo("call-placed")).isEmpty();
        calls.putThrough(VoiceCall.started(
                tenant.id(),
                "call-placed",
                Optional.of("outboundPhoneCall"),
                Optional.of("queued"),
                Optional.of("+34600111222"),
                Optional.empty(),
                at));
        for (int message = 0; message < 5; message++) {
            assertThat(calls.putThroughTo("call-placed")).contains(tenant.id());
        }

        assertThat(routeReads).as("once before it was put through, once after").hasValue(2);
    }
}
