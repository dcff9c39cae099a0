package com.voiceappoint.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.voiceappoint.application.port.out.PaymentRepository;
import com.voiceappoint.application.port.out.PaymentRepository.Totals;
import com.voiceappoint.domain.appointment.Appointment;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.client.Client;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentId;
import com.voiceappoint.domain.payment.PaymentKind;
import com.voiceappoint.domain.payment.PaymentMethod;
import com.voiceappoint.domain.payment.PaymentSettings;
import com.voiceappoint.domain.payment.PaymentStatus;
import com.voiceappoint.domain.payment.Refund;
import com.voiceappoint.domain.payment.RefundReason;
import com.voiceappoint.domain.payment.RefundStatus;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.shared.TimeRange;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of the payment port must do: payments, refunds and settings round-trip within their
 * business only, each change of a payment's status happens once whatever races it, refunds never give back more than
 * was paid, and a rolled-back transaction keeps none of it.
 */
public abstract class PaymentRepositoryContract<P extends PaymentRepository> {
    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");
    private static final Instant TEN = Instant.parse("2026-12-01T09:00:00Z");
    private static final int RACERS = 8;

    protected P payments;
    protected TestData data;
    private TestData.Tenant tenant;
    private Service cut;
    private Client client;
    /** The next start free in the provider's diary: each test's appointments take an hour each, one after another. */
    private final AtomicInteger nextHour = new AtomicInteger();

    /**
     * The store under test, made anew before each test, and the {@link TestData} that writes the appointments it
     * refers to into the same database, through the same transactions.
     */
    protected abstract P createPaymentRepository();

    protected abstract TestData testData();

    @BeforeEach
    void setUpPorts() {
        payments = createPaymentRepository();
        data = testData();
        tenant = data.tenant();
        cut = data.service(tenant.id(), "Cut", 30);
        client = data.client(tenant.id());
    }

    private Appointment appointment() {
        Appointment appointment = TestData.appointment(
                cut, tenant.provider().id(), client.id(), TEN.plus(Duration.ofHours(nextHour.getAndIncrement())));
        data.appointments().add(appointment, Optional.empty());
        return appointment;
    }

