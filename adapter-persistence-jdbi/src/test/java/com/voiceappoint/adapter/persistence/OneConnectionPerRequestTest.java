package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.BookingRefusedException;
import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.FindAvailableSlotsQuery;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.usecase.Interactors;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.availability.RefusalReason;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.testkit.TestData;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A request holds at most one pooled connection at a time: one that asked for a second while holding the first (a
 * read that does not join the transaction, say) would, under load, wait for connections held by requests waiting
 * just like it, until the pool gave up on all of them. Here every connection but one is taken, and the requests a
 * phone call or a dashboard makes still finish, with businesses not yet in memory.
 */
class OneConnectionPerRequestTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final LocalDate DAY = LocalDate.parse("2026-11-24");

    @Test
    void availability_and_bookings_finish_with_a_single_free_connection() throws Exception {
        OutboundPorts ports = postgres.persistence().ports(new FakePasswordHasher());
        UseCases app = Interactors.create(ports, Clock.fixed(NOW, ZoneOffset.UTC));
        var tenant = TestData.tenant(ports);
        TestData.openEveryDay(ports, tenant.id(), "09:00", "18:00");
        Service cut = TestData.service(ports, tenant.id(), "Cut", 30);
        Actor owner = Actor.member(tenant.owner().id());

        ExecutorService holders = Executors.newFixedThreadPool(TestPostgres.POOL_SIZE - 1);
        CountDownLatch held = new CountDownLatch(TestPostgres.POOL_SIZE - 1);
        CountDownLatch release = new CountDownLatch(1);
        List<Future<?>> holding = new ArrayList<>();
        try {
            for (int i = 0; i < TestPostgres.POOL_SIZE - 1; i++) {
                holding.add(holders.submit(() -> ports.transactions().inTransaction(() -> {
                    held.countDown();
                    try {
                        return release.await(120, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                })));
            }
            held.await(60, TimeUnit.SECONDS);

            var slots = app.findAvailableSlots()
                    .find(new FindAvailableSlotsQuery.Query(owner, tenant.id(), cut.id(), DAY, DAY, Optional.empty()));
            assertThat(slots.slots()).isNotEmpty();
            Instant start = slots.slots().get(0).start();

            var booked = app.bookAppointment().book(booking(owner, tenant, cut, start, "+34600000001", "first"));
            var replayed = app.bookAppointment().book(booking(owner, tenant, cut, start, "+34600000001", "first"));
            assertThat(replayed.replayed()).isTrue();
            assertThat(replayed.details().appointment().id())
                    .isEqualTo(booked.details().appointment().id());

            assertThatThrownBy(() ->
                            app.bookAppointment().book(booking(owner, tenant, cut, start, "+34600000002", "second")))
                    .isInstanceOfSatisfying(BookingRefusedException.class, refused -> {
                        assertThat(refused.reason()).isEqualTo(RefusalReason.SLOT_TAKEN);
                        assertThat(refused.alternatives()).isNotEmpty();
                    });

            Actor caller = new Actor.Caller(BookingSource.VOICE, Optional.of("call-with-one-connection"));
            var byPhone = app.bookAppointment()
                    .book(booking(caller, tenant, cut, start.plusSeconds(3600), "+34600000003", "by-phone"));
            assertThat(byPhone.replayed()).isFalse();
        } finally {
            release.countDown();
            for (Future<?> holder : holding) {
                holder.get(60, TimeUnit.SECONDS);
            }
            holders.shutdown();
        }
    }

    private static BookAppointmentUseCase.Command booking(
            Actor actor, TestData.Tenant tenant, Service service, Instant start, String phone, String key) {
        return BookAppointmentUseCase.Command.builder(
                        actor,
                        tenant.id(),
                        service.id(),
                        start,
                        new BookAppointmentUseCase.ClientDetails(
                                "Client " + phone, Optional.of(phone), Optional.empty()),
                        BookingSource.API)
                .provider(Optional.of(tenant.provider().id()))
                .idempotencyKey(Optional.of(key))
                .build();
    }
}
