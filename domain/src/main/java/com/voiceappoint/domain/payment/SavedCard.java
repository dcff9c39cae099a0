package com.voiceappoint.domain.payment;

import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A client's card kept on the business's Stripe account for one appointment's no-show fee. A client booking online
 * at a business that charges one leaves it before the time is confirmed: on the deposit's Stripe page, which then
 * keeps the card as it takes the deposit, or, for a service without a deposit, on a Stripe page of its own that takes
 * no money. It is charged, without the client, only if staff mark the appointment a no-show.
 *
 * @param fee the no-show fee the client was told of when booking: what not coming costs them, whatever the business
 *     charges by the time of the appointment
 * @param deposit the deposit whose page keeps the card; none when the card has a page of its own
 *     ({@code checkoutSession}, {@code checkoutUrl})
 * @param customer the Stripe customer the card was saved to, once saved
 * @param savedBy what saved it on Stripe: the SetupIntent of its own page, or the deposit's PaymentIntent
 * @param paymentMethod the card itself, once read from {@code savedBy} (Stripe's news of the page does not name it)
 * @param saveBy until when the time is kept for the card; a pending card lapses with it
 */
public record SavedCard(
        SavedCardId id,
        BusinessId businessId,
        AppointmentId appointmentId,
        String account,
        Money fee,
        Optional<PaymentId> deposit,
        SavedCardStatus status,
        Optional<String> checkoutSession,
        Optional<String> checkoutUrl,
        Optional<String> customer,
        Optional<String> savedBy,
        Optional<String> paymentMethod,
        Instant saveBy,
        Instant createdAt,
        Instant updatedAt) {

    public SavedCard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(appointmentId, "appointmentId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(deposit, "deposit");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(checkoutSession, "checkoutSession");
        Objects.requireNonNull(checkoutUrl, "checkoutUrl");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(savedBy, "savedBy");
        Objects.requireNonNull(paymentMethod, "paymentMethod");
        Objects.requireNonNull(saveBy, "saveBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (fee.amount().signum() <= 0) {
            throw new IllegalArgumentException("a no-show fee is of more than nothing");
        }
        if (deposit.isPresent() && checkoutSession.isPresent()) {
            throw new IllegalArgumentException("a card kept by its deposit's page has no page of its own");
        }
        if (status == SavedCardStatus.SAVED && (customer.isEmpty() || savedBy.isEmpty())) {
            throw new IllegalArgumentException("a saved card names its Stripe customer and what saved it");
        }
    }

    /** A card the deposit's page keeps as it takes the deposit: asked for as long as the deposit is. */
    public static SavedCard keptByDeposit(Payment deposit, Money fee, Instant now) {
        if (deposit.kind() != PaymentKind.DEPOSIT
                || deposit.account().isEmpty()
                || deposit.payBy().isEmpty()) {
            throw new IllegalArgumentException("a card is kept by an open deposit paid through Stripe");
        }
        return new SavedCard(
                SavedCardId.random(),
                deposit.businessId(),
                deposit.appointmentId(),
                deposit.account().get(),
                fee,
                Optional.of(deposit.id()),
                SavedCardStatus.PENDING,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                deposit.payBy().get(),
                now,
                now);
    }

    /** A card asked for on a Stripe page of its own, which takes no money, by {@code saveBy}. */
    public static SavedCard onItsOwnPage(
            BusinessId business, AppointmentId appointment, String account, Money fee, Instant saveBy, Instant now) {
        return new SavedCard(
                SavedCardId.random(),
                business,
                appointment,
                account,
                fee,
                Optional.empty(),
                SavedCardStatus.PENDING,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                saveBy,
                now,
                now);
    }

    public boolean isPending() {
        return status == SavedCardStatus.PENDING;
    }

    public boolean isSaved() {
        return status == SavedCardStatus.SAVED;
    }

    /** Whether it was saved by the deposit's payment (a PaymentIntent) rather than a page of its own (a SetupIntent). */
    public boolean keptByDeposit() {
        return deposit.isPresent();
    }

    /**
     * What a no-show still costs the client once the deposits they paid for the appointment are counted: the
     * business keeps a deposit when its client does not come, so only the difference is charged. Empty when the
     * deposits cover the fee.
     */
    public Optional<Money> feeBeyond(List<Payment> paymentsOfAppointment) {
        BigDecimal kept = paymentsOfAppointment.stream()
                .filter(p -> p.kind() == PaymentKind.DEPOSIT
                        && p.status() == PaymentStatus.PAID
                        && p.amount().currency().equals(fee.currency()))
                .map(p -> p.amount().amount().subtract(p.refunded().amount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal left = fee.amount().subtract(kept);
        return left.signum() > 0 ? Optional.of(new Money(left, fee.currency())) : Optional.empty();
    }
}
