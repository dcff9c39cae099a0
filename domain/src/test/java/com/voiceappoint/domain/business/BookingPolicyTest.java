package com.voiceappoint.domain.business;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.domain.shared.InvalidValueException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class BookingPolicyTest {
    @Test
    void defaults_match_the_product_spec() {
        BookingPolicy policy = BookingPolicy.DEFAULT;

        assertThat(policy.slotStep()).isEqualTo(Duration.ofMinutes(15));
        assertThat(policy.minimumNotice()).isEqualTo(Duration.ofHours(1));
        assertThat(policy.maximumAdvance()).isEqualTo(Duration.ofDays(90));
        assertThat(policy.holdDuration()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void refuses_nonsense_with_the_field_at_fault() {
        assertThatThrownBy(() -> new BookingPolicy(
                        Duration.ofMinutes(-15),
                        Duration.ZERO,
                        Duration.ofDays(1),
                        Duration.ZERO,
                        Duration.ofMinutes(5)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("slotStepMinutes"));
        assertThatThrownBy(() -> new BookingPolicy(
                        Duration.ofMinutes(15),
                        Duration.ofDays(5),
                        Duration.ofDays(2),
                        Duration.ZERO,
                        Duration.ofMinutes(5)))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("minimumNoticeMinutes"));
    }
}
