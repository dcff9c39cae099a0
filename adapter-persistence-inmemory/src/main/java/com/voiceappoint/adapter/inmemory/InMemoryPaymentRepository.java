package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.port.out.PaymentRepository;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.payment.Payment;
import com.voiceappoint.domain.payment.PaymentId;
import com.voiceappoint.domain.payment.PaymentMethod;
import com.voiceappoint.domain.payment.PaymentSettings;
import com.voiceappoint.domain.payment.PaymentStatus;
import com.voiceappoint.domain.payment.Refund;
import com.voiceappoint.domain.payment.RefundStatus;
import com.voiceappoint.domain.shared.Money;
import com.voiceappoint.domain.shared.TimeRange;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Payments, refunds and payment settings, keeping the database's promises: a status changes only from the status the
 * change leaves, a refund never takes more than is left, an event is recorded once, a Stripe account belongs to one
 * business and a Stripe id to one payment of it. Every call runs under the runner's lock, so the check and the write
 * are one step, as each of the SQL adapter's conditional updates is.
 */
final class InMemoryPaymentRepository implements PaymentRepository {
    /** PostgreSQL orders uuids byte by byte, as their text sorts; java.util.UUID compares signed halves. */
    private static final Comparator<Payment> OLDEST_FIRST =
            Comparator.comparing(Payment::createdAt).thenComparing(p -> p.id().toString());

    private static final Comparator<Refund> REFUNDS_OLDEST_FIRST =
            Comparator.comparing(Refund::createdAt).thenComparing(r -> r.id().toString());

    private final Table<BusinessId, PaymentSettings> settings;
    private final Table<PaymentId, Payment> payments;
    private final Table<UUID, Refund> refunds;
    /** Each applied event's type, by its id. */
    private final Table<String, String> events;

    InMemoryPaymentRepository(InMemoryTransactionRunner transactions) {
        settings = new Table<>(transactions);
        payments = new Table<>(transactions);
        refunds = new Table<>(transactions);
        events = new Table<>(transactions);
    }

    @Override
    public PaymentSettings settings(BusinessId business) {
        return settings.find(business).orElseGet(() -> PaymentSettings.none(business));
    }

    @Override
    public void saveSettings(PaymentSettings changed) {
        if (changed.account().isPresent()
                && settings.stream()
                        .anyMatch(s -> s.account().equals(changed.account())
                                && !s.businessId().equals(changed.businessId()))) {
            throw new IllegalStateException("that Stripe account belongs to another business");
        }
        settings.put(changed.businessId(), changed);
    }

    @Override
    public Optional<BusinessId> businessOfAccount(String account) {
        return settings.stream()
                .filter(s -> s.account().filter(account::equals).isPresent())
                .map(PaymentSettings::businessId)
                .findFirst();
    }

    @Override
    public void add(Payment payment) {
        if (payments.contains(payment.id())) {
            throw new IllegalStateException("payment " + payment.id() + " is stored already");
        }
        requireUnique(payment);
        payments.put(payment.id(), payment);
    }

    /** Stripe's ids name one payment of the business, as the database's unique keys have it. */
    private void requireUnique(Payment payment) {
        boolean taken = payments.stream()
                .anyMatch(other -> !other.id().equals(payment.id())
                        && other.businessId().equals(payment.businessId())
                        && (sameId(other.checkoutSession(), payment.checkoutSession())
                                || sameId(other.paymentIntent(), payment.paymentIntent())));
        if (taken) {
            throw new IllegalStateException("another payment of the business has that Stripe id");
        }
    }

    private static boolean sameId(Optional<String> one, Optional<String> other) {
        return one.isPresent() && one.equals(other);
    }

    @Override
    public Optional<Payment> find(BusinessId business, PaymentId payment) {
        return payments.find(payment).filter(p -> p.businessId().equals(business));
    }

    @Override
    public Optional<Payment> findByIntent(BusinessId business, String paymentIntent) {
        return payments.stream()
                .filter(p -> p.businessId().equals(business)
                        && p.paymentIntent().filter(paymentIntent::equals).isPresent())
                .findFirst();
    }

