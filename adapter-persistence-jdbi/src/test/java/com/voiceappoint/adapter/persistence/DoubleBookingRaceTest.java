package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.BookingRefusedException;
import com.voiceappoint.application.error.SlotAlreadyTakenException;
import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.usecase.Interactors;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.availability.RefusalReason;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.testkit.TestData;
import java.time.Clock;
import java.time.Instant;
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
 * Fifty clients ask for the same slot at the same moment, through the real booking use case and a real
 * PostgreSQL: exactly one appointment exists afterwards, and every other client is told the slot is taken.
 */
class DoubleBookingRaceTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static final int CLIENTS = 50;
    private static final Instant SLOT = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void fifty_concurrent_bookings_of_one_slot_make_exactly_one_appointment() throws Exception {
        OutboundPorts ports = postgres.persistence().ports(new FakePasswordHasher());
        UseCases app = Interactors.create(ports, Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC));
        var tenant = TestData.tenant(ports);
        TestData.openEveryDay(ports, tenant.id(), "09:00", "18:00");
        Service cut = TestData.service(ports, tenant.id(), "Cut", 30);

        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Boolean>> outcomes = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            var command = BookAppointmentUseCase.Command.builder(
                            Actor.member(tenant.owner().id()),
                            tenant.id(),
                            cut.id(),
                            SLOT,
                            new BookAppointmentUseCase.ClientDetails(
                                    "Client " + i, Optional.of("+3460000%04d".formatted(i)), Optional.empty()),
                            BookingSource.API)
                    .provider(Optional.of(tenant.provider().id()))
                    .build();
            outcomes.add(pool.submit(() -> {
                go.await();
                try {
                    return !app.bookAppointment().book(command).replayed();
                } catch (BookingRefusedException e) {
                    assertThat(e.reason()).isEqualTo(RefusalReason.SLOT_TAKEN);
                    assertThat(e.alternatives()).isNotEmpty();
                    return false;
                }
            }));
        }
        go.countDown();
        int booked = 0;
        for (Future<Boolean> outcome : outcomes) {
            booked += outcome.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        pool.shutdown();

        assertThat(booked).isEqualTo(1);
        assertThat(postgres.count(
                        "select count(*) from appointments where business_id = ? and status = 'confirmed'",
                        tenant.id().value()))
                .isEqualTo(1);
    }

    /**
     * A booking writes its time and then rolls back (its call link failed, say) while two others wait behind it for
     * the same time. Had they written their rows too, each would find the other's, still uncommitted, once the first
     * was gone, and wait for it: a circle only PostgreSQL's deadlock detector breaks, a second later, by failing one.
     */
    @Test
    void writes_waiting_behind_a_booking_that_rolls_back_settle_without_a_deadlock() throws Exception {
        PostgresPersistence persistence = postgres.persistence();
        OutboundPorts ports = persistence.ports(new FakePasswordHasher());
        var tenant = TestData.tenant(ports);
        Service cut = TestData.service(ports, tenant.id(), "Cut", 30);
        AppointmentRepository appointments = ports.appointments();
        ProviderId provider = tenant.provider().id();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch giveUp = new CountDownLatch(1);
            Future<?> first = pool.submit(() -> ports.transactions().inTransaction(() -> {
                appointments.add(
                        TestData.appointment(
                                cut,
                                provider,
                                TestData.client(ports, tenant.id()).id(),
                                SLOT),
                        Optional.empty());
                written.countDown();
                await(giveUp);
                throw new IllegalStateException("the call link failed");
            }));
            written.await(60, TimeUnit.SECONDS);
            List<Future<Boolean>> behind = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                var client = TestData.client(ports, tenant.id()).id();
                behind.add(pool.submit(() -> {
                    try {
                        appointments.add(TestData.appointment(cut, provider, client, SLOT), Optional.empty());
                        return true;
                    } catch (SlotAlreadyTakenException taken) {
                        return false;
                    }
                }));
                awaitWaiting(i + 1, behind);
            }
            giveUp.countDown();

            assertThatThrownBy(() -> first.get(60, TimeUnit.SECONDS)).hasRootCauseMessage("the call link failed");
            List<Boolean> outcomes = new ArrayList<>();
            for (Future<Boolean> write : behind) {
                outcomes.add(write.get(60, TimeUnit.SECONDS));
            }
            assertThat(outcomes).containsExactlyInAnyOrder(true, false);
        } finally {
            pool.shutdownNow();
        }
        assertThat(postgres.count(
                        "select count(*) from appointments where business_id = ? and status = 'confirmed'",
                        tenant.id().value()))
                .isEqualTo(1);
    }

    /** Until this many sessions of the test's database wait for a lock, or a write did not wait at all. */
    private static void awaitWaiting(int sessions, List<Future<Boolean>> writes) throws InterruptedException {
        while (writes.stream().noneMatch(Future::isDone)
                && postgres.count("select count(*) from pg_stat_activity where datname = current_database() "
                                + "and wait_event_type = 'Lock'")
                        < sessions) {
            Thread.sleep(20);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
