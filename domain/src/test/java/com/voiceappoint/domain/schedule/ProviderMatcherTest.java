package com.voiceappoint.domain.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.domain.business.BusinessId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ProviderMatcherTest {
    private static final BusinessId SALON = BusinessId.random();
    private static final List<Provider> STAFF = List.of(
            provider("Marta Ruiz"),
            provider("Marta López"),
            provider("Sam Green"),
            provider("Samuel Ortega"),
            provider("Inés Álvarez"),
            provider("María Carmen Díaz"),
            provider("Maribel"));

    private static Provider provider(String name) {
        return new Provider(ProviderId.random(), SALON, Optional.empty(), name, Optional.empty(), true);
    }

    private static ProviderMatcher.Choice match(String said) {
        return ProviderMatcher.match(STAFF, said);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "con Marta Ruiz, Marta Ruiz",
        "MARTA LÓPEZ, Marta López",
        "marta lopez, Marta López",
        "with Sam, Sam Green",
        "Samuel, Samuel Ortega",
        "green, Sam Green",
        "ines, Inés Álvarez",
        "con la señora Álvarez, Inés Álvarez",
        "Martha Ruiz, Marta Ruiz",
        "mariacarmen, María Carmen Díaz",
        "Mari Bel, Maribel",
        "Samule, Samuel Ortega",
    })
    void a_name_said_loosely_finds_the_one_person(String said, String expected) {
        assertThat(match(said))
                .isInstanceOfSatisfying(
                        ProviderMatcher.Choice.One.class,
                        one -> assertThat(one.provider().displayName()).isEqualTo(expected));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Marta", "con marta", "Martha"})
    void a_first_name_two_people_share_is_asked_about(String said) {
        assertThat(match(said))
                .isInstanceOfSatisfying(
                        ProviderMatcher.Choice.Several.class,
                        several -> assertThat(several.candidates())
                                .extracting(Provider::displayName)
                                .containsExactly("Marta Ruiz", "Marta López"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cualquiera", "me da igual", "con quien sea", "anyone", "no preference", "any"})
    void nobody_in_particular_is_anyone(String said) {
        assertThat(match(said)).isInstanceOf(ProviderMatcher.Choice.Anyone.class);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Pedro", "con", "Marta Green", "   "})
    void a_name_nobody_here_has_is_nobody(String said) {
        assertThat(match(said)).isInstanceOf(ProviderMatcher.Choice.Nobody.class);
    }
}