    @Override
    public List<Payment> ofAppointment(BusinessId business, AppointmentId appointment) {
        return payments.stream()
                .filter(p ->
                        p.businessId().equals(business) && p.appointmentId().equals(appointment))
                .sorted(OLDEST_FIRST)
                .toList();
    }

    @Override
    public List<Payment> list(BusinessId business, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("a page starts at 0 or later and holds 0 or more payments");
        }
        return payments.stream()
                .filter(p -> p.businessId().equals(business))
                .sorted(OLDEST_FIRST.reversed())
                .skip(offset)
                .limit(limit)
                .toList();
    }

    @Override
    public boolean openedCheckout(BusinessId business, PaymentId payment, String session, URI url, Instant at) {
        return change(business, payment, Payment::isOpen, p -> {
                    Payment opened = copy(
                            p,
                            p.status(),
                            p.refunded(),
                            Optional.of(session),
                            Optional.of(url.toString()),
                            p.paymentIntent(),
                            p.issue(),
                            at);
                    requireUnique(opened);
                    return opened;
                })
                .isPresent();
    }

    @Override
    public Optional<Payment> markPaid(BusinessId business, PaymentId payment, String paymentIntent, Instant at) {
        return change(
                business,
                payment,
                p -> EnumSet.of(PaymentStatus.OPEN, PaymentStatus.EXPIRED, PaymentStatus.CANCELLED)
                        .contains(p.status()),
                p -> {
                    Payment paid = copy(
                            p,
                            PaymentStatus.PAID,
                            p.refunded(),
                            p.checkoutSession(),
                            p.checkoutUrl(),
                            Optional.of(paymentIntent),
                            p.issue(),
                            at);
                    requireUnique(paid);
                    return paid;
                });
    }

    @Override
    public boolean markExpired(BusinessId business, PaymentId payment, Instant at) {
        return change(business, payment, Payment::isOpen, p -> moved(p, PaymentStatus.EXPIRED, at))
                .isPresent();
    }

    @Override
    public int expireLapsed(Instant now, int limit) {
        List<Payment> lapsed = payments.stream()
                .filter(p -> p.isOpen()
                        && p.payBy().filter(payBy -> !payBy.isAfter(now)).isPresent())
                .sorted(Comparator.comparing(p -> p.payBy().orElseThrow()))
                .limit(limit)
                .toList();
        lapsed.forEach(p -> payments.put(p.id(), moved(p, PaymentStatus.EXPIRED, now)));
        return lapsed.size();
    }

    @Override
    public boolean markCancelled(BusinessId business, PaymentId payment, Instant at) {
        return change(business, payment, Payment::isOpen, p -> moved(p, PaymentStatus.CANCELLED, at))
                .isPresent();
    }

    @Override
    public void recordIssue(BusinessId business, PaymentId payment, String issue, Instant at) {
        change(
                business,
                payment,
                p -> true,
                p -> copy(
                        p,
                        p.status(),
                        p.refunded(),
                        p.checkoutSession(),
                        p.checkoutUrl(),
                        p.paymentIntent(),
                        Optional.of(issue),
                        at));
    }

    @Override
    public boolean requestRefund(Refund refund) {
        if (refund.status() != RefundStatus.REQUESTED) {
            throw new IllegalArgumentException("a refund is recorded as requested, before Stripe answers");
        }
        Optional<Payment> reserved = change(
                refund.businessId(),
                refund.paymentId(),
                p -> p.status() == PaymentStatus.PAID
                        && p.method() == PaymentMethod.STRIPE
                        && p.amount().currency().equals(refund.amount().currency())
                        && p.refunded().plus(refund.amount()).compareTo(p.amount()) <= 0,
                p -> withRefunded(p, p.refunded().plus(refund.amount()), refund.createdAt()));
        reserved.ifPresent(p -> refunds.put(refund.id(), refund));
        return reserved.isPresent();
    }

    @Override
    public boolean settleRefund(
            BusinessId business, UUID refund, RefundStatus status, Optional<String> stripeRefund, Instant at) {
        if (status == RefundStatus.REQUESTED) {
            throw new IllegalArgumentException("a refund is settled as succeeded or failed");
        }
        Refund requested = refunds.find(refund)
                .filter(r -> r.businessId().equals(business) && r.status() == RefundStatus.REQUESTED)
                .orElse(null);
        if (requested == null) {
            return false;
        }
        refunds.put(
                refund,
                new Refund(
                        requested.id(),
                        requested.businessId(),
                        requested.paymentId(),
                        requested.amount(),
                        requested.reason(),
                        status,
                        stripeRefund.or(requested::stripeRefund),
                        requested.createdAt()));
        if (status == RefundStatus.FAILED) {
            // what it reserved can be refunded again
            change(
                    business,
                    requested.paymentId(),
                    p -> true,
                    p -> withRefunded(p, minus(p.refunded(), requested), at));
        }
        return true;
    }

    private static Money minus(Money refunded, Refund refund) {
        return new Money(refunded.amount().subtract(refund.amount().amount()), refunded.currency());
    }

    @Override
    public List<Refund> refunds(BusinessId business, PaymentId payment) {
        return refunds.stream()
                .filter(r -> r.businessId().equals(business) && r.paymentId().equals(payment))
                .sorted(REFUNDS_OLDEST_FIRST)
                .toList();
    }

    @Override
    public List<Refund> unsettledRefunds(Instant before, int limit) {
        return refunds.stream()
                .filter(r ->
                        r.status() == RefundStatus.REQUESTED && r.createdAt().isBefore(before))
                .sorted(REFUNDS_OLDEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public boolean recordEvent(String eventId, String type, Instant at) {
        if (events.contains(eventId)) {
            return false;
        }
        events.put(eventId, type);
        return true;
    }

    @Override
    public List<Totals> totals(BusinessId business, TimeRange range) {
        Map<String, Totals> byCurrency = new TreeMap<>();
        payments.stream()
                .filter(p -> p.businessId().equals(business)
                        && range.contains(p.createdAt())
                        && (p.status() == PaymentStatus.PAID || p.isOpen()))
                .forEach(p -> {
                    Currency currency = p.amount().currency();
                    Money zero = Money.zero(currency);
                    Totals sum = byCurrency.getOrDefault(currency.getCurrencyCode(), new Totals(zero, zero, zero));
                    byCurrency.put(
                            currency.getCurrencyCode(),
                            p.isOpen()
                                    ? new Totals(
                                            sum.paid(),
                                            sum.refunded(),
                                            sum.pending().plus(p.amount()))
                                    : new Totals(
                                            sum.paid().plus(p.amount()),
                                            sum.refunded().plus(p.refunded()),
                                            sum.pending()));
                });
        return List.copyOf(byCurrency.values());
    }

    /** Applies {@code change} to the business's payment when {@code from} holds for it, as a conditional update. */
    private Optional<Payment> change(
            BusinessId business, PaymentId payment, Predicate<Payment> from, UnaryOperator<Payment> change) {
        Optional<Payment> changed = find(business, payment).filter(from).map(change);
        changed.ifPresent(p -> payments.put(p.id(), p));
        return changed;
    }

    private static Payment moved(Payment p, PaymentStatus status, Instant at) {
        return copy(p, status, p.refunded(), p.checkoutSession(), p.checkoutUrl(), p.paymentIntent(), p.issue(), at);
    }

    private static Payment withRefunded(Payment p, Money refunded, Instant at) {
        return copy(p, p.status(), refunded, p.checkoutSession(), p.checkoutUrl(), p.paymentIntent(), p.issue(), at);
    }

    private static Payment copy(
            Payment p,
            PaymentStatus status,
            Money refunded,
            Optional<String> checkoutSession,
            Optional<String> checkoutUrl,
            Optional<String> paymentIntent,
            Optional<String> issue,
            Instant at) {
        return new Payment(
                p.id(),
                p.businessId(),
                p.appointmentId(),
                p.kind(),
                p.method(),
                p.amount(),
                refunded,
                status,
                p.account(),
                checkoutSession,
                checkoutUrl,
                paymentIntent,
                p.payBy(),
                issue,
                p.createdAt(),
                at);
    }
}
