package com.voiceappoint.domain.business;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.voiceappoint.domain.shared.InvalidValueException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugTest {
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Peluquería Lola & Co.      | peluqueria-lola-co",
                "  Clínica Dental  Núñez    | clinica-dental-nunez",
                "Straße Studio              | strasse-studio",
                "YOGA_42                    | yoga-42",
                "AB                         | ab-business",
                "東京                        | business",
                "---                        | business",
            })
    void is_generated_from_the_name(String name, String slug) {
        assertThat(Slug.fromName(name).value()).isEqualTo(slug);
    }

    @ParameterizedTest
    @ValueSource(ints = {100, 1000})
    void long_names_are_cut_at_a_word_boundary_free_of_trailing_dashes(int length) {
        Slug slug = Slug.fromName("a b ".repeat(length));

        assertThat(slug.value().length()).isLessThanOrEqualTo(Slug.MAX_LENGTH - 4);
        assertThat(slug.value()).doesNotEndWith("-");
        assertThat(slug.withSuffix(99).value())
                .hasSizeLessThanOrEqualTo(Slug.MAX_LENGTH)
                .endsWith("-99");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Upper", "with space", "-lead", "trail-", "dou--ble", "x", "ñandu"})
    void refuses_anything_not_url_safe(String value) {
        assertThatThrownBy(() -> new Slug(value)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 57})
    void suffixes_make_a_taken_slug_unique(int n) {
        assertThat(new Slug("lola").withSuffix(n).value()).isEqualTo("lola-" + n);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Login", "DASHBOARD", "Manage", "api", "Operator", "Pricing", "Register", "Assets"})
    void a_name_that_makes_a_reserved_word_gets_its_first_free_alternative(String name) {
        Slug slug = Slug.firstFree(name, taken -> false);

        assertThat(slug.isReserved()).isFalse();
        assertThat(slug.value()).isEqualTo(name.toLowerCase(java.util.Locale.ROOT) + "-2");
    }

    @org.junit.jupiter.api.Test
    void the_pages_of_the_web_app_are_reserved_and_taken_slugs_are_skipped_too() {
        assertThat(Slug.RESERVED)
                .contains(
                        "register",
                        "login",
                        "logout",
                        "account",
                        "password",
                        "invitations",
                        "dashboard",
                        "manage",
                        "operator",
                        "pricing",
                        "assets",
                        "webjars",
                        "api",
                        "health",
                        "metrics");
        assertThat(Slug.firstFree(
                                "Login",
                                taken -> java.util.Set.of("login-2", "login-3").contains(taken.value()))
                        .value())
                .isEqualTo("login-4");
        assertThat(Slug.firstFree("Peluquería Lola", taken -> false).value()).isEqualTo("peluqueria-lola");
        assertThat(Slug.firstFree("Peluquería Lola", taken -> taken.value().equals("peluqueria-lola"))
                        .value())
                .isEqualTo("peluqueria-lola-2");
    }
}
