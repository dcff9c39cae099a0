package com.voiceappoint.domain.appointment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.domain.shared.InvalidValueException;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ManageCodeTest {
    @Test
    void a_code_is_six_digits_said_any_way() {
        ManageCode code = new ManageCode("048213");

        assertThat(code.matches("048213")).isTrue();
        assertThat(code.matches("048 213")).isTrue();
        assertThat(code.matches("0-4-8-2-1-3")).isTrue();
        assertThat(code.matches("48213")).isFalse();
        assertThat(code.matches("0482130")).isFalse();
        assertThat(code.matches("048214")).isFalse();
        assertThat(code.matches("")).isFalse();
        assertThat(code.matches(null)).isFalse();
        for (String wrong : new String[] {"48213", "abcdef", "0482130", "", " 048213"}) {
            assertThatThrownBy(() -> new ManageCode(wrong)).as(wrong).isInstanceOf(InvalidValueException.class);
        }
    }

    @Test
    void random_codes_keep_their_leading_zeros() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            assertThat(ManageCode.random(random).value()).matches("\\d{6}");
        }
    }
}
