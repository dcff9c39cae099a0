package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.contract.TestData;
import com.voiceappoint.application.error.BookingRefusedException;
import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.fakes.PortSwap;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.RegisterAccountUseCase;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.usecase.Interactors;
import com.voiceappoint.domain.account.EmailAddress;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.account.UserId;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.business.Slug;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.client.PhoneNumber;
import com.voiceappoint.domain.schedule.OpeningWindow;
import com.voiceappoint.domain.schedule.WeeklyHours;
import com.voiceappoint.domain.shared.Language;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What only a real database can show: work inside a transaction commits or rolls back as a whole. */
class TransactionsTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T08:00:00Z"), ZoneOffset.UTC);
    private final OutboundPorts ports = postgres.persistence().ports(new FakePasswordHasher());

    @Test
    void repository_calls_inside_a_transaction_roll_back_together() {
        User user = new User(
                UserId.random(),
                new EmailAddress("rollback-" + Instant.now().toEpochMilli() + "@example.com"),
                "hash",
                "Roll Back",
                Language.ES,
                Instant.now());

        assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
                    ports.users().add(user);
                    assertThat(ports.users().findById(user.id()))
                            .as("visible inside")
                            .isPresent();
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        assertThat(ports.users().findById(user.id())).as("gone after rollback").isEmpty();
    }

    @Test
    void registration_is_all_or_nothing() {
        ProviderRepository failing = (ProviderRepository) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {ProviderRepository.class}, (proxy, method, args) -> {
                    if (method.getName().equals("add")) {
                        throw new IllegalStateException("provider store down");
                    }
                    return method.invoke(ports.providers(), args);
                });
        OutboundPorts broken = PortSwap.with(ports, ProviderRepository.class, failing);
        var command = new RegisterAccountUseCase.Command(
                "atomic@example.com", "s3cret-enough", "Ana", "es", "Atomic Studio", "studio", "Europe/Madrid", "EUR");

        assertThatThrownBy(() ->
                        Interactors.create(broken, CLOCK).registerAccount().register(command))
                .hasMessageContaining("provider store down");
        assertThat(ports.users().findByEmail(new EmailAddress("atomic@example.com")))
                .isEmpty();
        assertThat(ports.businesses().slugExists(new Slug("atomic-studio"))).isFalse();
    }

    @Test
    void a_refused_booking_leaves_no_new_client_behind() {
        var tenant = TestData.tenant(ports);
        ports.schedules()
                .replaceWeeklyHours(
                        tenant.id(),
                        WeeklyHours.sameOn(
                                Arrays.asList(DayOfWeek.values()), List.of(OpeningWindow.of("09:00", "13:00"))));
        Service cut = TestData.service(ports, tenant.id(), "Cut", 30);
        PhoneNumber newcomer = TestData.randomPhone();
        var outsideHours = new BookAppointmentUseCase.Command(
                Actor.member(tenant.owner().id()),
                tenant.id(),
                cut.id(),
                Instant.parse("2026-11-24T16:00:00Z"),
                Optional.empty(),
                new BookAppointmentUseCase.ClientDetails("New", Optional.of(newcomer.value()), Optional.empty()),
                "",
                BookingSource.DASHBOARD,
                Optional.empty());

        assertThatThrownBy(
                        () -> Interactors.create(ports, CLOCK).bookAppointment().book(outsideHours))
                .isInstanceOf(BookingRefusedException.class);
        assertThat(ports.clients().findByContact(tenant.id(), Optional.of(newcomer), Optional.empty()))
                .isEmpty();
    }
}
