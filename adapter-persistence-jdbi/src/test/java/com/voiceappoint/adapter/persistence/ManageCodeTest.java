package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.testkit.TestData;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An appointment's manage code is written once: every later view of the manage page only reads it. */
class ManageCodeTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private final OutboundPorts ports = postgres.persistence().ports(new FakePasswordHasher());

    @Test
    void asking_again_for_a_code_already_given_out_writes_nothing() {
        var tenant = TestData.tenant(ports);
        Service cut = TestData.service(ports, tenant.id(), "Corte", 30);
        Appointment appointment = TestData.appointment(
                cut,
                tenant.provider().id(),
                TestData.client(ports, tenant.id()).id(),
                Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS));
        ports.appointments().add(appointment, Optional.empty());

        String first = ports.appointments()
                .issueManageCode(tenant.id(), appointment.id(), "111111")
                .orElseThrow();
        long version = rowVersion(appointment);
        String again = ports.appointments()
                .issueManageCode(tenant.id(), appointment.id(), "222222")
                .orElseThrow();

        assertThat(again).isEqualTo(first).isEqualTo("111111");
        assertThat(rowVersion(appointment))
                .as("no new version of the row: nothing was written")
                .isEqualTo(version);
    }

    /** The transaction that wrote the row's current version: any update, even one changing nothing, makes a new one. */
    private static long rowVersion(Appointment appointment) {
        return postgres.count(
                "select xmin::text::bigint from appointments where id = ?",
                appointment.id().value());
    }
}
