package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.StoreUnavailableException;
import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.testkit.TestData;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A provider's diary lock is ours alone: it lives in PostgreSQL's two-int advisory key space under its purpose
 * number, where a single-bigint lock (Flyway's, any tool's) cannot hold a booking up.
 */
class ProviderDiaryLockTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private final OutboundPorts ports = postgres.persistence().ports(new FakePasswordHasher());

    private Appointment appointment() {
        var tenant = TestData.tenant(ports);
        Service cut = TestData.service(ports, tenant.id(), "Corte", 30);
        return TestData.appointment(
                cut,
                tenant.provider().id(),
                TestData.client(ports, tenant.id()).id(),
                Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS));
    }

    @Test
    void a_single_key_advisory_lock_elsewhere_does_not_hold_up_a_booking() throws Exception {
        Appointment appointment = appointment();
        UUID provider = appointment.providerId().value();
        // the key the diary was once locked by, in the key space Flyway's migration lock shares
        try (Connection other = connection();
                PreparedStatement lock = other.prepareStatement("select pg_advisory_xact_lock(?)")) {
            other.setAutoCommit(false);
            lock.setLong(1, provider.getMostSignificantBits() ^ provider.getLeastSignificantBits());
            lock.execute();

            ports.appointments().add(appointment, Optional.empty());

            other.rollback();
        }
        assertThat(ports.appointments().findById(List.of(appointment.businessId()), appointment.id()))
                .isPresent();
    }

    @Test
    void the_diary_lock_is_its_purpose_and_the_providers_key_in_the_two_key_space() throws Exception {
        Appointment appointment = appointment();
        try (Connection other = connection();
                PreparedStatement lock = other.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
            other.setAutoCommit(false);
            lock.setInt(1, AdvisoryLocks.PROVIDER_DIARY);
            lock.setInt(2, AdvisoryLocks.providerKey(appointment.providerId()));
            lock.execute();

            assertThatThrownBy(() -> ports.appointments().add(appointment, Optional.empty()))
                    .as("held up behind the diary's lock until the pool's lock timeout")
                    .isInstanceOf(StoreUnavailableException.class);

            other.rollback();
        }
        ports.appointments().add(appointment, Optional.empty());
        assertThat(ports.appointments().findById(List.of(appointment.businessId()), appointment.id()))
                .isPresent();
    }

    private static Connection connection() throws Exception {
        DatabaseUrl url = postgres.url();
        return DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
    }
}
