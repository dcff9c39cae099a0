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
}
