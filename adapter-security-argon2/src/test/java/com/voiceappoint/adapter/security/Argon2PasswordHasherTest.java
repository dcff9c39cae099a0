package com.voiceappoint.adapter.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {
    private final Argon2PasswordHasher hasher = Argon2PasswordHasher.OWASP;

    @Test
    void hashes_are_salted_argon2id_and_verify_only_the_right_password() {
        String first = hasher.hash("correct horse battery");
        String second = hasher.hash("correct horse battery");

        assertThat(first).startsWith("$argon2id$").isNotEqualTo(second);
        assertThat(hasher.matches("correct horse battery", first)).isTrue();
        assertThat(hasher.matches("correct horse battery!", first)).isFalse();
    }

    @Test
    void hashes_made_with_other_parameters_still_verify() {
        String cheap = new Argon2PasswordHasher(8 * 1024, 1, 1).hash("old password");

        assertThat(hasher.matches("old password", cheap)).isTrue();
    }

    @Test
    void garbage_hashes_never_match() {
        assertThat(hasher.matches("anything", "fake$gnihtyna")).isFalse();
        assertThat(hasher.matches("anything", "$argon2id$broken")).isFalse();
        assertThat(hasher.matches("anything", null)).isFalse();
    }
}
