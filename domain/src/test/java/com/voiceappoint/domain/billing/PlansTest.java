package com.voiceappoint.domain.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.domain.shared.InvalidValueException;
import com.voiceappoint.domain.shared.Money;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlansTest {
    private static final Plan FREE = new Plan("free", "Free", Money.of("0", "EUR"), Optional.of(30), Optional.empty());
    private static final Plan PRO =
            Plan.unlimited("pro", "Pro", Money.of("29", "EUR")).pricedInStripeAs("price_pro");

    @Test
    void a_capped_plan_allows_voice_bookings_up_to_its_cap_and_an_unlimited_one_any() {
        assertThat(FREE.allowsVoiceBooking(29)).isTrue();
        assertThat(FREE.allowsVoiceBooking(30)).isFalse();
        assertThat(FREE.capped()).isTrue();
        assertThat(PRO.allowsVoiceBooking(1_000_000)).isTrue();
        assertThat(PRO.capped()).isFalse();
        assertThat(new Plan("none", "None", Money.of("0", "EUR"), Optional.of(0), Optional.empty())
                        .allowsVoiceBooking(0))
                .isFalse();
    }

    @Test
    void the_first_plan_is_where_businesses_start_and_where_an_ended_subscription_leaves_them() {
        Plans plans = Plans.of(List.of(FREE, PRO));

        assertThat(plans.starting()).isEqualTo(FREE);
        assertThat(plans.byStripePrice("price_pro")).contains(PRO);
        assertThat(plans.byStripePrice("price_other")).isEmpty();
        assertThat(plans.capped()).containsExactly("free");
        assertThat(plans.subscribable()).isTrue();
        for (SubscriptionStatus status : SubscriptionStatus.values()) {
            assertThat(plans.planFor("pro", status)).isEqualTo(status.entitles() ? "pro" : "free");
        }
        assertThat(SubscriptionStatus.ACTIVE.entitles()).isTrue();
        assertThat(SubscriptionStatus.PAST_DUE.entitles()).isTrue();
        assertThat(SubscriptionStatus.CANCELED.entitles()).isFalse();
        assertThat(SubscriptionStatus.UNPAID.entitles()).isFalse();
    }

    @Test
    void a_plan_taken_out_of_the_configuration_keeps_no_limit() {
        Plan retired = Plans.of(List.of(FREE, PRO)).of("team");

        assertThat(retired.code()).isEqualTo("team");
        assertThat(retired.capped()).isFalse();
        assertThat(retired.subscribable()).isFalse();
    }

    @Test
    void a_configuration_that_cannot_work_is_refused() {
        assertThatThrownBy(() -> Plans.of(List.of())).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Plans.of(List.of(PRO, FREE)))
                .as("no one subscribes to the plan businesses start on")
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Plans.of(List.of(FREE, FREE))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Plans.of(List.of(
                        FREE,
                        PRO,
                        new Plan("team", "Team", Money.of("79", "EUR"), Optional.empty(), PRO.stripePrice()))))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Plan("Pro!", "Pro", Money.of("1", "EUR"), Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Plan("pro", " ", Money.of("1", "EUR"), Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Plan("pro", "Pro", Money.of("-1", "EUR"), Optional.empty(), Optional.empty()))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new Plan("pro", "Pro", Money.of("1", "EUR"), Optional.of(-1), Optional.empty()))
                .isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> PRO.pricedInStripeAs("prod_123")).isInstanceOf(InvalidValueException.class);
        assertThat(Plans.UNLIMITED.capped()).isEmpty();
        assertThat(Plans.UNLIMITED.subscribable()).isFalse();
    }

    @Test
    void stripes_statuses_are_read_by_their_names_and_an_unknown_one_is_none_of_them() {
        assertThat(SubscriptionStatus.of("past_due")).contains(SubscriptionStatus.PAST_DUE);
        assertThat(SubscriptionStatus.of("incomplete_expired")).contains(SubscriptionStatus.INCOMPLETE_EXPIRED);
        assertThat(SubscriptionStatus.of("frozen")).isEmpty();
        assertThat(SubscriptionStatus.of(null)).isEmpty();
    }
}
