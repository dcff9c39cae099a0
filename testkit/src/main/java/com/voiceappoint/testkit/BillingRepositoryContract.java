package com.voiceappoint.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.application.port.out.BillingRepository;
import com.voiceappoint.application.port.out.BillingRepository.VoiceUsage;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.appointment.BookingSource;
import com.voiceappoint.domain.appointment.CancelledBy;
import com.voiceappoint.domain.billing.BusinessPlan;
import com.voiceappoint.domain.billing.SubscriptionStatus;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.client.Client;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the billing port must do: a business's plan round-trips and is its own, a customer is
 * kept once and leads back to its business, news older than what is held never overwrites it (however deliveries
 * race), voice bookings are counted from a moment on, lapsed ones left out, and a plan without a cap is never
 * counted.
 */
public abstract class BillingRepositoryContract<B extends BillingRepository> {
    private static final Instant MONTH = Instant.parse("2026-11-01T00:00:00Z");
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final int RACERS = 8;

    protected B billing;
    protected TestData data;
    private TestData.Tenant tenant;
    private Service cut;
    private Client client;
    private final AtomicInteger nextHour = new AtomicInteger();

    protected abstract B createBillingRepository();

    protected abstract TestData testData();

    @BeforeEach
    void setUpPorts() {
        billing = createBillingRepository();
        data = testData();
        tenant = data.tenant();
        cut = data.service(tenant.id(), "Cut", 30);
        client = data.client(tenant.id());
    }

    private static String customer() {
        return "cus_" + UUID.randomUUID().toString().replace("-", "").substring(0, 14);
    }

    private BusinessPlan subscribed(BusinessId business, String plan, String customer, Instant made) {
        return new BusinessPlan(
                business,
                plan,
                Optional.of(customer),
                Optional.of("sub_1"),
                SubscriptionStatus.ACTIVE,
                Optional.of(made.plus(Duration.ofDays(30))),
                Optional.of(made),
                NOW);
    }

    /** An appointment booked through {@code source} at {@code made}, an hour after the one before. */
    private Appointment booked(BookingSource source, Instant made) {
        Appointment appointment = Appointment.confirmed(
                AppointmentId.random(),
                cut,
                tenant.provider().id(),
                client.id(),
                Instant.parse("2026-12-01T09:00:00Z").plus(Duration.ofHours(nextHour.getAndIncrement())),
                source,
                "",
                made);
        data.appointments().add(appointment, Optional.empty());
        return appointment;
    }

    @Test
    void a_business_has_no_row_until_it_becomes_a_customer_and_its_customer_leads_back_to_it() {
        String customer = customer();
        assertThat(billing.find(tenant.id())).isEmpty();
        assertThat(billing.businessOfCustomer(customer)).isEmpty();

        assertThat(billing.keepCustomer(tenant.id(), customer, "free", NOW)).isEqualTo(customer);

        BusinessPlan kept = billing.find(tenant.id()).orElseThrow();
        assertThat(kept.plan()).isEqualTo("free");
        assertThat(kept.customer()).contains(customer);
        assertThat(kept.status()).isEqualTo(SubscriptionStatus.NONE);
        assertThat(kept.subscription()).isEmpty();
        assertThat(kept.changedAt()).isEmpty();
        assertThat(billing.businessOfCustomer(customer)).contains(tenant.id());
        assertThat(billing.find(data.tenant().id())).isEmpty();
    }

    @Test
    void a_customer_is_kept_once_and_a_second_one_made_meanwhile_is_not() {
        String first = customer();
        billing.keepCustomer(tenant.id(), first, "free", NOW);

        assertThat(billing.keepCustomer(tenant.id(), customer(), "free", NOW.plusSeconds(1)))
                .isEqualTo(first);
        assertThat(billing.find(tenant.id()).orElseThrow().customer()).contains(first);
    }

    @Test
    void a_subscription_round_trips_and_keeps_the_customer_given() {
        String customer = customer();
        BusinessPlan pro = subscribed(tenant.id(), "pro", customer, NOW);

        assertThat(billing.apply(pro)).isTrue();

        assertThat(billing.find(tenant.id())).contains(pro);
        assertThat(billing.businessOfCustomer(customer)).contains(tenant.id());
    }

    @Test
    void older_news_never_overwrites_newer_and_news_as_new_does() {
        String customer = customer();
        BusinessPlan canceled = new BusinessPlan(
                tenant.id(),
                "free",
                Optional.of(customer),
                Optional.of("sub_1"),
                SubscriptionStatus.CANCELED,
                Optional.of(NOW),
                Optional.of(NOW),
                NOW);
        billing.apply(canceled);

        assertThat(billing.apply(subscribed(tenant.id(), "pro", customer, NOW.minusSeconds(60))))
                .isFalse();
        assertThat(billing.find(tenant.id())).contains(canceled);

        BusinessPlan again = subscribed(tenant.id(), "pro", customer, NOW);
        assertThat(billing.apply(again)).as("made in the same second").isTrue();
        assertThat(billing.find(tenant.id())).contains(again);
    }

