package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.usecase.Interactors;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.testkit.TestData;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Clients whose phones and e-mails overlap are resolved, never a failed booking (each case once gave a 500). */
class ClientResolutionTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static final Instant TEN = Instant.parse("2026-11-24T09:00:00Z");
    private final OutboundPorts ports = postgres.persistence().ports(new FakePasswordHasher());
    private final UseCases app =
            Interactors.create(ports, Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
    private TestData.Tenant tenant;
    private Service cut;
    private int hour;

    @BeforeEach
    void openForBusiness() {
        tenant = TestData.tenant(ports);
        TestData.openEveryDay(ports, tenant.id(), "00:00", "24:00");
        cut = TestData.service(ports, tenant.id(), "Cut", 30);
    }

    private BookAppointmentUseCase.Result book(String phone, String email) {
        return app.bookAppointment()
                .book(BookAppointmentUseCase.Command.builder(
                                Actor.member(tenant.owner().id()),
                                tenant.id(),
                                cut.id(),
                                TEN.plus(Duration.ofHours(hour++)),
                                new BookAppointmentUseCase.ClientDetails(
                                        "Someone", Optional.ofNullable(phone), Optional.ofNullable(email)),
                                BookingSource.API)
                        .build());
    }

    @Test
    void two_phones_sharing_an_email_are_two_clients() {
        var mother = book("+34600000001", "family@example.com");
        var son = book("+34600000002", "family@example.com");

        assertThat(son.details().client().id())
                .isNotEqualTo(mother.details().client().id());
        assertThat(son.details().client().email()).isEmpty();
    }

    @Test
    void a_known_phone_with_an_email_that_someone_else_has_keeps_its_client() {
        var byPhone = book("+34600000003", null);
        book(null, "someone@example.com");

        var both = book("+34600000003", "someone@example.com");

        assertThat(both.details().client().id())
                .isEqualTo(byPhone.details().client().id());
        assertThat(both.details().client().email()).isEmpty();
    }

    @Test
    void a_known_phone_without_an_email_gets_a_free_one() {
        var first = book("+34600000004", null);

        var again = book("+34600000004", "new-address@example.com");

        assertThat(again.details().client().id())
                .isEqualTo(first.details().client().id());
        assertThat(again.details().client().email())
                .hasValueSatisfying(e -> assertThat(e.value()).isEqualTo("new-address@example.com"));
    }
}
