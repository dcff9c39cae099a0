package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.contract.TestData;
import com.voiceappoint.application.error.BookingRefusedException;
import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.port.in.Actor;
import com.voiceappoint.application.port.in.BookAppointmentUseCase;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.usecase.Interactors;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.availability.RefusalReason;
import com.voiceappoint.domain.catalog.Service;
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
            var command = new BookAppointmentUseCase.Command(
                    Actor.member(tenant.owner().id()),
                    tenant.id(),
                    cut.id(),
                    SLOT,
                    Optional.of(tenant.provider().id()),
                    new BookAppointmentUseCase.ClientDetails(
                            "Client " + i, Optional.of("+3460000%04d".formatted(i)), Optional.empty()),
                    "",
                    BookingSource.API,
                    Optional.empty());
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
}