    @Test
    void news_applies_over_a_row_that_holds_only_a_customer() {
        String customer = customer();
        billing.keepCustomer(tenant.id(), customer, "free", NOW);

        BusinessPlan pro = subscribed(tenant.id(), "pro", customer, NOW.minus(Duration.ofDays(400)));
        assertThat(billing.apply(pro)).isTrue();
        assertThat(billing.find(tenant.id())).contains(pro);
    }

    @Test
    void of_news_delivered_at_once_the_newest_is_kept() throws Exception {
        String customer = customer();
        billing.keepCustomer(tenant.id(), customer, "free", NOW);
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                BusinessPlan news = subscribed(tenant.id(), "plan-" + i, customer, NOW.plusSeconds(i));
                results.add(pool.submit(() -> {
                    go.await();
                    return data.transactions().inTransaction(() -> billing.apply(news));
                }));
            }
            go.countDown();
            for (Future<Boolean> result : results) {
                result.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        BusinessPlan kept = billing.find(tenant.id()).orElseThrow();
        assertThat(kept.plan()).isEqualTo("plan-" + (RACERS - 1));
        assertThat(kept.changedAt()).contains(NOW.plusSeconds(RACERS - 1));
    }

    @Test
    void plans_are_found_for_the_businesses_asked_that_have_one() {
        BusinessId other = data.tenant().id();
        BusinessId none = data.tenant().id();
        BusinessPlan pro = subscribed(tenant.id(), "pro", customer(), NOW);
        BusinessPlan team = subscribed(other, "team", customer(), NOW);
        billing.apply(pro);
        billing.apply(team);

        assertThat(billing.find(List.of(tenant.id(), other, none))).isEqualTo(Map.of(tenant.id(), pro, other, team));
        assertThat(billing.find(List.of())).isEmpty();
    }

    @Test
    void voice_bookings_are_counted_from_the_moment_given_and_lapsed_ones_are_not() {
        booked(BookingSource.VOICE, MONTH.minusSeconds(1));
        booked(BookingSource.VOICE, MONTH);
        Appointment cancelled = booked(BookingSource.VOICE, MONTH.plus(Duration.ofDays(3)));
        data.appointments()
                .update(
                        cancelled,
                        cancelled.cancel(CancelledBy.CLIENT, "", Duration.ZERO, MONTH.plus(Duration.ofDays(4))));
        Appointment held = Appointment.held(
                AppointmentId.random(),
                cut,
                tenant.provider().id(),
                client.id(),
                Instant.parse("2026-12-20T09:00:00Z"),
                Duration.ofMinutes(5),
                BookingSource.VOICE,
                MONTH.plus(Duration.ofDays(5)));
        data.appointments().add(held, Optional.empty());
        Appointment lapsed = Appointment.held(
                AppointmentId.random(),
                cut,
                tenant.provider().id(),
                client.id(),
                Instant.parse("2026-12-21T09:00:00Z"),
                Duration.ofMinutes(5),
                BookingSource.VOICE,
                MONTH.plus(Duration.ofDays(5)));
        data.appointments().add(lapsed, Optional.empty());
        data.appointments().update(lapsed, lapsed.expire(MONTH.plus(Duration.ofDays(6))));
        booked(BookingSource.WEB, MONTH.plus(Duration.ofDays(1)));
        booked(BookingSource.DASHBOARD, MONTH.plus(Duration.ofDays(1)));

        assertThat(billing.voiceBookings(tenant.id(), MONTH))
                .as("on the first of the month, cancelled since, and held now")
                .isEqualTo(3);
        assertThat(billing.voiceBookings(data.tenant().id(), MONTH)).isZero();
    }

    @Test
    void voice_usage_counts_only_for_a_capped_plan() {
        booked(BookingSource.VOICE, MONTH.plusSeconds(10));
        booked(BookingSource.VOICE, MONTH.plusSeconds(20));

        assertThat(billing.voiceUsage(tenant.id(), "free", Set.of("free"), MONTH))
                .as("no row: the starting plan")
                .isEqualTo(new VoiceUsage("free", Optional.of(2L)));
        assertThat(billing.voiceUsage(tenant.id(), "free", Set.of(), MONTH))
                .isEqualTo(new VoiceUsage("free", Optional.empty()));

        billing.apply(subscribed(tenant.id(), "pro", customer(), NOW));
        assertThat(billing.voiceUsage(tenant.id(), "free", Set.of("free"), MONTH))
                .isEqualTo(new VoiceUsage("pro", Optional.empty()));
        assertThat(billing.voiceUsage(tenant.id(), "free", Set.of("free", "pro"), MONTH))
                .isEqualTo(new VoiceUsage("pro", Optional.of(2L)));
    }

    @Test
    void a_rolled_back_transaction_keeps_no_plan() {
        String customer = customer();
        assertThatThrownBy(() -> data.transactions().inTransaction(() -> {
                    billing.keepCustomer(tenant.id(), customer, "free", NOW);
                    billing.apply(subscribed(tenant.id(), "pro", customer, NOW));
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessage("rolled back");

        assertThat(billing.find(tenant.id())).isEmpty();
        assertThat(billing.businessOfCustomer(customer)).isEmpty();
    }
}
