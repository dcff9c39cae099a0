package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.error.ConcurrentUpdateException;
import com.voiceappoint.application.port.out.PaymentRepository;
import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
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
import java.math.BigDecimal;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Payments, refunds and payment settings on PostgreSQL. Every change of a payment's status is one conditional update
 * on the status it leaves, and a refund reserves its amount in one update that cannot take more than is left: under
 * PostgreSQL's row locks, racers for one payment are answered one after the other, each against what the one before
 * left, so news delivered twice, or a refund asked twice, takes effect once.
 */
final class JdbiPaymentRepository implements PaymentRepository {
    private static final String COLUMNS = "business_id, id, appointment_id, kind, method, amount, refunded, currency, "
            + "status, stripe_account, checkout_session, checkout_url, payment_intent, pay_by, issue, created_at, "
            + "updated_at";
    private static final String SELECT = "select " + COLUMNS + " from payments ";
    /** Refunds with their payment's currency, which they are always in. */
    private static final String SELECT_REFUNDS = "select r.business_id, r.id, r.payment_id, r.amount, r.reason, "
            + "r.status, r.stripe_refund, r.created_at, p.currency from refunds r "
            + "join payments p on p.business_id = r.business_id and p.id = r.payment_id ";

    private static final String ONE_ACCOUNT_EACH = "payment_settings_stripe_account_key";

    private final Jdbi jdbi;

    JdbiPaymentRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public PaymentSettings settings(BusinessId business) {
        return jdbi.withHandle(h -> h.createQuery("select stripe_account, charges_enabled, payment_window_minutes, "
                                + "refund_percent from payment_settings where business_id = :business")
                        .bind("business", business.value())
                        .map((rs, ctx) -> new PaymentSettings(
                                business,
                                Rows.optionalString(rs, "stripe_account"),
                                rs.getBoolean("charges_enabled"),
                                Duration.ofMinutes(rs.getInt("payment_window_minutes")),
                                rs.getInt("refund_percent")))
                        .findOne())
                .orElseGet(() -> PaymentSettings.none(business));
    }

    @Override
    public void saveSettings(PaymentSettings settings) {
        try {
            jdbi.useHandle(h -> h.createUpdate("insert into payment_settings (business_id, stripe_account, "
                            + "charges_enabled, payment_window_minutes, refund_percent) values (:business, :account, "
                            + ":enabled, :window, :percent) on conflict (business_id) do update set "
                            + "stripe_account = excluded.stripe_account, charges_enabled = excluded.charges_enabled, "
                            + "payment_window_minutes = excluded.payment_window_minutes, "
                            + "refund_percent = excluded.refund_percent, updated_at = now()")
                    .bind("business", settings.businessId().value())
                    .bind("account", settings.account().orElse(null))
                    .bind("enabled", settings.chargesEnabled())
                    .bind("window", settings.paymentWindow().toMinutes())
                    .bind("percent", settings.refundPercent())
                    .execute());
        } catch (JdbiException e) {
            if (PostgresErrors.violatesUnique(e, ONE_ACCOUNT_EACH)) {
                // accounts are opened by us, one per business: another business's is a fault, not a client's input
                throw new IllegalStateException("that Stripe account belongs to another business", e);
            }
            throw e;
        }
    }

    @Override
    public Optional<BusinessId> businessOfAccount(String account) {
        return jdbi.withHandle(
                h -> h.createQuery("select business_id from payment_settings where stripe_account = :account")
                        .bind("account", account)
                        .map((rs, ctx) -> new BusinessId(Rows.uuid(rs, "business_id")))
                        .findOne());
    }

