package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.contract.TestData;
import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.domain.business.BusinessId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zero-setup server keeps its data in a folder across restarts, migrated on each start. */
class EmbeddedPostgresServerTest {
    @Test
    void data_survives_a_restart(@TempDir Path dataDirectory) {
        BusinessId created;
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory);
                PostgresPersistence persistence =
                        PostgresPersistence.connect(server.url(), 2, new SimpleMeterRegistry())) {
            created =
                    TestData.tenant(persistence.ports(new FakePasswordHasher())).id();
        }

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDirectory);
                PostgresPersistence persistence =
                        PostgresPersistence.connect(server.url(), 2, new SimpleMeterRegistry())) {
            assertThat(persistence.businesses().findById(created)).isPresent();
        }
    }
}
