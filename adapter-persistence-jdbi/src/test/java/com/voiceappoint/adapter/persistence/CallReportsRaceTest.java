package com.voiceappoint.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.port.in.UseCases;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.usecase.Interactors;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.event.BusinessEvent;
import com.voiceappoint.domain.voice.VoiceCall;
import com.voiceappoint.testkit.TestData;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Vapi sends a call's last status and its end-of-call report within milliseconds of each other, often at the same
 * moment: on PostgreSQL, the call still starts and ends once in the business's events.
 */
class CallReportsRaceTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private static final int CALLS = 12;

    private final OutboundPorts ports = postgres.persistence().ports(new FakePasswordHasher());
    private final UseCases app = Interactors.create(ports, Clock.systemUTC());
    private final ExecutorService threads = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private static VoiceCall report(BusinessId business, String call, String status, Optional<String> summary) {
        Instant now = Instant.now();
        return new VoiceCall(
                business,
                call,
                Optional.of("inboundPhoneCall"),
                Optional.of(status),
                Optional.of("+34600111222"),
                Optional.empty(),
                Optional.of(now.minusSeconds(60)),
                status.equals("ended") ? Optional.of(now) : Optional.empty(),
                Optional.of(BigDecimal.ONE),
                status.equals("ended") ? Optional.of("customer-ended-call") : Optional.empty(),
                summary,
                Optional.empty(),
                Optional.empty(),
                List.of(),
                now);
    }

    /** Both at once, as near as two threads can: each waits for the other to be ready. */
    private void atOnce(Runnable first, Runnable second) throws Exception {
        CountDownLatch ready = new CountDownLatch(2);
        List<Future<?>> both = new ArrayList<>();
        for (Runnable report : List.of(first, second)) {
            both.add(threads.submit(() -> {
                ready.countDown();
                ready.await();
                report.run();
                return null;
            }));
        }
        for (Future<?> done : both) {
            done.get();
        }
    }

    @Test
    void a_call_heard_of_twice_at_once_starts_once_and_two_reports_of_its_end_at_once_end_it_once() throws Exception {
        BusinessId business = TestData.tenant(ports).business().id();
        for (int i = 0; i < CALLS; i++) {
            String call = "race-" + i;
            atOnce(
                    () -> app.callLog().record(report(business, call, "in-progress", Optional.empty())),
                    () -> app.callLog().record(report(business, call, "ringing", Optional.empty())));
            atOnce(
                    () -> app.callLog().record(report(business, call, "ended", Optional.empty())),
                    () -> app.callLog().record(report(business, call, "ended", Optional.of("Booked a cut."))));
        }

        List<BusinessEvent> events = ports.events().since(business, 0, 1000);
        for (int i = 0; i < CALLS; i++) {
            String call = "race-" + i;
            assertThat(events)
                    .filteredOn(e -> e.subject() instanceof BusinessEvent.CallChange change
                            && change.call().callId().equals(call))
                    .extracting(BusinessEvent::kind)
                    .as(call)
                    .containsExactly(BusinessEvent.Kind.CALL_STARTED, BusinessEvent.Kind.CALL_ENDED);
        }
    }
}