    @Override
    public void add(Payment payment) {
        try {
            jdbi.useHandle(h -> h.createUpdate("insert into payments (" + COLUMNS + ") values (:business, :id, "
                            + ":appointment, :kind, :method, :amount, :refunded, :currency, :status, :account, :session, "
                            + ":url, :intent, :payBy, :issue, :created, :updated)")
                    .bind("business", payment.businessId().value())
                    .bind("id", payment.id().value())
                    .bind("appointment", payment.appointmentId().value())
                    .bind("kind", payment.kind().code())
                    .bind("method", payment.method().code())
                    .bind("amount", payment.amount().amount())
                    .bind("refunded", payment.refunded().amount())
                    .bind("currency", payment.amount().currency().getCurrencyCode())
                    .bind("status", payment.status().code())
                    .bind("account", payment.account().orElse(null))
                    .bind("session", payment.checkoutSession().orElse(null))
                    .bind("url", payment.checkoutUrl().orElse(null))
                    .bind("intent", payment.paymentIntent().orElse(null))
                    .bind("payBy", Rows.timestamp(payment.payBy().orElse(null)))
                    .bind("issue", payment.issue().orElse(null))
                    .bind("created", Rows.timestamp(payment.createdAt()))
                    .bind("updated", Rows.timestamp(payment.updatedAt()))
                    .execute());
        } catch (RuntimeException e) {
            if (PostgresErrors.violatesUnique(e, "payments_one_deposit_by_hand")) {
                throw new ConcurrentUpdateException("the deposit of appointment " + payment.appointmentId());
            }
            throw e;
        }
    }

