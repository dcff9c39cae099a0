package com.voiceappoint.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import com.voiceappoint.adapter.persistence.planted.AnonymousStore;
import com.voiceappoint.adapter.persistence.planted.PersistenceCallingHttp;
import com.voiceappoint.application.planted.ApplicationUsingJdbi;
import com.voiceappoint.application.planted.BookingHandler;
import com.voiceappoint.application.port.in.planted.BookingHelper;
import com.voiceappoint.application.port.in.planted.QueryUsingARepository;
import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.application.port.out.planted.AppointmentDao;
import com.voiceappoint.application.port.out.planted.RepositoryKnowingAUseCase;
import com.voiceappoint.domain.planted.BookingService;
import com.voiceappoint.domain.planted.DomainReadingTheClock;
import com.voiceappoint.domain.planted.DomainUsingJackson;
import com.voiceappoint.domain.plantedcyclea.A;
import com.voiceappoint.domain.plantedcycleb.B;
import com.voiceappoint.plantedmodulex.X;
import com.voiceappoint.plantedmoduley.Y;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rule that cannot fail proves nothing. Each rule meets a class planted to break it, and must report that class
 * by name (so it is not merely failing for matching nothing).
 */
class ArchitectureRulesCatchViolationsTest {

    static Stream<Arguments> plantedViolations() {
        return Stream.of(
                Arguments.of(ArchitectureRules.DOMAIN_DEPENDS_ON_THE_JDK_ONLY, DomainUsingJackson.class, Object.class),
                Arguments.of(
                        ArchitectureRules.APPLICATION_DEPENDS_ON_THE_DOMAIN_ONLY,
                        ApplicationUsingJdbi.class,
                        Object.class),
                Arguments.of(
                        ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
                        PersistenceCallingHttp.class,
                        Object.class),
                Arguments.of(
                        ArchitectureRules.ADAPTERS_DO_NOT_DEPEND_ON_BOOTSTRAP_OR_INTERACTORS,
                        PersistenceCallingHttp.class,
                        Object.class),
                Arguments.of(
                        ArchitectureRules.INBOUND_PORTS_DO_NOT_KNOW_OUTBOUND_ONES,
                        QueryUsingARepository.class,
                        UserRepository.class),
                Arguments.of(
                        ArchitectureRules.OUTBOUND_PORTS_DO_NOT_KNOW_INBOUND_ONES,
                        RepositoryKnowingAUseCase.class,
                        Object.class),
                Arguments.of(
                        ArchitectureRules.NOTHING_IN_THE_CORE_READS_THE_CLOCK,
                        DomainReadingTheClock.class,
                        Object.class),
                Arguments.of(ArchitectureRules.NO_CYCLES_INSIDE_THE_DOMAIN, A.class, B.class),
                Arguments.of(ArchitectureRules.NO_CYCLES_BETWEEN_MODULES, X.class, Y.class),
                Arguments.of(
                        ArchitectureRules.INBOUND_PORTS_ARE_USE_CASES_OR_QUERIES, BookingHelper.class, Object.class),
                Arguments.of(
                        ArchitectureRules.INTERACTORS_ARE_NAMED_AND_PLACED_AS_SUCH, BookingHandler.class, Object.class),
                Arguments.of(ArchitectureRules.OUTBOUND_PORTS_SAY_WHAT_THEY_ARE, AppointmentDao.class, Object.class),
                Arguments.of(ArchitectureRules.ADAPTERS_PUT_THE_TECHNOLOGY_FIRST, AnonymousStore.class, Object.class),
                Arguments.of(ArchitectureRules.NOTHING_ELSE_IS_CALLED_A_SERVICE, BookingService.class, Object.class),
                Arguments.of(
                        libraryRule("io.javalin..", "com.fasterxml.jackson.."), DomainUsingJackson.class, Object.class),
                Arguments.of(
                        libraryRule("com.voiceappoint.adapter.persistence..", "org.jdbi.."),
                        ApplicationUsingJdbi.class,
                        Object.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("plantedViolations")
    void each_rule_reports_its_planted_violation(ArchRule rule, Class<?> planted, Class<?> alongside) {
        JavaClasses classes = new ClassFileImporter().importClasses(planted, alongside);

        EvaluationResult result = rule.evaluate(classes);

        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        assertThat(String.join("\n", result.getFailureReport().getDetails())).contains(planted.getSimpleName());
    }

    /** The library rule for {@code library}, whichever adapter owns it. */
    private static ArchRule libraryRule(String ignoredHint, String library) {
        return ArchitectureRules.libraryRules().stream()
                .filter(rule -> rule.getDescription().endsWith(" use " + library))
                .findFirst()
                .orElseThrow();
    }
}
