package com.voiceappoint.domain.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.catalog.ServiceId;
import com.voiceappoint.domain.client.ClientId;
import com.voiceappoint.domain.schedule.ProviderId;
import com.voiceappoint.domain.shared.DomainException;
import com.voiceappoint.domain.shared.ErrorCode;
import com.voiceappoint.domain.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AppointmentTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private static final Instant START = Instant.parse("2026-11-25T09:00:00Z");
    private static final Duration CUTOFF = Duration.ofHours(24);
    private static final Service MASSAGE = new Service(
            ServiceId.random(),
            BusinessId.random(),
            Optional.empty(),
            "Massage",
            "",
            Duration.ofMinutes(50),
            Money.of("60", "EUR"),
            Duration.ofMinutes(5),
            Duration.ofMinutes(10),
            true,
            true,
            Set.of(),
            Optional.empty());

    private static Appointment confirmed() {
        return Appointment.confirmed(
                AppointmentId.random(),
                MASSAGE,
                ProviderId.random(),
                ClientId.random(),
                START,
                BookingSource.API,
                "",
                NOW);
    }

    private static Appointment held() {
        return Appointment.held(
                AppointmentId.random(),
                MASSAGE,
                ProviderId.random(),
                ClientId.random(),
                START,
                Duration.ofMinutes(5),
                BookingSource.VOICE,
                NOW);
    }

    @Test
    void a_booking_blocks_the_appointment_plus_its_buffers_and_snapshots_the_price() {
        Appointment appointment = confirmed();

        assertThat(appointment.time().length()).isEqualTo(Duration.ofMinutes(50));
        assertThat(appointment.blocked().start()).isEqualTo(START.minus(Duration.ofMinutes(5)));
        assertThat(appointment.blocked().end()).isEqualTo(START.plus(Duration.ofMinutes(60)));
        assertThat(appointment.price()).isEqualTo(Money.of("60.00", "EUR"));
        assertThat(appointment.status()).isEqualTo(AppointmentStatus.CONFIRMED);
    }

    @Test
    void only_held_pending_and_confirmed_take_time() {
        assertThat(EnumSet.allOf(AppointmentStatus.class).stream().filter(AppointmentStatus::blocksTime))
                .containsExactlyInAnyOrder(
                        AppointmentStatus.HELD, AppointmentStatus.PENDING_PAYMENT, AppointmentStatus.CONFIRMED);
    }

    @Test
    void only_confirmed_and_completed_earn_revenue() {
        assertThat(EnumSet.allOf(AppointmentStatus.class).stream().filter(AppointmentStatus::earnsRevenue))
                .containsExactlyInAnyOrder(AppointmentStatus.CONFIRMED, AppointmentStatus.COMPLETED);
    }

    @Test
    void everything_but_a_hold_and_a_lapsed_hold_counts_as_booked() {
        assertThat(EnumSet.allOf(AppointmentStatus.class).stream().filter(AppointmentStatus::wasBooked))
                .containsExactlyInAnyOrder(
                        AppointmentStatus.PENDING_PAYMENT,
                        AppointmentStatus.CONFIRMED,
                        AppointmentStatus.COMPLETED,
                        AppointmentStatus.NO_SHOW,
                        AppointmentStatus.CANCELLED);
    }

    @ParameterizedTest
    @EnumSource(
            value = AppointmentStatus.class,
            names = {"COMPLETED", "NO_SHOW", "CANCELLED", "EXPIRED"})
    void final_states_go_nowhere(AppointmentStatus status) {
        assertThat(EnumSet.allOf(AppointmentStatus.class)).noneMatch(status::canBecome);
    }

    @Test
    void a_live_hold_confirms_and_loses_its_expiry() {
        Appointment confirmed = held().confirm(NOW.plus(Duration.ofMinutes(4)));

        assertThat(confirmed.status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(confirmed.holdExpiresAt()).isEmpty();
        assertThat(confirmed.updatedAt()).isEqualTo(NOW.plus(Duration.ofMinutes(4)));
    }

    @Test
    void a_lapsed_hold_neither_confirms_nor_blocks() {
        Appointment hold = held();
        Instant later = NOW.plus(Duration.ofMinutes(5));

        assertThat(hold.blocksTime(NOW)).isTrue();
        assertThat(hold.blocksTime(later)).isFalse();
        assertThatThrownBy(() -> hold.confirm(later))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.HOLD_EXPIRED));
        assertThat(hold.expire(later).status()).isEqualTo(AppointmentStatus.EXPIRED);
    }

    @Test
    void the_business_cancels_any_time_and_the_reason_is_kept() {
        Appointment cancelled =
                confirmed().cancel(CancelledBy.BUSINESS, "provider ill", CUTOFF, START.minusSeconds(60));

        assertThat(cancelled.status()).isEqualTo(AppointmentStatus.CANCELLED);
        assertThat(cancelled.cancellation()).hasValueSatisfying(c -> {
            assertThat(c.by()).isEqualTo(CancelledBy.BUSINESS);
            assertThat(c.reason()).isEqualTo("provider ill");
        });
    }

    @Test
    void a_client_cancels_only_until_the_moment_the_cutoff_names() {
        Appointment appointment = confirmed();
        Instant lastChance = appointment.changeableUntil(CUTOFF);

        assertThat(lastChance).isEqualTo(START.minus(CUTOFF));
        assertThat(appointment
                        .cancel(CancelledBy.CLIENT, "", CUTOFF, lastChance)
                        .status())
                .isEqualTo(AppointmentStatus.CANCELLED);
        assertThatThrownBy(() -> appointment.cancel(CancelledBy.CLIENT, "", CUTOFF, lastChance.plusSeconds(1)))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CANCELLATION_TOO_LATE));
    }

    @Test
    void cancelling_twice_is_an_invalid_transition() {
        Appointment cancelled = confirmed().cancel(CancelledBy.BUSINESS, "", CUTOFF, NOW);

        assertThatThrownBy(() -> cancelled.cancel(CancelledBy.BUSINESS, "", CUTOFF, NOW))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION));
    }

    @Test
    void completed_and_no_show_only_once_the_appointment_has_started() {
        Appointment appointment = confirmed();

        assertThatThrownBy(() -> appointment.complete(START.minusSeconds(1))).isInstanceOf(DomainException.class);
        assertThat(appointment.complete(START).status()).isEqualTo(AppointmentStatus.COMPLETED);
        assertThat(appointment.markNoShow(START.plusSeconds(600)).status()).isEqualTo(AppointmentStatus.NO_SHOW);
    }

    @Test
    void a_reschedule_keeps_the_id_duration_and_price_and_recomputes_the_buffers() {
        Appointment appointment = confirmed();
        ProviderId other = ProviderId.random();
        Instant newStart = START.plus(Duration.ofDays(1));

        Appointment moved = appointment.reschedule(
                newStart, other, Duration.ofMinutes(5), Duration.ofMinutes(10), false, CUTOFF, NOW);

        assertThat(moved.id()).isEqualTo(appointment.id());
        assertThat(moved.providerId()).isEqualTo(other);
        assertThat(moved.time().start()).isEqualTo(newStart);
        assertThat(moved.time().length()).isEqualTo(Duration.ofMinutes(50));
        assertThat(moved.blocked().end()).isEqualTo(newStart.plus(Duration.ofMinutes(60)));
        assertThat(moved.price()).isEqualTo(appointment.price());
    }

    @Test
    void a_cancelled_appointment_cannot_be_moved() {
        Appointment cancelled = confirmed().cancel(CancelledBy.BUSINESS, "", CUTOFF, NOW);

        assertThatThrownBy(() -> cancelled.reschedule(
                        START, cancelled.providerId(), Duration.ZERO, Duration.ZERO, false, CUTOFF, NOW))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION));
    }

    @Test
    void the_business_cannot_rewrite_an_appointment_that_has_ended_as_cancelled() {
        Appointment appointment = confirmed();

        assertThatThrownBy(() -> appointment.cancel(CancelledBy.BUSINESS, "", CUTOFF, appointment.end()))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE_TRANSITION));
        assertThat(appointment
                        .cancel(
                                CancelledBy.BUSINESS,
                                "",
                                CUTOFF,
                                appointment.end().minusSeconds(1))
                        .status())
                .isEqualTo(AppointmentStatus.CANCELLED);
    }

    @Test
    void a_lapsed_hold_cannot_start_waiting_for_payment() {
        Appointment hold = held();

        Instant later = NOW.plus(Duration.ofHours(2));
        assertThatThrownBy(() -> hold.awaitPayment(later.plus(Duration.ofMinutes(30)), later))
                .isInstanceOfSatisfying(
                        DomainException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.HOLD_EXPIRED));
        assertThat(hold.awaitPayment(NOW.plus(Duration.ofMinutes(31)), NOW.plusSeconds(60))
                        .status())
                .isEqualTo(AppointmentStatus.PENDING_PAYMENT);
    }

    @Test
    void a_time_kept_for_a_payment_lapses_at_its_deadline_and_a_payment_confirms_it_even_after() {
        Appointment kept = held().awaitPayment(NOW.plus(Duration.ofMinutes(30)), NOW.plusSeconds(60));

        assertThat(kept.blocksTime(NOW.plus(Duration.ofMinutes(29)))).isTrue();
        assertThat(kept.isLapsedHold(NOW.plus(Duration.ofMinutes(30)))).isTrue();
        // the provider took the payment before its deadline; its news may come later
        Appointment paid = kept.confirmPaid(NOW.plus(Duration.ofMinutes(31)));
        assertThat(paid.status()).isEqualTo(AppointmentStatus.CONFIRMED);
        assertThat(paid.holdExpiresAt()).isEmpty();
        // released meanwhile, it is booked again (whether the time is still free is the database's to say)
        Appointment released = kept.expire(NOW.plus(Duration.ofMinutes(30)));
        assertThat(released.confirmPaid(NOW.plus(Duration.ofMinutes(40))).status())
                .isEqualTo(AppointmentStatus.CONFIRMED);
        assertThatThrownBy(() -> paid.confirmPaid(NOW.plus(Duration.ofMinutes(41))))
                .isInstanceOf(DomainException.class);
    }

    @Test
    void a_time_kept_for_a_payment_has_a_deadline() {
        Appointment hold = held();
        assertThatThrownBy(() -> new Appointment(
                        hold.id(),
                        hold.businessId(),
                        hold.serviceId(),
                        hold.providerId(),
                        hold.clientId(),
                        hold.time(),
                        hold.blocked(),
                        AppointmentStatus.PENDING_PAYMENT,
                        hold.source(),
                        hold.price(),
                        "",
                        Optional.empty(),
                        Optional.empty(),
                        NOW,
                        NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
