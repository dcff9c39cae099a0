package com.voiceappoint.domain.business;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.domain.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LogoTest {
    private static final BusinessId BUSINESS = BusinessId.random();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
    private static final byte[] WEBP = "RIFF\0\0\0\0WEBPVP8 ".getBytes(StandardCharsets.ISO_8859_1);

    @Test
    void its_type_is_read_from_its_own_bytes() {
        assertThat(Logo.of(BUSINESS, PNG).mediaType()).isEqualTo(Logo.PNG);
        assertThat(Logo.of(BUSINESS, JPEG).mediaType()).isEqualTo(Logo.JPEG);
        assertThat(Logo.of(BUSINESS, WEBP).mediaType()).isEqualTo(Logo.WEBP);
    }

    @Test
    void anything_else_is_refused_whatever_it_is_called() {
        for (String other :
                new String[] {"<svg xmlns='http://www.w3.org/2000/svg'/>", "GIF89a", "RIFF1234WAVE", "%PDF-1.7"}) {
            assertThatThrownBy(() -> Logo.of(BUSINESS, other.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("PNG, JPEG or WebP");
        }
        assertThatThrownBy(() -> Logo.of(BUSINESS, new byte[0])).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Logo.of(BUSINESS, Arrays.copyOf(PNG, 4))).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void it_is_at_most_512_kb() {
        assertThat(Logo.of(BUSINESS, Arrays.copyOf(PNG, Logo.MAX_BYTES)).size()).isEqualTo(Logo.MAX_BYTES);
        assertThatThrownBy(() -> Logo.of(BUSINESS, Arrays.copyOf(PNG, Logo.MAX_BYTES + 1)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("512 KB");
    }

    @Test
    void the_same_image_has_the_same_digest_and_its_bytes_cannot_be_changed_from_outside() {
        byte[] bytes = PNG.clone();
        Logo logo = Logo.of(BUSINESS, bytes);
        bytes[0] = 0;
        logo.bytes()[1] = 0;

        assertThat(logo.bytes()).isEqualTo(PNG);
        assertThat(logo.digest())
                .matches("[0-9a-f]{64}")
                .isEqualTo(Logo.of(BUSINESS, PNG).digest());
        assertThat(Logo.of(BUSINESS, JPEG).digest()).isNotEqualTo(logo.digest());
    }
}
