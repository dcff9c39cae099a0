package com.voiceappoint.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.application.port.out.LogoStore;
import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.business.Logo;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every implementation of the logo port must do. */
public abstract class LogoStoreContract<L extends LogoStore> {
    /** The smallest PNG there is: one transparent pixel. */
    public static final byte[] ONE_PIXEL_PNG = Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    protected L logos;
    protected TestData data;

    /** The store under test, made anew before each test, and the {@link TestData} writing into the same database. */
    protected abstract L createLogoStore();

    protected abstract TestData testData();

    @BeforeEach
    void setUpPorts() {
        logos = createLogoStore();
        data = testData();
    }

    private static byte[] jpeg(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) 7);
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xD8;
        bytes[2] = (byte) 0xFF;
        return bytes;
    }

    @Test
    void a_logo_round_trips_with_its_type_bytes_and_digest() {
        BusinessId business = data.tenant().id();
        Logo logo = Logo.of(business, ONE_PIXEL_PNG);

        logos.save(logo);

        assertThat(logos.find(business)).hasValueSatisfying(found -> {
            assertThat(found.mediaType()).isEqualTo(Logo.PNG);
            assertThat(found.bytes()).isEqualTo(ONE_PIXEL_PNG);
            assertThat(found.digest()).isEqualTo(logo.digest());
        });
    }

    @Test
    void a_new_logo_replaces_the_old_one_of_its_business_only() {
        BusinessId business = data.tenant().id();
        BusinessId other = data.tenant().id();
        Logo largest = Logo.of(other, jpeg(Logo.MAX_BYTES));
        logos.save(Logo.of(business, ONE_PIXEL_PNG));
        logos.save(largest);

        logos.save(Logo.of(business, jpeg(100)));

        assertThat(logos.find(business)).hasValueSatisfying(found -> {
            assertThat(found.mediaType()).isEqualTo(Logo.JPEG);
            assertThat(found.size()).isEqualTo(100);
        });
        assertThat(logos.find(other)).contains(largest);
    }

    @Test
    void a_removed_logo_is_gone_and_removing_none_says_so() {
        BusinessId business = data.tenant().id();
        logos.save(Logo.of(business, ONE_PIXEL_PNG));

        assertThat(logos.remove(business)).isTrue();

        assertThat(logos.find(business)).isEmpty();
        assertThat(logos.remove(business)).isFalse();
    }
}
