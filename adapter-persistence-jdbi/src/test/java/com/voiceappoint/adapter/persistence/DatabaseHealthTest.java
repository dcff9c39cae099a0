package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.voiceappoint.adapter.persistence.PostgresPersistence.Health;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

/** What readiness probes and dashboards learn of the database: the schema's state and the pool's. */
class DatabaseHealthTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    @Test
    void a_migrated_database_is_ready_and_a_missing_migration_or_history_is_a_schema_behind() {
        PostgresPersistence database = postgres.persistence();
        assertThat(database.health()).isEqualTo(Health.READY);

        // as if a backup older than this build had been restored
        TestPostgres.execute(postgres.url(), "update flyway_schema_history set success = false where version = '9'");
        try {
            assertThat(database.health()).isEqualTo(Health.SCHEMA_BEHIND);
        } finally {
            TestPostgres.execute(postgres.url(), "update flyway_schema_history set success = true where version = '9'");
        }

        TestPostgres.execute(postgres.url(), "alter table flyway_schema_history rename to gone");
        try {
            assertThat(database.health()).isEqualTo(Health.SCHEMA_BEHIND);
        } finally {
            TestPostgres.execute(postgres.url(), "alter table gone rename to flyway_schema_history");
        }
    }

    @Test
    void a_start_on_an_up_to_date_schema_logs_the_version_it_is_at() {
        Logger log = (Logger) LoggerFactory.getLogger(PostgresPersistence.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        log.addAppender(logged);
        try {
            PostgresPersistence.connect(postgres.url(), 2, new SimpleMeterRegistry())
                    .close();
        } finally {
            log.detachAppender(logged);
        }

        assertThat(logged.list)
                .extracting(ILoggingEvent::getFormattedMessage)
                .filteredOn(message -> message.startsWith("database schema at version"))
                .singleElement()
                .asString()
                .matches("database schema at version \\d+ \\(0 migrations applied now\\)");
    }

    @Test
    void a_closed_pool_reports_the_database_unreachable() {
        PostgresPersistence closed = PostgresPersistence.connect(postgres.url(), 2, new SimpleMeterRegistry());
        closed.close();

        assertThat(closed.health()).isEqualTo(Health.UNREACHABLE);
    }

    @Test
    void the_pool_reports_its_connections() {
        postgres.persistence().health();

        assertThat(postgres.metrics().find("hikaricp.connections.max").gauge())
                .isNotNull()
                .satisfies(max -> assertThat(max.value()).isGreaterThanOrEqualTo(2));
        assertThat(postgres.metrics().find("hikaricp.connections.usage").timer())
                .isNotNull()
                .satisfies(usage -> assertThat(usage.count()).isPositive());
    }
}
