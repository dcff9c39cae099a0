package com.voiceappoint.adapter.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.domain.account.User;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.testkit.TestData;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What the in-memory runner adds to the contracts: how transactions nest, and that one waits for another. */
class InMemoryTransactionRunnerTest {
    private final OutboundPorts ports = InMemoryAdapters.create();
    private final TestData.Tenant tenant = TestData.tenant(ports);

    @Test
    void a_failed_transaction_puts_back_what_it_changed_and_removes_what_it_added() {
        User renamed = new User(
                tenant.owner().id(),
                tenant.owner().email(),
                tenant.owner().passwordHash(),
                "Someone Else",
                tenant.owner().language(),
                tenant.owner().createdAt());

        assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
                    ports.users().update(renamed);
                    ports.businesses().softDelete(tenant.id(), tenant.owner().createdAt());
                    TestData.client(ports, tenant.id());
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");

        assertThat(ports.users().findById(tenant.owner().id())).contains(tenant.owner());
        assertThat(ports.businesses().findById(tenant.id())).contains(tenant.business());
        assertThat(ports.businesses().slugExists(tenant.business().slug())).isTrue();
        assertThat(ports.clients().search(tenant.id(), Optional.empty(), Optional.empty(), 10))
                .isEmpty();
    }

    @Test
    void an_inner_transaction_that_fails_undoes_only_its_own_writes_when_the_outer_one_goes_on() {
        Client kept = ports.transactions().inTransaction(() -> {
            Client first = TestData.client(ports, tenant.id());
            try {
                ports.transactions().inTransaction(() -> {
                    TestData.client(ports, tenant.id());
                    throw new IllegalStateException("inner");
                });
            } catch (IllegalStateException expected) {
                // the outer transaction carries on without the inner one's client
            }
            return first;
        });

        assertThat(ports.clients().search(tenant.id(), Optional.empty(), Optional.empty(), 10))
                .containsExactly(kept);
    }

    @Test
    void a_committed_transaction_is_not_undone_by_a_later_one_failing() {
        Client committed = ports.transactions().inTransaction(() -> TestData.client(ports, tenant.id()));

        assertThatThrownBy(() -> ports.transactions().inTransaction(() -> {
                    TestData.client(ports, tenant.id());
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");

        assertThat(ports.clients().search(tenant.id(), Optional.empty(), Optional.empty(), 10))
                .containsExactly(committed);
    }

    @Test
    void another_thread_waits_for_a_running_transaction_and_never_sees_its_writes_undone() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch letGo = new CountDownLatch(1);
        CompletableFuture<Void> failing = CompletableFuture.runAsync(() -> {
            try {
                ports.transactions().inTransaction(() -> {
                    TestData.client(ports, tenant.id());
                    written.countDown();
                    awaitQuietly(letGo);
                    throw new IllegalStateException("rolled back");
                });
            } catch (IllegalStateException expected) {
                // the other thread must not have seen this client
            }
        });
        assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<List<Client>> reader = CompletableFuture.supplyAsync(
                () -> ports.clients().search(tenant.id(), Optional.empty(), Optional.empty(), 10));
        Thread.sleep(Duration.ofMillis(100).toMillis());
        assertThat(reader).as("waits for the transaction").isNotDone();
        letGo.countDown();

        failing.get(10, TimeUnit.SECONDS);
        assertThat(reader.get(10, TimeUnit.SECONDS)).isEmpty();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
