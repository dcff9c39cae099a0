package com.voiceappoint.domain.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.voiceappoint.domain.business.BusinessId;
import com.voiceappoint.domain.shared.Money;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceMatcherTest {
    private static final BusinessId SALON = BusinessId.random();
    private static final List<Service> MENU = List.of(
            service("Corte de pelo"),
            service("Corte y peinado"),
            service("Tinte"),
            service("Manicura"),
            service("Pedicura"),
            service("Beard trim"));
    private static final List<Service> BARBERS =
            List.of(service("Haircut"), service("Hair colour"), service("Hot towel shave"), service("Kids cut"));

    private static Service service(String name) {
        return new Service(
                ServiceId.random(),
                SALON,
                Optional.empty(),
                name,
                "",
                Duration.ofMinutes(30),
                Money.of("20.00", "EUR"),
                Duration.ZERO,
                Duration.ZERO,
                true,
                true,
                Set.of(),
                Optional.empty());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "corte de pelo, Corte de pelo",
        "CORTE DE PELO!, Corte de pelo",
        "un corte de pleo, Corte de pelo",
        "quiero un corte de pelo, Corte de pelo",
        "tinte, Tinte",
        "tintes, Tinte",
        "manicure, Manicura",
        "peinado, Corte y peinado",
        "a beard trim, Beard trim",
        "beard trimm, Beard trim",
    })
    void a_name_said_loosely_finds_its_service(String said, String expected) {
        assertThat(ServiceMatcher.match(MENU, said).service())
                .map(Service::name)
                .contains(expected);
    }

    @ParameterizedTest(name = "{0} could be {1} or {2}")
    @CsvSource({"corte, Corte de pelo, Corte y peinado", "manicura y pedicura, Manicura, Pedicura"})
    void two_services_that_fit_as_well_are_asked_about(String said, String one, String other) {
        ServiceMatcher.Match match = ServiceMatcher.match(MENU, said);

        assertThat(match.service()).isEmpty();
        assertThat(match.candidates()).extracting(Service::name).contains(one, other);
    }

    @ParameterizedTest
    @CsvSource({"masaje", "'   '", "xyz"})
    void something_not_on_the_menu_matches_nothing(String said) {
        ServiceMatcher.Match match = ServiceMatcher.match(MENU, said);

        assertThat(match.service()).isEmpty();
        assertThat(match.candidates()).isEmpty();
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "hair cut, Haircut",
        "a hair-cut please, Haircut",
        "HAIR CUT, Haircut",
        "haircolour, Hair colour",
        "hair color, Hair colour",
        "hottowel shave, Hot towel shave",
        "kidscut, Kids cut",
    })
    void a_name_said_in_other_pieces_finds_its_service(String said, String expected) {
        assertThat(ServiceMatcher.match(BARBERS, said).service())
                .map(Service::name)
                .contains(expected);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"cortepelo, Corte de pelo", "corte depelo, Corte de pelo", "beardtrim, Beard trim"})
    void a_name_written_in_pieces_is_found_when_said_in_one(String said, String expected) {
        assertThat(ServiceMatcher.match(MENU, said).service())
                .map(Service::name)
                .contains(expected);
    }

    @ParameterizedTest(name = "{0} could be {1} or {2}")
    @CsvSource({"hair, Haircut, Hair colour", "cut, Haircut, Kids cut"})
    void a_piece_that_fits_two_names_is_asked_about(String said, String one, String other) {
        ServiceMatcher.Match match = ServiceMatcher.match(BARBERS, said);

        assertThat(match.service()).isEmpty();
        assertThat(match.candidates()).extracting(Service::name).containsExactlyInAnyOrder(one, other);
    }
}
