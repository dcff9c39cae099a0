package com.voiceappoint.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.error.SlotAlreadyTakenException;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.shared.TimeRange;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every transaction runner must do for the stores beside it: a failed transaction leaves nothing behind in any
 * of them, and transactions racing for one provider's time leave one appointment, however they interleave.
 */
public abstract class TransactionsContract<T extends TransactionRunner, A extends AppointmentRepository> {
    private static final Instant TEN = Instant.parse("2026-12-01T09:00:00Z");
    private static final int RACERS = 8;

    protected T transactions;
    protected A appointments;
    protected TestData data;

    /**
     * The runner and the appointment store under test, made anew before each test, and the {@link TestData} that
     * writes the rest into the same database, through the same runner.
     */
    protected abstract T createTransactionRunner();

    protected abstract A createAppointmentRepository();

    protected abstract TestData testData();

    @BeforeEach
    void setUpPorts() {
        transactions = createTransactionRunner();
        appointments = createAppointmentRepository();
        data = testData();
    }

    /** What the failing transaction wrote before it failed, to look for afterwards. */
    private record Written(TestData.Tenant tenant, Service cut, Client client, Appointment appointment) {}

    @Test
    void a_failed_transaction_leaves_nothing_behind_in_any_store() {
        AtomicReference<Written> written = new AtomicReference<>();

        assertThatThrownBy(() -> transactions.inTransaction(() -> {
                    TestData.Tenant tenant = data.tenant();
                    Service cut = data.service(tenant.id(), "Cut", 30);
                    Client client = data.client(tenant.id());
                    Appointment appointment =
                            TestData.appointment(cut, tenant.provider().id(), client.id(), TEN);
                    appointments.add(appointment, Optional.empty());
                    written.set(new Written(tenant, cut, client, appointment));
                    throw new IllegalStateException("refused after writing");
                }))
                .hasMessage("refused after writing");

        TestData.Tenant tenant = written.get().tenant();
        assertThat(data.users().findById(tenant.owner().id())).isEmpty();
        assertThat(data.businesses().findById(tenant.id())).isEmpty();
        assertThat(data.businesses().slugExists(tenant.business().slug())).isFalse();
        assertThat(data.memberships().findByUser(tenant.owner().id())).isEmpty();
        assertThat(data.providers().findById(tenant.id(), tenant.provider().id()))
                .isEmpty();
        assertThat(data.services().findById(tenant.id(), written.get().cut().id()))
                .isEmpty();
        assertThat(data.clients().findById(tenant.id(), written.get().client().id()))
                .isEmpty();
        assertThat(appointments.findById(
                        List.of(tenant.id()), written.get().appointment().id()))
                .isEmpty();
    }

    @Test
    void a_committed_transaction_keeps_everything_it_wrote() {
        TestData.Tenant tenant = transactions.inTransaction(() -> data.tenant());
        Client client = transactions.inTransaction(() -> data.client(tenant.id()));

        assertThat(data.businesses().findById(tenant.id())).contains(tenant.business());
        assertThat(data.clients().findById(tenant.id(), client.id())).contains(client);
    }

    @Test
    void transactions_racing_for_one_slot_leave_exactly_one_appointment() throws Exception {
        TestData.Tenant tenant = data.tenant();
        Service cut = data.service(tenant.id(), "Cut", 30);
        List<Client> clients = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            clients.add(data.client(tenant.id()));
        }
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> outcomes = new ArrayList<>();
            for (Client client : clients) {
                Appointment mine = TestData.appointment(cut, tenant.provider().id(), client.id(), TEN);
                outcomes.add(pool.submit(() -> {
                    go.await();
                    return bookIfFree(mine);
                }));
            }
            go.countDown();
            int booked = 0;
            for (Future<Boolean> outcome : outcomes) {
                booked += outcome.get(60, TimeUnit.SECONDS) ? 1 : 0;
            }

            assertThat(booked).isEqualTo(1);
            assertThat(appointments.findBusy(tenant.id(), new TimeRange(TEN, TEN.plus(Duration.ofHours(1)))))
                    .hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** What a booking does: looks at the diary, and writes when the time looks free; the store has the last word. */
    private boolean bookIfFree(Appointment appointment) {
        try {
            return transactions.inTransaction(() -> {
                if (!appointments
                        .findBusy(appointment.businessId(), appointment.blocked())
                        .isEmpty()) {
                    return false;
                }
                appointments.add(appointment, Optional.empty());
                return true;
            });
        } catch (SlotAlreadyTakenException e) {
            return false;
        }
    }
}