    private static String account() {
        return "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    /** An open deposit of {@code amount} euros for a new appointment, to pay by {@code payBy}, made at {@code at}. */
    private Payment deposit(String amount, Instant payBy, Instant at) {
        Payment payment =
                Payment.deposit(tenant.id(), appointment().id(), Money.of(amount, "EUR"), account(), payBy, at);
        payments.add(payment);
        return payment;
    }

    private Payment deposit(String amount) {
        return deposit(amount, NOW.plus(Duration.ofMinutes(30)), NOW);
    }

    /** A deposit of {@code amount} euros paid through Stripe. */
    private Payment paid(String amount) {
        Payment open = deposit(amount);
        return payments.markPaid(tenant.id(), open.id(), "pi_" + UUID.randomUUID(), NOW.plusSeconds(60))
                .orElseThrow();
    }

    private Refund refund(Payment payment, String amount, Instant at) {
        return Refund.requested(payment, Money.of(amount, "EUR"), RefundReason.BY_STAFF, at);
    }

    private BusinessId elsewhere() {
        return data.tenant().id();
    }

    @Test
    void a_business_takes_no_payments_until_it_saves_how_and_its_account_leads_back_to_it() {
        String account = account();
        assertThat(payments.settings(tenant.id())).isEqualTo(PaymentSettings.none(tenant.id()));
        assertThat(payments.businessOfAccount(account)).isEmpty();

        PaymentSettings connected =
                new PaymentSettings(tenant.id(), Optional.of(account), true, Duration.ofMinutes(90), 50);
        payments.saveSettings(connected);

        assertThat(payments.settings(tenant.id())).isEqualTo(connected);
        assertThat(payments.businessOfAccount(account)).contains(tenant.id());
        BusinessId other = elsewhere();
        assertThat(payments.settings(other)).isEqualTo(PaymentSettings.none(other));

        PaymentSettings changed =
                new PaymentSettings(tenant.id(), Optional.of(account), false, PaymentSettings.LONGEST_WINDOW, 0);
        payments.saveSettings(changed);
        assertThat(payments.settings(tenant.id())).isEqualTo(changed);
    }

    @Test
    void a_stripe_account_belongs_to_one_business() {
        String account = account();
        payments.saveSettings(
                new PaymentSettings(tenant.id(), Optional.of(account), true, Duration.ofMinutes(30), 100));
        BusinessId other = elsewhere();

        assertThatThrownBy(() -> payments.saveSettings(
                        new PaymentSettings(other, Optional.of(account), true, Duration.ofMinutes(30), 100)))
                .isInstanceOf(IllegalStateException.class);

        assertThat(payments.businessOfAccount(account)).contains(tenant.id());
        assertThat(payments.settings(other)).isEqualTo(PaymentSettings.none(other));
    }

    @Test
    void a_payment_round_trips_and_is_found_within_its_business_only() {
        Payment deposit = deposit("25.50");
        Payment inPerson =
                Payment.takenInPerson(tenant.id(), deposit.appointmentId(), Money.of("10", "EUR"), NOW.plusSeconds(1));
        payments.add(inPerson);
        BusinessId other = elsewhere();

        assertThat(payments.find(tenant.id(), deposit.id())).contains(deposit);
        assertThat(payments.find(tenant.id(), inPerson.id())).contains(inPerson);
        assertThat(payments.find(other, deposit.id())).isEmpty();
        assertThat(payments.find(tenant.id(), PaymentId.random())).isEmpty();
        assertThat(payments.ofAppointment(tenant.id(), deposit.appointmentId())).containsExactly(deposit, inPerson);
        assertThat(payments.ofAppointment(other, deposit.appointmentId())).isEmpty();
        assertThat(payments.list(other, 0, 10)).isEmpty();
    }

    @Test
    void payments_are_listed_newest_first_a_page_at_a_time() {
        List<Payment> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(deposit("10.00", NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofMinutes(i))));
        }
        // two made at one moment: only the id tells them apart, and pages must not skip or repeat
        made.add(deposit("10.00", NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofMinutes(4))));

        List<Payment> all = new ArrayList<>();
        for (int offset = 0; offset < 8; offset += 2) {
            all.addAll(payments.list(tenant.id(), offset, 2));
        }

        assertThat(all).hasSize(6).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(made);
        assertThat(all.subList(2, 6)).containsExactly(made.get(3), made.get(2), made.get(1), made.get(0));
        assertThat(payments.list(tenant.id(), 0, 0)).isEmpty();
    }

    @Test
    void an_open_payment_keeps_its_checkout_and_a_closed_one_does_not() {
        Payment open = deposit("20.00");
        Instant at = NOW.plusSeconds(5);

        assertThat(payments.openedCheckout(
                        tenant.id(), open.id(), "cs_" + open.id(), URI.create("https://checkout.example/c/1"), at))
                .isTrue();
        assertThat(payments.find(tenant.id(), open.id())).hasValueSatisfying(found -> {
            assertThat(found.checkoutSession()).contains("cs_" + open.id());
            assertThat(found.checkoutUrl()).contains("https://checkout.example/c/1");
            assertThat(found.updatedAt()).isEqualTo(at);
            assertThat(found.status()).isEqualTo(PaymentStatus.OPEN);
        });
        assertThat(payments.openedCheckout(
                        elsewhere(), open.id(), "cs_other", URI.create("https://checkout.example/c/2"), at))
                .isFalse();

        payments.markCancelled(tenant.id(), open.id(), at);
        assertThat(payments.openedCheckout(
                        tenant.id(), open.id(), "cs_late", URI.create("https://checkout.example/c/3"), at))
                .isFalse();
        assertThat(payments.find(tenant.id(), open.id()).orElseThrow().checkoutSession())
                .contains("cs_" + open.id());
    }

    @Test
    void a_payment_is_marked_paid_once_and_found_by_its_intent() {
        Payment open = deposit("20.00");
        Instant at = NOW.plusSeconds(90);

        assertThat(payments.markPaid(elsewhere(), open.id(), "pi_elsewhere", at))
                .isEmpty();
        Optional<Payment> paid = payments.markPaid(tenant.id(), open.id(), "pi_" + open.id(), at);

        assertThat(paid).hasValueSatisfying(p -> {
            assertThat(p.status()).isEqualTo(PaymentStatus.PAID);
            assertThat(p.paymentIntent()).contains("pi_" + open.id());
            assertThat(p.updatedAt()).isEqualTo(at);
            assertThat(p.amount()).isEqualTo(open.amount());
        });
        assertThat(payments.find(tenant.id(), open.id())).isEqualTo(paid);
        assertThat(payments.findByIntent(tenant.id(), "pi_" + open.id())).isEqualTo(paid);
        assertThat(payments.findByIntent(elsewhere(), "pi_" + open.id())).isEmpty();
        assertThat(payments.markPaid(tenant.id(), open.id(), "pi_" + open.id(), at.plusSeconds(1)))
                .isEmpty();
        assertThat(payments.markExpired(tenant.id(), open.id(), at)).isFalse();
        assertThat(payments.markCancelled(tenant.id(), open.id(), at)).isFalse();
        assertThat(payments.find(tenant.id(), open.id())).isEqualTo(paid);
    }

    @Test
    void a_lapsed_or_withdrawn_payment_can_still_be_paid_once() {
        Payment lapsed = deposit("20.00");
        Payment cancelled = deposit("20.00");
        Instant at = NOW.plus(Duration.ofHours(1));

        assertThat(payments.markExpired(tenant.id(), lapsed.id(), at)).isTrue();
        assertThat(payments.markExpired(tenant.id(), lapsed.id(), at)).isFalse();
        assertThat(payments.markCancelled(tenant.id(), lapsed.id(), at)).isFalse();
        assertThat(payments.markCancelled(elsewhere(), cancelled.id(), at)).isFalse();
        assertThat(payments.markCancelled(tenant.id(), cancelled.id(), at)).isTrue();
        assertThat(payments.markCancelled(tenant.id(), cancelled.id(), at)).isFalse();
        assertThat(payments.find(tenant.id(), lapsed.id()).orElseThrow().status())
                .isEqualTo(PaymentStatus.EXPIRED);

        // Stripe takes a payment only before its deadline: news of it may come after the payment was expired here
        assertThat(payments.markPaid(tenant.id(), lapsed.id(), "pi_" + lapsed.id(), at.plusSeconds(1)))
                .map(Payment::status)
                .contains(PaymentStatus.PAID);
        // money paid on a page withdrawn meanwhile came all the same: it is recorded, and the caller gives it back
        assertThat(payments.markPaid(tenant.id(), cancelled.id(), "pi_" + cancelled.id(), at.plusSeconds(1)))
                .map(Payment::status)
                .contains(PaymentStatus.PAID);
        assertThat(payments.markPaid(tenant.id(), cancelled.id(), "pi_" + cancelled.id(), at.plusSeconds(2)))
                .isEmpty();
    }

    @Test
    void open_payments_past_their_deadline_are_expired_by_the_sweep_and_no_others() {
        Payment first = deposit("10.00", NOW.plus(Duration.ofMinutes(30)), NOW);
        Payment second = deposit("10.00", NOW.plus(Duration.ofMinutes(40)), NOW);
        Payment live = deposit("10.00", NOW.plus(Duration.ofHours(3)), NOW);
        Payment paidInTime = deposit("10.00", NOW.plus(Duration.ofMinutes(30)), NOW);
        payments.markPaid(tenant.id(), paidInTime.id(), "pi_" + paidInTime.id(), NOW.plusSeconds(60));
        Instant later = NOW.plus(Duration.ofHours(1));

        // across businesses: other tests' payments may lapse by then too
        assertThat(payments.expireLapsed(later, 1)).isEqualTo(1);
        assertThat(payments.expireLapsed(later, 1000)).isGreaterThanOrEqualTo(1);
        assertThat(payments.expireLapsed(later, 1000)).isZero();

        assertThat(payments.find(tenant.id(), first.id()).orElseThrow()).satisfies(p -> {
            assertThat(p.status()).isEqualTo(PaymentStatus.EXPIRED);
            assertThat(p.updatedAt()).isEqualTo(later);
        });
        assertThat(payments.find(tenant.id(), second.id()).orElseThrow().status())
                .isEqualTo(PaymentStatus.EXPIRED);
        assertThat(payments.find(tenant.id(), live.id()).orElseThrow().status()).isEqualTo(PaymentStatus.OPEN);
        assertThat(payments.find(tenant.id(), paidInTime.id()).orElseThrow().status())
                .isEqualTo(PaymentStatus.PAID);
    }

    @Test
    void an_issue_is_kept_without_changing_the_status() {
        Payment open = deposit("20.00");

        payments.recordIssue(tenant.id(), open.id(), "card_declined", NOW.plusSeconds(30));
        payments.recordIssue(elsewhere(), open.id(), "not theirs", NOW.plusSeconds(40));

        assertThat(payments.find(tenant.id(), open.id())).hasValueSatisfying(p -> {
            assertThat(p.issue()).contains("card_declined");
            assertThat(p.status()).isEqualTo(PaymentStatus.OPEN);
            assertThat(p.updatedAt()).isEqualTo(NOW.plusSeconds(30));
        });
    }

    @Test
    void refunds_never_give_back_more_than_was_paid() {
        Payment payment = paid("20.00");
        Refund most = refund(payment, "15.00", NOW.plus(Duration.ofMinutes(5)));
        Refund tooMuch = refund(payment, "5.01", NOW.plus(Duration.ofMinutes(6)));
        Refund rest = refund(payment, "5.00", NOW.plus(Duration.ofMinutes(7)));

        assertThat(payments.requestRefund(most)).isTrue();
        assertThat(payments.requestRefund(tooMuch)).isFalse();
        assertThat(payments.requestRefund(rest)).isTrue();
        assertThat(payments.requestRefund(refund(payment, "0.01", NOW.plus(Duration.ofMinutes(8)))))
                .isFalse();

        assertThat(payments.refunds(tenant.id(), payment.id())).containsExactly(most, rest);
        assertThat(payments.refunds(elsewhere(), payment.id())).isEmpty();
        assertThat(payments.find(tenant.id(), payment.id())).hasValueSatisfying(p -> {
            assertThat(p.refunded()).isEqualTo(Money.of("20.00", "EUR"));
            assertThat(p.refundable()).isEqualTo(Money.of("0", "EUR"));
        });
    }

    @Test
    void only_a_paid_stripe_payment_of_the_business_is_refunded() {
        Payment open = deposit("20.00");
        Payment paid = paid("20.00");
        Payment inPerson = Payment.takenInPerson(tenant.id(), appointment().id(), Money.of("20.00", "EUR"), NOW);
        payments.add(inPerson);
        Refund ofAnotherBusiness = new Refund(
                UUID.randomUUID(),
                elsewhere(),
                paid.id(),
                Money.of("5.00", "EUR"),
                RefundReason.BY_STAFF,
                RefundStatus.REQUESTED,
                Optional.empty(),
                NOW);
        Refund inDollars = new Refund(
                UUID.randomUUID(),
                tenant.id(),
                paid.id(),
                Money.of("5.00", "USD"),
                RefundReason.BY_STAFF,
                RefundStatus.REQUESTED,
                Optional.empty(),
                NOW);

        assertThat(payments.requestRefund(refund(open, "5.00", NOW))).isFalse();
        assertThat(payments.requestRefund(refund(inPerson, "5.00", NOW))).isFalse();
        assertThat(payments.requestRefund(ofAnotherBusiness)).isFalse();
        assertThat(payments.requestRefund(inDollars)).isFalse();

        for (Payment p : List.of(open, paid, inPerson)) {
            assertThat(payments.refunds(tenant.id(), p.id())).isEmpty();
            assertThat(payments.find(tenant.id(), p.id()).orElseThrow().refunded())
                    .isEqualTo(Money.of("0", "EUR"));
        }
        assertThat(payments.refunds(ofAnotherBusiness.businessId(), paid.id())).isEmpty();
    }

    @Test
    void a_refund_is_settled_once_and_a_failed_one_gives_its_amount_back() {
        Payment payment = paid("30.00");
        Refund succeeding = refund(payment, "10.00", NOW.plus(Duration.ofMinutes(1)));
        Refund failing = refund(payment, "20.00", NOW.plus(Duration.ofMinutes(2)));
        payments.requestRefund(succeeding);
        payments.requestRefund(failing);
        Instant answered = NOW.plus(Duration.ofMinutes(3));

        assertThat(payments.settleRefund(
                        elsewhere(), succeeding.id(), RefundStatus.SUCCEEDED, Optional.of("re_1"), answered))
                .isFalse();
        assertThat(payments.settleRefund(
                        tenant.id(), succeeding.id(), RefundStatus.SUCCEEDED, Optional.of("re_1"), answered))
                .isTrue();
        assertThat(payments.settleRefund(tenant.id(), succeeding.id(), RefundStatus.FAILED, Optional.empty(), answered))
                .isFalse();
        assertThat(payments.settleRefund(tenant.id(), failing.id(), RefundStatus.FAILED, Optional.of("re_2"), answered))
                .isTrue();
        assertThat(payments.settleRefund(tenant.id(), failing.id(), RefundStatus.FAILED, Optional.of("re_2"), answered))
                .isFalse();

        assertThat(payments.refunds(tenant.id(), payment.id()))
                .extracting(Refund::status, Refund::stripeRefund)
                .containsExactly(
                        tuple(RefundStatus.SUCCEEDED, Optional.of("re_1")),
                        tuple(RefundStatus.FAILED, Optional.of("re_2")));
        assertThat(payments.find(tenant.id(), payment.id()).orElseThrow().refunded())
                .isEqualTo(Money.of("10.00", "EUR"));
        // what the failed refund held back can be asked for again
        assertThat(payments.requestRefund(refund(payment, "20.00", answered))).isTrue();
    }

    @Test
    void refunds_whose_answer_never_came_are_found_oldest_first_until_settled() {
        Payment payment = paid("30.00");
        Refund first = refund(payment, "5.00", NOW.plus(Duration.ofMinutes(1)));
        Refund second = refund(payment, "5.00", NOW.plus(Duration.ofMinutes(2)));
        Refund recent = refund(payment, "5.00", NOW.plus(Duration.ofMinutes(20)));
        Refund answered = refund(payment, "5.00", NOW.plus(Duration.ofMinutes(3)));
        for (Refund r : List.of(second, recent, first, answered)) {
            payments.requestRefund(r);
        }
        payments.settleRefund(
                tenant.id(), answered.id(), RefundStatus.SUCCEEDED, Optional.of("re_" + answered.id()), NOW);
        Instant before = NOW.plus(Duration.ofMinutes(10));

        // across businesses: other tests' refunds may be waiting too
        assertThat(payments.unsettledRefunds(before, 1000))
                .filteredOn(r -> r.businessId().equals(tenant.id()))
                .containsExactly(first, second);
        assertThat(payments.unsettledRefunds(before, 1)).hasSize(1);
    }

    @Test
    void an_event_is_recorded_once() {
        String event = "evt_" + UUID.randomUUID();

        assertThat(payments.recordEvent(event, "checkout.session.completed", NOW))
                .isTrue();
        assertThat(payments.recordEvent(event, "checkout.session.completed", NOW.plusSeconds(5)))
                .isFalse();
        assertThat(payments.recordEvent("evt_" + UUID.randomUUID(), "checkout.session.completed", NOW))
                .isTrue();
    }

    @Test
    void totals_count_by_currency_what_was_paid_given_back_and_awaited_in_the_range() {
        TimeRange november =
                new TimeRange(Instant.parse("2026-11-01T00:00:00Z"), Instant.parse("2026-12-01T00:00:00Z"));
        Payment twenty = paid("20.00");
        payments.requestRefund(refund(twenty, "5.00", NOW.plus(Duration.ofMinutes(1))));
        paid("10.00");
        deposit("7.00");
        Payment expired = deposit("3.00");
        payments.markExpired(tenant.id(), expired.id(), NOW.plus(Duration.ofHours(1)));
        Payment cancelled = deposit("4.00");
        payments.markCancelled(tenant.id(), cancelled.id(), NOW.plus(Duration.ofHours(1)));
        Payment december = deposit("100.00", TEN, TEN.minus(Duration.ofHours(1)));
        payments.markPaid(tenant.id(), december.id(), "pi_" + december.id(), TEN.minus(Duration.ofMinutes(30)));
        payments.add(Payment.takenInPerson(tenant.id(), appointment().id(), Money.of("12", "USD"), NOW));

        assertThat(payments.totals(tenant.id(), november))
                .containsExactly(
                        new Totals(Money.of("30", "EUR"), Money.of("5", "EUR"), Money.of("7", "EUR")),
                        new Totals(Money.of("12", "USD"), Money.of("0", "USD"), Money.of("0", "USD")));
        assertThat(payments.totals(elsewhere(), november)).isEmpty();
    }

    @Test
    void a_rolled_back_transaction_keeps_no_payment_refund_setting_or_event() {
        Payment paid = paid("20.00");
        Appointment appointment = appointment();
        Payment added = Payment.deposit(
                tenant.id(), appointment.id(), Money.of("10", "EUR"), account(), NOW.plusSeconds(600), NOW);
        Refund refund = refund(paid, "20.00", NOW.plusSeconds(120));
        String account = account();
        String event = "evt_" + UUID.randomUUID();

        assertThatThrownBy(() -> data.transactions().inTransaction(() -> {
                    payments.add(added);
                    assertThat(payments.requestRefund(refund)).isTrue();
                    payments.markPaid(tenant.id(), added.id(), "pi_" + added.id(), NOW.plusSeconds(130));
                    payments.saveSettings(
                            new PaymentSettings(tenant.id(), Optional.of(account), true, Duration.ofMinutes(30), 100));
                    assertThat(payments.recordEvent(event, "charge.refunded", NOW))
                            .isTrue();
                    throw new IllegalStateException("refused after writing");
                }))
                .hasMessage("refused after writing");

        assertThat(payments.find(tenant.id(), added.id())).isEmpty();
        assertThat(payments.ofAppointment(tenant.id(), appointment.id())).isEmpty();
        assertThat(payments.find(tenant.id(), paid.id())).contains(paid);
        assertThat(payments.refunds(tenant.id(), paid.id())).isEmpty();
        assertThat(payments.settings(tenant.id())).isEqualTo(PaymentSettings.none(tenant.id()));
        assertThat(payments.businessOfAccount(account)).isEmpty();
        assertThat(payments.recordEvent(event, "charge.refunded", NOW)).isTrue();
    }

    @Test
    void refunds_racing_for_one_payment_never_give_back_more_than_was_paid() throws Exception {
        Payment payment = paid("50.00");

        // each asks for 40% of it: two fit, whatever the order
        int granted = race(i -> () -> payments.requestRefund(refund(payment, "20.00", NOW.plusSeconds(100 + i))));

        assertThat(granted).as("refunds granted").isEqualTo(2);
        assertThat(payments.refunds(tenant.id(), payment.id())).hasSize(2);
        assertThat(payments.find(tenant.id(), payment.id()).orElseThrow().refunded())
                .isEqualTo(Money.of("40.00", "EUR"));
    }

    @Test
    void news_of_one_payment_delivered_at_once_marks_it_paid_once() throws Exception {
        Payment open = deposit("20.00");

        int paid = race(i -> () -> payments.markPaid(tenant.id(), open.id(), "pi_" + open.id(), NOW.plusSeconds(i))
                .isPresent());

        assertThat(paid).as("deliveries that marked it paid").isEqualTo(1);
        assertThat(payments.find(tenant.id(), open.id()).orElseThrow().status()).isEqualTo(PaymentStatus.PAID);
    }

    @Test
    void one_event_delivered_at_once_is_recorded_once() throws Exception {
        String event = "evt_" + UUID.randomUUID();

        int recorded = race(i -> () -> payments.recordEvent(event, "checkout.session.completed", NOW.plusSeconds(i)));

        assertThat(recorded).as("deliveries recorded").isEqualTo(1);
    }

    /** Runs {@value #RACERS} calls at once, on threads of their own: how many answered true. */
    private static int race(IntFunction<Callable<Boolean>> racer) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                Callable<Boolean> call = racer.apply(i);
                results.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            int won = 0;
            for (Future<Boolean> result : results) {
                won += result.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            return won;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void kinds_and_methods_round_trip() {
        Payment fee = new Payment(
                PaymentId.random(),
                tenant.id(),
                appointment().id(),
                PaymentKind.NO_SHOW_FEE,
                PaymentMethod.STRIPE,
                Money.of("15.00", "EUR"),
                Money.of("0", "EUR"),
                PaymentStatus.OPEN,
                Optional.of(account()),
                Optional.of("cs_fee"),
                Optional.of("https://checkout.example/fee"),
                Optional.empty(),
                Optional.empty(),
                Optional.of("requires_payment_method"),
                NOW,
                NOW.plusSeconds(1));
        payments.add(fee);

        assertThat(payments.find(tenant.id(), fee.id())).contains(fee);
    }
}