    @Override
    public Optional<Payment> find(BusinessId business, PaymentId payment) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "where business_id = :business and id = :id")
                .bind("business", business.value())
                .bind("id", payment.value())
                .map(JdbiPaymentRepository::payment)
                .findOne());
    }

    @Override
    public Optional<Payment> findByIntent(BusinessId business, String paymentIntent) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "where business_id = :business and payment_intent = :intent")
                .bind("business", business.value())
                .bind("intent", paymentIntent)
                .map(JdbiPaymentRepository::payment)
                .findOne());
    }

    @Override
    public List<Payment> ofAppointment(BusinessId business, AppointmentId appointment) {
        return jdbi.withHandle(h -> h.createQuery(SELECT + "where business_id = :business "
                        + "and appointment_id = :appointment order by created_at, id")
                .bind("business", business.value())
                .bind("appointment", appointment.value())
                .map(JdbiPaymentRepository::payment)
                .list());
    }

    @Override
    public List<Payment> list(BusinessId business, int offset, int limit) {
        checkPage(offset, limit);
        return jdbi.withHandle(h -> h.createQuery(SELECT + "where business_id = :business "
                        + "order by created_at desc, id desc offset :offset limit :limit")
                .bind("business", business.value())
                .bind("offset", offset)
                .bind("limit", limit)
                .map(JdbiPaymentRepository::payment)
                .list());
    }

    private static void checkPage(int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("a page starts at 0 or later and holds 0 or more payments");
        }
    }

    @Override
    public boolean openedCheckout(BusinessId business, PaymentId payment, String session, URI url, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("update payments set checkout_session = :session, "
                                + "checkout_url = :url, updated_at = :at "
                                + "where business_id = :business and id = :id and status = 'open'")
                        .bind("session", session)
                        .bind("url", url.toString())
                        .bind("at", Rows.timestamp(at))
                        .bind("business", business.value())
                        .bind("id", payment.value())
                        .execute())
                == 1;
    }

    @Override
    public Optional<Payment> markPaid(BusinessId business, PaymentId payment, String paymentIntent, Instant at) {
        return jdbi.withHandle(h -> h.createQuery("update payments set status = 'paid', payment_intent = :intent, "
                        + "updated_at = :at where business_id = :business and id = :id "
                        + "and status in ('open', 'expired', 'cancelled') returning " + COLUMNS)
                .bind("intent", paymentIntent)
                .bind("at", Rows.timestamp(at))
                .bind("business", business.value())
                .bind("id", payment.value())
                .map(JdbiPaymentRepository::payment)
                .findOne());
    }

    @Override
    public boolean markExpired(BusinessId business, PaymentId payment, Instant at) {
        return closeOpen(business, payment, PaymentStatus.EXPIRED, at);
    }

    @Override
    public boolean markCancelled(BusinessId business, PaymentId payment, Instant at) {
        return closeOpen(business, payment, PaymentStatus.CANCELLED, at);
    }

    private boolean closeOpen(BusinessId business, PaymentId payment, PaymentStatus to, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("update payments set status = :to, updated_at = :at "
                                + "where business_id = :business and id = :id and status = 'open'")
                        .bind("to", to.code())
                        .bind("at", Rows.timestamp(at))
                        .bind("business", business.value())
                        .bind("id", payment.value())
                        .execute())
                == 1;
    }

    @Override
    public int expireLapsed(Instant now, int limit) {
        // across businesses: the engine's own sweep (index payments_lapsing). Rows a payment's news holds are
        // skipped, not waited for: that news decides them, and the next sweep finds them if it did not. The choice
        // is made once (materialized): a subquery joined to the update may be scanned again for each row, and
        // would then pass over the rows this statement already changed to the next ones, past the limit
        return jdbi.withHandle(h -> h.createUpdate("with lapsed as materialized (select business_id, id "
                        + "from payments where status = 'open' and pay_by <= :now order by pay_by limit :limit "
                        + "for update skip locked) update payments p set status = 'expired', updated_at = :now "
                        + "from lapsed where p.business_id = lapsed.business_id and p.id = lapsed.id "
                        + "and p.status = 'open'")
                .bind("now", Rows.timestamp(now))
                .bind("limit", limit)
                .execute());
    }

    @Override
    public void recordIssue(BusinessId business, PaymentId payment, String issue, Instant at) {
        jdbi.useHandle(h -> h.createUpdate(
                        "update payments set issue = :issue, updated_at = :at where business_id = :business and id = :id")
                .bind("issue", issue)
                .bind("at", Rows.timestamp(at))
                .bind("business", business.value())
                .bind("id", payment.value())
                .execute());
    }

    @Override
    public boolean requestRefund(Refund refund) {
        if (refund.status() != RefundStatus.REQUESTED) {
            throw new IllegalArgumentException("a refund is recorded as requested, before Stripe answers");
        }
        return jdbi.inTransaction(h -> {
            // one statement: of refunds racing for one payment, each is checked against what the ones before took
            int reserved = h.createUpdate("update payments set refunded = refunded + :amount, updated_at = :at "
                            + "where business_id = :business and id = :payment and status = 'paid' "
                            + "and method = 'stripe' and currency = :currency and refunded + :amount <= amount")
                    .bind("amount", refund.amount().amount())
                    .bind("at", Rows.timestamp(refund.createdAt()))
                    .bind("business", refund.businessId().value())
                    .bind("payment", refund.paymentId().value())
                    .bind("currency", refund.amount().currency().getCurrencyCode())
                    .execute();
            if (reserved == 0) {
                return false;
            }
            h.createUpdate("insert into refunds (business_id, id, payment_id, amount, reason, status, "
                            + "stripe_refund, created_at) values (:business, :id, :payment, :amount, :reason, "
                            + "'requested', :stripe, :created)")
                    .bind("business", refund.businessId().value())
                    .bind("id", refund.id())
                    .bind("payment", refund.paymentId().value())
                    .bind("amount", refund.amount().amount())
                    .bind("reason", refund.reason().code())
                    .bind("stripe", refund.stripeRefund().orElse(null))
                    .bind("created", Rows.timestamp(refund.createdAt()))
                    .execute();
            return true;
        });
    }

    @Override
    public boolean settleRefund(
            BusinessId business, UUID refund, RefundStatus status, Optional<String> stripeRefund, Instant at) {
        if (status == RefundStatus.REQUESTED) {
            throw new IllegalArgumentException("a refund is settled as succeeded or failed");
        }
        record Settled(UUID payment, BigDecimal amount) {}
        return jdbi.inTransaction(h -> {
            Optional<Settled> settled = h.createQuery("update refunds set status = :status, "
                            + "stripe_refund = coalesce(:stripe, stripe_refund), settled_at = :at "
                            + "where business_id = :business and id = :id and status = 'requested' "
                            + "returning payment_id, amount")
                    .bind("status", status.code())
                    .bind("stripe", stripeRefund.orElse(null))
                    .bind("at", Rows.timestamp(at))
                    .bind("business", business.value())
                    .bind("id", refund)
                    .map((rs, ctx) -> new Settled(Rows.uuid(rs, "payment_id"), rs.getBigDecimal("amount")))
                    .findOne();
            if (settled.isEmpty()) {
                return false;
            }
            if (status == RefundStatus.FAILED) {
                // what it reserved can be refunded again
                h.createUpdate("update payments set refunded = refunded - :amount, updated_at = :at "
                                + "where business_id = :business and id = :payment")
                        .bind("amount", settled.get().amount())
                        .bind("at", Rows.timestamp(at))
                        .bind("business", business.value())
                        .bind("payment", settled.get().payment())
                        .execute();
            }
            return true;
        });
    }

    @Override
    public List<Refund> refunds(BusinessId business, PaymentId payment) {
        return jdbi.withHandle(h -> h.createQuery(SELECT_REFUNDS
                        + "where r.business_id = :business and r.payment_id = :payment order by r.created_at, r.id")
                .bind("business", business.value())
                .bind("payment", payment.value())
                .map(JdbiPaymentRepository::refund)
                .list());
    }

    @Override
    public List<Refund> unsettledRefunds(Instant before, int limit) {
        // across businesses: the engine's own sweep (index refunds_unsettled)
        return jdbi.withHandle(h -> h.createQuery(SELECT_REFUNDS
                        + "where r.status = 'requested' and r.created_at < :before order by r.created_at, r.id "
                        + "limit :limit")
                .bind("before", Rows.timestamp(before))
                .bind("limit", limit)
                .map(JdbiPaymentRepository::refund)
                .list());
    }

    @Override
    public boolean recordEvent(String eventId, String type, Instant at) {
        return jdbi.withHandle(h -> h.createUpdate("insert into payment_events (event_id, type, received_at) "
                                + "values (:id, :type, :at) on conflict (event_id) do nothing")
                        .bind("id", eventId)
                        .bind("type", type)
                        .bind("at", Rows.timestamp(at))
                        .execute())
                == 1;
    }

    @Override
    public List<Totals> totals(BusinessId business, TimeRange range) {
        return jdbi.withHandle(h -> h.createQuery("select currency, "
                        + "coalesce(sum(amount) filter (where status = 'paid'), 0) as paid, "
                        + "coalesce(sum(refunded) filter (where status = 'paid'), 0) as refunded, "
                        + "coalesce(sum(amount) filter (where status = 'open'), 0) as pending "
                        + "from payments where business_id = :business and status in ('paid', 'open') "
                        + "and created_at >= :from and created_at < :to group by currency order by currency")
                .bind("business", business.value())
                .bind("from", Rows.timestamp(range.start()))
                .bind("to", Rows.timestamp(range.end()))
                .map((rs, ctx) -> {
                    Currency currency = Currency.getInstance(rs.getString("currency"));
                    return new Totals(
                            new Money(rs.getBigDecimal("paid"), currency),
                            new Money(rs.getBigDecimal("refunded"), currency),
                            new Money(rs.getBigDecimal("pending"), currency));
                })
                .list());
    }

    private static Payment payment(ResultSet rs, StatementContext ctx) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new Payment(
                new PaymentId(Rows.uuid(rs, "id")),
                new BusinessId(Rows.uuid(rs, "business_id")),
                new AppointmentId(Rows.uuid(rs, "appointment_id")),
                PaymentKind.valueOf(rs.getString("kind").toUpperCase(Locale.ROOT)),
                PaymentMethod.valueOf(rs.getString("method").toUpperCase(Locale.ROOT)),
                new Money(rs.getBigDecimal("amount"), currency),
                new Money(rs.getBigDecimal("refunded"), currency),
                PaymentStatus.parse(rs.getString("status")),
                Rows.optionalString(rs, "stripe_account"),
                Rows.optionalString(rs, "checkout_session"),
                Rows.optionalString(rs, "checkout_url"),
                Rows.optionalString(rs, "payment_intent"),
                Rows.optionalInstant(rs, "pay_by"),
                Rows.optionalString(rs, "issue"),
                Rows.instant(rs, "created_at"),
                Rows.instant(rs, "updated_at"));
    }

    private static Refund refund(ResultSet rs, StatementContext ctx) throws SQLException {
        return new Refund(
                Rows.uuid(rs, "id"),
                new BusinessId(Rows.uuid(rs, "business_id")),
                new PaymentId(Rows.uuid(rs, "payment_id")),
                new Money(rs.getBigDecimal("amount"), Currency.getInstance(rs.getString("currency"))),
                RefundReason.parse(rs.getString("reason")),
                RefundStatus.parse(rs.getString("status")),
                Rows.optionalString(rs, "stripe_refund"),
                Rows.instant(rs, "created_at"));
    }
}
