package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.testkit.TestData;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/** An embedder's own data source, instead of the pool the server opens on a URL. */
class EmbedderDataSourceTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static PGSimpleDataSource dataSource(DatabaseUrl url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(url.jdbcUrl());
        dataSource.setUser(url.user());
        dataSource.setPassword(url.password());
        return dataSource;
    }

    @Test
    void an_empty_database_gets_the_schema_through_it_and_it_stays_open_after_close() throws SQLException {
        DatabaseUrl server = TestPostgres.server();
        String name = "va_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        TestPostgres.execute(server, "create database " + name);
        try {
            PGSimpleDataSource dataSource = dataSource(server.withDatabase(name));
            BusinessId created;
            try (PostgresPersistence persistence = PostgresPersistence.using(dataSource)) {
                assertThat(persistence.health()).isEqualTo(PostgresPersistence.Health.READY);
                assertThat(persistence.servesConfigurationFromMemory())
                        .as("nothing would tell it of a change")
                        .isFalse();
                created = TestData.tenant(persistence.ports(new FakePasswordHasher()))
                        .business()
                        .id();
            }

            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement =
                            connection.prepareStatement("select count(*) from businesses where id = ?")) {
                statement.setObject(1, created.value());
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    assertThat(rs.getLong(1)).isEqualTo(1);
                }
            }
        } finally {
            TestPostgres.execute(server, "drop database if exists " + name + " with (force)");
        }
    }

    @Test
    void with_a_data_source_to_listen_on_configuration_is_served_from_memory() throws InterruptedException {
        PGSimpleDataSource dataSource = dataSource(postgres.url());
        try (PostgresPersistence persistence = PostgresPersistence.using(dataSource, dataSource)) {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!persistence.servesConfigurationFromMemory() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }

            assertThat(persistence.servesConfigurationFromMemory()).isTrue();
            assertThat(persistence.health()).isEqualTo(PostgresPersistence.Health.READY);
        }
    }
}
