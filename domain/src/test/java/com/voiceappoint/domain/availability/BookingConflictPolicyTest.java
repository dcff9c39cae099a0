package com.voiceappoint.domain.availability;

import static com.voiceappoint.domain.availability.Fixtures.ANA;
import static com.voiceappoint.domain.availability.Fixtures.BEA;
import static com.voiceappoint.domain.availability.Fixtures.CARLOS;
import static com.voiceappoint.domain.availability.Fixtures.at;
import static com.voiceappoint.domain.availability.Fixtures.calendar;
import static com.voiceappoint.domain.availability.Fixtures.policy;
import static com.voiceappoint.domain.availability.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.domain.business.BookingPolicy;
import com.voiceappoint.domain.catalog.Service;
import com.voiceappoint.domain.schedule.ProviderId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BookingConflictPolicyTest {
    private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
    private static final String DAY = "2026-12-01";
    private static final Instant NOW = at(MADRID, "2026-11-25T12:00");
    private static final BookingPolicy POLICY = policy(30, Duration.ofHours(2), Duration.ofDays(30));
    private static final Service HAIRCUT = service(60);

    private final BookingConflictPolicy policy = new BookingConflictPolicy();

    private final BookingCalendar salon = calendar(MADRID)
            .open("09:00-13:00", "15:00-19:00")
            .closedOn("2026-12-08")
            .provider(ANA)
            .booked(DAY + "T10:00", DAY + "T11:00")
            .provider(BEA)
            .booked(DAY + "T10:00", DAY + "T12:00")
            .build();

    @Test
    void accepts_a_free_time_with_the_requested_provider() {
        var decision = policy.evaluate(salon, HAIRCUT, POLICY, NOW, at(MADRID, DAY + "T11:00"), Optional.of(ANA));

        assertThat(decision).isInstanceOfSatisfying(BookingDecision.Accepted.class, accepted -> {
            assertThat(accepted.provider()).isEqualTo(ANA);
            assertThat(accepted.time().start()).isEqualTo(at(MADRID, DAY + "T11:00"));
            assertThat(accepted.time().end()).isEqualTo(at(MADRID, DAY + "T12:00"));
        });
    }

    @Test
    void accepts_a_start_off_the_slot_grid_when_it_fits() {
        var decision = policy.evaluate(salon, HAIRCUT, POLICY, NOW, at(MADRID, DAY + "T16:10"), Optional.of(ANA));

        assertThat(decision).isInstanceOf(BookingDecision.Accepted.class);
    }

    @Test
    void any_provider_goes_to_the_least_booked_then_the_business_order() {
        var calendar = calendar(MADRID)
                .open("09:00-19:00")
                .provider(ANA)
                .booked(DAY + "T09:00", DAY + "T10:00")
                .provider(BEA)
                .provider(CARLOS)
                .build();

        var decision = policy.evaluate(calendar, HAIRCUT, POLICY, NOW, at(MADRID, DAY + "T15:00"), Optional.empty());

        assertThat(decision)
                .isInstanceOfSatisfying(
                        BookingDecision.Accepted.class,
                        accepted -> assertThat(accepted.provider()).isEqualTo(BEA));
    }

    @Test
    void taken_slot_offers_same_provider_same_day_first_then_anyone_then_later_days() {
        var decision = policy.evaluate(salon, HAIRCUT, POLICY, NOW, at(MADRID, DAY + "T10:00"), Optional.of(BEA));

        assertThat(decision).isInstanceOfSatisfying(BookingDecision.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(RefusalReason.SLOT_TAKEN);
            assertThat(refused.alternatives())
                    .extracting(a -> a.start().atZone(MADRID).toLocalTime() + " " + name(a.provider()))
                    // nearest first: 09:00 (1 h before), 12:00 (2 h after), then 15:00 (12:30 would overrun 13:00)
                    .containsExactly("09:00 Bea", "12:00 Bea", "15:00 Bea");
        });
    }

    @Test
    void with_no_provider_asked_for_the_nearest_times_of_anyone_come_first() {
        var decision = policy.evaluate(salon, HAIRCUT, POLICY, NOW, at(MADRID, DAY + "T10:30"), Optional.empty());

        assertThat(decision).isInstanceOfSatisfying(BookingDecision.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(RefusalReason.SLOT_TAKEN);
            assertThat(refused.alternatives())
                    .extracting(a -> a.start().atZone(MADRID).toLocalTime().toString())
                    .containsExactly("11:00", "11:30", "09:00");
            assertThat(refused.alternatives().get(0).provider()).isEqualTo(ANA);
        });
    }

    @Test
    void closed_day_refuses_as_closed_and_offers_the_next_open_days() {
        var decision = policy.evaluate(salon, HAIRCUT, POLICY, NOW, at(MADRID, "2026-12-08T10:00"), Optional.empty());

        assertThat(decision).isInstanceOfSatisfying(BookingDecision.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(RefusalReason.BUSINESS_CLOSED);
            assertThat(refused.alternatives())
                    .hasSize(3)
                    .allSatisfy(a -> assertThat(
                                    a.start().atZone(MADRID).toLocalDate().toString())
                            .isEqualTo("2026-12-09"));
        });
    }

    @Test
    void a_day_the_business_opens_but_the_performers_are_off_is_not_called_closed() {
        var calendar = calendar(MADRID)
                .open("09:00-19:00")
                .provider(ANA)
                .dayOff(DAY)
                .provider(BEA)
                .dayOff(DAY)
                .build();

        assertThat(refusal(
                        policy.evaluate(calendar, HAIRCUT, POLICY, NOW, at(MADRID, DAY + "T10:00"), Optional.empty())))
                .isEqualTo(RefusalReason.NOBODY_WORKING);
        assertThat(refusal(
                        policy.evaluate(calendar, HAIRCUT, POLICY, NOW, at(MADRID, DAY + "T10:00"), Optional.of(ANA))))
                .isEqualTo(RefusalReason.PROVIDER_NOT_WORKING);
    }

    @Test
    void a_time_when_nobody_works_is_outside_hours() {
        var decision = policy.evaluate(salon, HAIRCUT, POLICY, NOW, at(MADRID, DAY + "T13:30"), Optional.empty());

        assertThat(refusal(decision)).isEqualTo(RefusalReason.OUTSIDE_HOURS);
    }

    @Test
    void an_appointment_running_past_closing_is_outside_hours() {
        var decision = policy.evaluate(salon, HAIRCUT, POLICY, NOW, at(MADRID, DAY + "T12:30"), Optional.of(ANA));

        assertThat(refusal(decision)).isEqualTo(RefusalReason.OUTSIDE_HOURS);
    }

    @Test
    void inside_the_minimum_notice_is_too_soon_with_the_first_bookable_times_offered() {
        var decision = policy.evaluate(
                salon, HAIRCUT, POLICY, at(MADRID, DAY + "T08:30"), at(MADRID, DAY + "T09:00"), Optional.empty());

        assertThat(decision).isInstanceOfSatisfying(BookingDecision.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(RefusalReason.TOO_SOON);
            assertThat(refused.alternatives())
                    .allSatisfy(a -> assertThat(a.start()).isAfterOrEqualTo(at(MADRID, DAY + "T10:30")));
        });
    }

    @Test
    void the_past_is_refused_as_such() {
        var decision = policy.evaluate(salon, HAIRCUT, POLICY, NOW, at(MADRID, "2026-11-20T10:00"), Optional.empty());

        assertThat(refusal(decision)).isEqualTo(RefusalReason.IN_THE_PAST);
    }

    @Test
    void beyond_the_horizon_is_too_far_and_the_last_bookable_times_are_offered() {
        var decision = policy.evaluate(salon, HAIRCUT, POLICY, NOW, at(MADRID, "2027-03-01T10:00"), Optional.empty());

        assertThat(decision).isInstanceOfSatisfying(BookingDecision.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(RefusalReason.TOO_FAR_IN_ADVANCE);
            assertThat(refused.alternatives())
                    .hasSize(3)
                    .allSatisfy(a -> assertThat(a.start())
                            .isBeforeOrEqualTo(NOW.plus(Duration.ofDays(30)))
                            .isAfter(NOW.plus(Duration.ofDays(28))));
        });
    }

    @Test
    void a_provider_who_does_not_perform_the_service_is_refused_and_those_who_do_are_offered() {
        Service coloring = service(60, 0, 0, ANA);

        var decision = policy.evaluate(salon, coloring, POLICY, NOW, at(MADRID, DAY + "T16:00"), Optional.of(BEA));

        assertThat(decision).isInstanceOfSatisfying(BookingDecision.Refused.class, refused -> {
            assertThat(refused.reason()).isEqualTo(RefusalReason.PROVIDER_NOT_ELIGIBLE);
            assertThat(refused.alternatives())
                    .isNotEmpty()
                    .allSatisfy(a -> assertThat(a.provider()).isEqualTo(ANA));
            assertThat(refused.alternatives().get(0).start()).isEqualTo(at(MADRID, DAY + "T16:00"));
        });
    }

    @Test
    void a_provider_unknown_to_the_calendar_is_not_eligible() {
        var stranger = ProviderId.random();

        var decision = policy.evaluate(salon, HAIRCUT, POLICY, NOW, at(MADRID, DAY + "T16:00"), Optional.of(stranger));

        assertThat(refusal(decision)).isEqualTo(RefusalReason.PROVIDER_NOT_ELIGIBLE);
    }

    @Test
    void buffers_count_against_neighbours() {
        Service withCleanup = service(60, 0, 30);
        var calendar = calendar(MADRID)
                .open("09:00-19:00")
                .provider(ANA)
                .booked(DAY + "T12:00", DAY + "T13:00")
                .build();

        assertThat(refusal(policy.evaluate(
                        calendar, withCleanup, POLICY, NOW, at(MADRID, DAY + "T10:45"), Optional.empty())))
                .isEqualTo(RefusalReason.SLOT_TAKEN);
        assertThat(policy.evaluate(calendar, withCleanup, POLICY, NOW, at(MADRID, DAY + "T10:30"), Optional.empty()))
                .isInstanceOf(BookingDecision.Accepted.class);
    }

    @Test
    void the_number_of_alternatives_is_configurable() {
        var decision = policy.evaluate(salon, HAIRCUT, POLICY, NOW, at(MADRID, DAY + "T10:00"), Optional.empty(), 5);

        assertThat(decision)
                .isInstanceOfSatisfying(
                        BookingDecision.Refused.class,
                        refused -> assertThat(refused.alternatives()).hasSize(5));
    }

    private static RefusalReason refusal(BookingDecision decision) {
        assertThat(decision).isInstanceOf(BookingDecision.Refused.class);
        return ((BookingDecision.Refused) decision).reason();
    }

    private static String name(ProviderId id) {
        return List.of(ANA, BEA, CARLOS).indexOf(id) == 0 ? "Ana" : id.equals(BEA) ? "Bea" : "Carlos";
    }

    @Test
    void the_days_searched_for_alternatives_are_the_days_a_caller_must_load() {
        var within = BookingConflictPolicy.alternativeDays(MADRID, POLICY, NOW, at(MADRID, DAY + "T10:00"));
        var beyond = BookingConflictPolicy.alternativeDays(MADRID, POLICY, NOW, at(MADRID, "2027-03-01T10:00"));
        var past = BookingConflictPolicy.alternativeDays(MADRID, POLICY, NOW, at(MADRID, "2026-11-01T10:00"));

        assertThat(within.covering()).hasValueSatisfying(r -> {
            assertThat(r.first()).isEqualTo(LocalDate.parse(DAY));
            assertThat(r.last()).isEqualTo(LocalDate.parse(DAY).plusDays(14));
        });
        assertThat(beyond.sameDay()).isEmpty();
        assertThat(beyond.preceding())
                .hasValueSatisfying(r -> assertThat(r.last()).isEqualTo(LocalDate.parse("2026-12-25")));
        assertThat(past.following())
                .hasValueSatisfying(r -> assertThat(r.first()).isEqualTo(LocalDate.parse("2026-11-25")));
    }
}
