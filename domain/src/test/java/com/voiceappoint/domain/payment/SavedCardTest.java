package com.voiceappoint.domain.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.domain.appointment.AppointmentId;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SavedCardTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final BusinessId BUSINESS = BusinessId.random();
    private static final AppointmentId APPOINTMENT = AppointmentId.random();
    private static final Money FEE = Money.of("20.00", "EUR");

    private static SavedCard saved(SavedCard pending) {
        return new SavedCard(
                pending.id(),
                pending.businessId(),
                pending.appointmentId(),
                pending.account(),
                pending.fee(),
                pending.deposit(),
                SavedCardStatus.SAVED,
                pending.checkoutSession(),
                pending.checkoutUrl(),
                Optional.of("cus_1"),
                Optional.of("seti_1"),
                Optional.empty(),
                pending.saveBy(),
                pending.createdAt(),
                NOW);
    }

    private static Payment deposit(String amount) {
        return Payment.deposit(
                BUSINESS, APPOINTMENT, Money.of(amount, "EUR"), "acct_1", NOW.plus(Duration.ofMinutes(31)), NOW);
    }

    private static Payment paid(Payment open, String refunded) {
        return new Payment(
                open.id(),
                open.businessId(),
                open.appointmentId(),
                open.kind(),
                open.method(),
                open.amount(),
                Money.of(refunded, "EUR"),
                PaymentStatus.PAID,
                open.account(),
                open.checkoutSession(),
                open.checkoutUrl(),
                Optional.of("pi_1"),
                open.payBy(),
                open.issue(),
                open.createdAt(),
                NOW);
    }

    @Test
    void a_deposit_paid_counts_against_the_fee_and_only_the_difference_is_left() {
        SavedCard card = SavedCard.onItsOwnPage(BUSINESS, APPOINTMENT, "acct_1", FEE, NOW.plusSeconds(1860), NOW);

        assertThat(card.feeBeyond(List.of())).contains(FEE);
        assertThat(card.feeBeyond(List.of(paid(deposit("15.00"), "0.00")))).contains(Money.of("5.00", "EUR"));
        // what was given back of it is no longer held
        assertThat(card.feeBeyond(List.of(paid(deposit("15.00"), "7.50")))).contains(Money.of("12.50", "EUR"));
        // an unpaid deposit holds nothing
        assertThat(card.feeBeyond(List.of(deposit("15.00")))).contains(FEE);
        assertThat(card.feeBeyond(List.of(paid(deposit("20.00"), "0.00")))).isEmpty();
        assertThat(card.feeBeyond(List.of(paid(deposit("25.00"), "0.00")))).isEmpty();
        assertThat(card.feeBeyond(List.of(Payment.takenInPerson(BUSINESS, APPOINTMENT, Money.of("8.00", "EUR"), NOW))))
                .contains(Money.of("12.00", "EUR"));
    }

    @Test
    void a_card_kept_by_a_deposit_lapses_with_it_and_has_no_page_of_its_own() {
        Payment deposit = deposit("15.00");
        SavedCard card = SavedCard.keptByDeposit(deposit, FEE, NOW);

        assertThat(card.keptByDeposit()).isTrue();
        assertThat(card.deposit()).contains(deposit.id());
        assertThat(card.saveBy()).isEqualTo(deposit.payBy().orElseThrow());
        assertThat(card.account()).isEqualTo("acct_1");
        assertThat(card.isPending()).isTrue();
        assertThatThrownBy(() -> new SavedCard(
                        card.id(),
                        BUSINESS,
                        APPOINTMENT,
                        "acct_1",
                        FEE,
                        card.deposit(),
                        SavedCardStatus.PENDING,
                        Optional.of("cs_1"),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        card.saveBy(),
                        NOW,
                        NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_saved_card_names_its_customer_and_a_fee_is_charged_only_to_a_saved_card() {
        SavedCard pending = SavedCard.onItsOwnPage(BUSINESS, APPOINTMENT, "acct_1", FEE, NOW.plusSeconds(1860), NOW);
        assertThatThrownBy(() -> Payment.noShowFee(pending, FEE, NOW)).isInstanceOf(IllegalArgumentException.class);

        Payment fee = Payment.noShowFee(saved(pending), Money.of("5.00", "EUR"), NOW);
        assertThat(fee.kind()).isEqualTo(PaymentKind.NO_SHOW_FEE);
        assertThat(fee.method()).isEqualTo(PaymentMethod.STRIPE);
        assertThat(fee.account()).contains("acct_1");
        assertThat(fee.payBy()).isEmpty();
        assertThat(fee.isFeeToCharge()).isTrue();
        assertThat(deposit("15.00").isFeeToCharge()).isFalse();
    }

    @Test
    void a_no_show_fee_is_more_than_nothing_and_charged_only_once_payments_are_taken() {
        PaymentSettings none = PaymentSettings.none(BUSINESS);
        assertThat(none.noShowFee()).isEmpty();
        assertThatThrownBy(() -> new PaymentSettings(
                        BUSINESS,
                        Optional.of("acct_1"),
                        true,
                        PaymentSettings.DEFAULT_WINDOW,
                        100,
                        Optional.of(Money.of("0", "EUR"))))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("noShowFee"));

        PaymentSettings connecting = new PaymentSettings(
                BUSINESS, Optional.of("acct_1"), false, PaymentSettings.DEFAULT_WINDOW, 100, Optional.of(FEE));
        assertThat(connecting.chargesNoShows()).isFalse();
        assertThat(connecting.withChargesEnabled(true).chargesNoShows()).isTrue();
        assertThat(connecting.withChargesEnabled(true).noShowFee()).contains(FEE);
    }
}
