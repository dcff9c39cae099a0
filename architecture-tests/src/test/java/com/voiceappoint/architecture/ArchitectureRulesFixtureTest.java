package com.voiceappoint.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A rule that cannot fail proves nothing, and one that fails too often is switched off. Every rule runs over the
 * fixture (a small engine under {@code ...architecture.fixture} with violations planted beside allowed uses of the
 * same things) and must report exactly the planted violations: none missing, none more, so what is allowed is
 * shown not to be reported. As in jMolecules' {@code JMoleculesHexagonalRulesTest}, a violation is named by the
 * member that commits it, relative to the fixture's root.
 */
class ArchitectureRulesFixtureTest {
    private static final String FIXTURE = "com.voiceappoint.architecture.fixture";
    private static final ArchitectureRules RULES = new ArchitectureRules(FIXTURE);

    private static JavaClasses fixture;

    @BeforeAll
    static void importFixture() {
        fixture = new ClassFileImporter().importPackages(FIXTURE);
    }

    /** Each rule, and the violations it must report in the fixture. */
    private static Map<ArchRule, List<String>> expected() {
        Map<ArchRule, List<String>> expected = new LinkedHashMap<>();
        expected.put(
                RULES.domainUsesItselfAndTheComputingJdkOnly,
                List.of(
                        "domain.appointment.TalkingToTheOutside.stored>",
                        "domain.appointment.TalkingToTheOutside.file>",
                        "domain.appointment.TalkingToTheOutside.http>",
                        "domain.appointment.TalkingToTheOutside.path>",
                        "domain.appointment.TalkingToTheOutside.json>"));
        expected.put(
                RULES.applicationUsesTheDomainAndTheComputingJdkOnly,
                List.of("application.usecase.CsvExport.jdbi>", "application.usecase.CsvExport.file>"));
        expected.put(
                RULES.adaptersDoNotDependOnEachOther, List.of("adapter.persistence.PersistenceCallingHttp.routes>"));
        expected.put(
                RULES.adaptersDoNotDependOnBootstrapOrInteractors,
                List.of(
                        "adapter.persistence.PersistenceCallingHttp.interactor>",
                        "adapter.persistence.PersistenceCallingHttp.wiring>"));
        expected.put(
                RULES.drivingAdaptersDoNotUseOutboundPorts,
                List.of(
                        "adapter.http.BookingRoutes.appointments>",
                        "adapter.persistence.JdbiRebookingRepository> implements interface"));
        expected.put(
                RULES.drivenAdaptersDoNotUseInboundPorts,
                List.of("adapter.persistence.JdbiRebookingRepository.booking>"));
        expected.put(
                RULES.inboundPortsDoNotKnowOutboundOnes,
                List.of("application.port.in.AppointmentsQuery.appointments()>"));
        expected.put(
                RULES.outboundPortsDoNotKnowInboundOnes, List.of("application.port.out.ClientRepository.booking()>"));
        expected.put(
                RULES.nothingInTheCoreReadsTheClock,
                List.of("domain.appointment.ReadingTheClock.isPast(java.time.Instant)>"));
        expected.put(RULES.noCyclesBetweenModules, List.of("Slice billing"));
        expected.put(RULES.noCyclesInsideTheDomain, List.of("Slice availability"));
        expected.put(RULES.noCyclesInsideTheApplication, List.of("Slice error", "Slice port.in"));
        expected.put(RULES.inboundPortsAreUseCasesOrQueries, List.of("application.port.in.BookingHelper>"));
        expected.put(
                RULES.interactorsAreNamedAndPlacedAsSuch,
                List.of(
                        "application.BookingHandler> does not have simple name ending with",
                        "application.BookingHandler> does not reside in a package"));
        expected.put(RULES.outboundPortsSayWhatTheyAre, List.of("application.port.out.AppointmentDao is not named"));
        expected.put(
                RULES.adaptersPutTheTechnologyFirst, List.of("adapter.persistence.AnonymousRepository does not say"));
        expected.put(RULES.nothingElseIsCalledAService, List.of("domain.appointment.BookingService>"));
        return expected;
    }

    @TestFactory
    Stream<DynamicTest> each_rule_reports_exactly_its_planted_violations() {
        return expected().entrySet().stream()
                .map(entry -> DynamicTest.dynamicTest(
                        entry.getKey().getDescription(), () -> assertViolations(entry.getKey(), entry.getValue())));
    }

    @Test
    void every_rule_about_the_shape_of_the_code_has_planted_violations() {
        assertThat(expected().keySet()).containsExactlyInAnyOrderElementsOf(RULES.structureRules());
        assertThat(expected().values())
                .allSatisfy(violations -> assertThat(violations).isNotEmpty());
    }

    /**
     * Over all the libraries at once: only the planted uses are reported, not the adapters' and the composition
     * root's own (Jackson in HTTP and Vapi, Javalin in HTTP, Jdbi in persistence, Micrometer in bootstrap).
     */
    @Test
    void each_library_is_refused_outside_the_code_that_lists_it() {
        List<String> reported = new ArrayList<>();
        for (ArchRule rule : RULES.libraryRules()) {
            reported.addAll(rule.evaluate(fixture).getFailureReport().getDetails());
        }

        assertExactly(
                "the library rules",
                reported,
                List.of(
                        "domain.appointment.TalkingToTheOutside.json>",
                        "application.usecase.CsvExport.jdbi>",
                        "adapter.persistence.PersistenceCallingHttp.server>"));
    }

    private static void assertViolations(ArchRule rule, List<String> expected) {
        assertExactly(
                rule.getDescription(), rule.evaluate(fixture).getFailureReport().getDetails(), expected);
    }

    /** Each expected violation matches one reported, and each reported one is expected. */
    private static void assertExactly(String what, List<String> reported, List<String> expected) {
        List<String> distinct = reported.stream().distinct().toList();
        List<String> fragments = expected.stream()
                .map(e -> e.startsWith("Slice") ? e : FIXTURE + "." + e)
                .toList();
        for (String fragment : fragments) {
            assertThat(distinct.stream().filter(message -> message.contains(fragment)))
                    .as("%s: reports %s once, in%n%s", what, fragment, String.join("\n", distinct))
                    .hasSize(1);
        }
        for (String message : distinct) {
            assertThat(fragments.stream().filter(message::contains))
                    .as("%s: expected exactly one of %s to name%n%s", what, fragments, message)
                    .hasSize(1);
        }
    }
}
