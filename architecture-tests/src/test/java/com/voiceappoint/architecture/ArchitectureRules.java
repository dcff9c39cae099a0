package com.voiceappoint.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The architecture, written down as rules: dependencies point inward, each library stays inside its adapter,
 * nothing in the core reads the clock, and names say what things are. Each rule has a planted violation that
 * proves it can fail (see {@code ArchitectureRulesCatchViolationsTest}).
 */
final class ArchitectureRules {
    static final String BASE = "com.voiceappoint";
    static final String DOMAIN = "com.voiceappoint.domain..";
    static final String APPLICATION = "com.voiceappoint.application..";
    static final String PORT_IN = "com.voiceappoint.application.port.in..";
    static final String PORT_OUT = "com.voiceappoint.application.port.out..";
    static final String USE_CASES = "com.voiceappoint.application.usecase..";
    static final String ADAPTERS = "com.voiceappoint.adapter..";
    static final String BOOTSTRAP = "com.voiceappoint.bootstrap..";

    /** Which adapter (or the composition root) may use which library; no other code may. */
    static final Map<String, List<String>> LIBRARIES = Map.of(
            "com.voiceappoint.adapter.http..",
            List.of(
                    "io.javalin..",
                    "org.eclipse.jetty..",
                    "com.fasterxml.jackson..",
                    "com.auth0..",
                    "jakarta.validation..",
                    "org.hibernate.validator..",
                    "com.google.i18n.phonenumbers..",
                    "io.micrometer.."),
            "com.voiceappoint.adapter.security..",
            List.of("com.password4j.."),
            "com.voiceappoint.adapter.limits..",
            List.of("io.lettuce..", "io.github.bucket4j..", "com.github.benmanes.caffeine.."),
            "com.voiceappoint.adapter.persistence..",
            List.of("org.jdbi..", "org.flywaydb..", "com.zaxxer.hikari..", "org.postgresql..", "io.micrometer.."),
            "com.voiceappoint.adapter.vapi..",
            List.of("com.fasterxml.jackson..", "io.micrometer.."),
            // the composition root picks the metrics registry, the logging backend and the error reporter, and starts
            // a PostgreSQL of its own when given none
            BOOTSTRAP,
            List.of("io.micrometer..", "ch.qos.logback..", "io.sentry..", "io.zonky.."),
            "com.voiceappoint.adapter.payments..",
            List.of("com.stripe.."),
            "com.voiceappoint.adapter.notifications..",
            List.of("com.twilio..", "com.sendgrid..", "jakarta.mail..", "org.eclipse.angus.."));

    private static final Set<String> PORT_OUT_SUFFIXES =
            Set.of("Repository", "Gateway", "Sender", "Publisher", "Store", "TransactionRunner", "Hasher");
    private static final Set<String> ADAPTER_TECHNOLOGIES = Set.of(
            "Jdbi", "Postgres", "InMemory", "Argon2", "Javalin", "Lettuce", "Stripe", "Smtp", "Twilio", "Vapi", "Http");

    private ArchitectureRules() {}

    static final ArchRule DOMAIN_DEPENDS_ON_THE_JDK_ONLY = classes()
            .that()
            .resideInAPackage(DOMAIN)
            .should()
            .onlyDependOnClassesThat(insideOrJdk(DOMAIN))
            .as("the domain depends on the JDK only");

    static final ArchRule APPLICATION_DEPENDS_ON_THE_DOMAIN_ONLY = classes()
            .that()
            .resideInAPackage(APPLICATION)
            .should()
            .onlyDependOnClassesThat(insideOrJdk(APPLICATION, DOMAIN))
            .as("the application depends on the domain and the JDK only");

    static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER = classes()
            .that()
            .resideInAPackage(ADAPTERS)
            .should(new ArchCondition<JavaClass>("not depend on another adapter") {
                @Override
                public void check(JavaClass item, ConditionEvents events) {
                    String own = adapterOf(item.getPackageName()).orElseThrow();
                    for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                        adapterOf(dependency.getTargetClass().getPackageName())
                                .filter(other -> !other.equals(own))
                                .ifPresent(other -> events.add(
                                        SimpleConditionEvent.violated(dependency, dependency.getDescription())));
                    }
                }
            })
            .as("adapters do not depend on each other");

    static final ArchRule ADAPTERS_DO_NOT_DEPEND_ON_BOOTSTRAP_OR_INTERACTORS = noClasses()
            .that()
            .resideInAPackage(ADAPTERS)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(BOOTSTRAP, USE_CASES)
            .as("adapters drive the application through its ports, never its interactors or the composition root");

    static final ArchRule INBOUND_PORTS_DO_NOT_KNOW_OUTBOUND_ONES = noClasses()
            .that()
            .resideInAPackage(PORT_IN)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(PORT_OUT)
            .as("inbound ports know nothing of outbound ones");

    static final ArchRule OUTBOUND_PORTS_DO_NOT_KNOW_INBOUND_ONES = noClasses()
            .that()
            .resideInAPackage(PORT_OUT)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(PORT_IN)
            .as("outbound ports know nothing of inbound ones");

    static final ArchRule NOTHING_IN_THE_CORE_READS_THE_CLOCK = noClasses()
            .that()
            .resideInAnyPackage(DOMAIN, APPLICATION)
            .should()
            .callMethodWhere(readsTheClock())
            .as("domain and application take time from an injected Clock, never from now()");

    static final ArchRule NO_CYCLES_BETWEEN_MODULES = slices().matching("com.voiceappoint.(*)..")
            .should()
            .beFreeOfCycles()
            .as("modules are free of cycles");

    static final ArchRule NO_CYCLES_INSIDE_THE_DOMAIN = slices().matching("com.voiceappoint.domain.(*)..")
            .should()
            .beFreeOfCycles()
            .as("domain packages are free of cycles");

    static final ArchRule INBOUND_PORTS_ARE_USE_CASES_OR_QUERIES = classes()
            .that()
            .resideInAPackage(PORT_IN)
            .and()
            .areInterfaces()
            .and()
            .areTopLevelClasses()
            .and()
            .doNotHaveSimpleName("Actor")
            .should()
            .haveSimpleNameEndingWith("UseCase")
            .orShould()
            .haveSimpleNameEndingWith("Query")
            .as("inbound ports are named ...UseCase or ...Query");

    static final ArchRule INTERACTORS_ARE_NAMED_AND_PLACED_AS_SUCH = classes()
            .that()
            .implement(resideIn(PORT_IN))
            .and()
            .resideOutsideOfPackage(PORT_IN)
            .should()
            .haveSimpleNameEndingWith("Interactor")
            .andShould()
            .resideInAPackage(USE_CASES)
            .as("use cases are implemented by ...Interactor classes in application.usecase");

    static final ArchRule OUTBOUND_PORTS_SAY_WHAT_THEY_ARE = classes()
            .that()
            .resideInAPackage(PORT_OUT)
            .and()
            .areInterfaces()
            .should(nameEndsWithOneOf(PORT_OUT_SUFFIXES))
            .as("outbound ports end in Repository, Gateway, Sender, Publisher, Store, Hasher or TransactionRunner");

    static final ArchRule ADAPTERS_PUT_THE_TECHNOLOGY_FIRST = classes()
            .that()
            .resideInAPackage(ADAPTERS)
            .and()
            .implement(resideIn(PORT_OUT))
            .should(nameStartsWithOneOf(ADAPTER_TECHNOLOGIES))
            .as("port implementations are named technology first (JdbiAppointmentRepository)");

    static final ArchRule NOTHING_ELSE_IS_CALLED_A_SERVICE = noClasses()
            .that()
            .doNotHaveFullyQualifiedName("com.voiceappoint.domain.catalog.Service")
            .should()
            .haveSimpleNameEndingWith("Service")
            .as("only the domain's Service (what a business sells) is called a Service");

    static List<ArchRule> all() {
        List<ArchRule> rules = new ArrayList<>(List.of(
                DOMAIN_DEPENDS_ON_THE_JDK_ONLY,
                APPLICATION_DEPENDS_ON_THE_DOMAIN_ONLY,
                ADAPTERS_DO_NOT_DEPEND_ON_EACH_OTHER,
                ADAPTERS_DO_NOT_DEPEND_ON_BOOTSTRAP_OR_INTERACTORS,
                INBOUND_PORTS_DO_NOT_KNOW_OUTBOUND_ONES,
                OUTBOUND_PORTS_DO_NOT_KNOW_INBOUND_ONES,
                NOTHING_IN_THE_CORE_READS_THE_CLOCK,
                NO_CYCLES_BETWEEN_MODULES,
                NO_CYCLES_INSIDE_THE_DOMAIN,
                INBOUND_PORTS_ARE_USE_CASES_OR_QUERIES,
                INTERACTORS_ARE_NAMED_AND_PLACED_AS_SUCH,
                OUTBOUND_PORTS_SAY_WHAT_THEY_ARE,
                ADAPTERS_PUT_THE_TECHNOLOGY_FIRST,
                NOTHING_ELSE_IS_CALLED_A_SERVICE));
        rules.addAll(libraryRules());
        return rules;
    }

    /** One rule per library: only the adapters that list it may use it (JSON is both HTTP's and Vapi's). */
    static List<ArchRule> libraryRules() {
        Map<String, List<String>> usersByLibrary = new TreeMap<>();
        LIBRARIES.forEach((adapter, libraries) -> libraries.forEach(library ->
                usersByLibrary.computeIfAbsent(library, l -> new ArrayList<>()).add(adapter)));
        return usersByLibrary.entrySet().stream()
                .map(entry -> (ArchRule) noClasses()
                        .that()
                        .resideOutsideOfPackages(entry.getValue().toArray(String[]::new))
                        .should()
                        .dependOnClassesThat()
                        .resideInAPackage(entry.getKey())
                        .as("only %s use %s".formatted(String.join(" and ", entry.getValue()), entry.getKey())))
                .toList();
    }

    static Optional<String> adapterOf(String packageName) {
        String prefix = BASE + ".adapter.";
        if (!packageName.startsWith(prefix)) {
            return Optional.empty();
        }
        return Optional.of(packageName.substring(prefix.length()).split("\\.")[0]);
    }

    private static DescribedPredicate<JavaClass> insideOrJdk(String... packages) {
        return DescribedPredicate.describe("are in " + String.join(", ", packages) + " or the JDK", type -> {
            JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
            return base.isPrimitive()
                    || base.getPackageName().startsWith("java.")
                    || Arrays.stream(packages)
                            .anyMatch(p -> base.getPackageName().startsWith(p.replace("..", "")));
        });
    }

    private static DescribedPredicate<JavaClass> resideIn(String packageIdentifier) {
        String prefix = packageIdentifier.replace("..", "");
        return DescribedPredicate.describe(
                "interfaces in " + prefix, type -> type.getPackageName().startsWith(prefix));
    }

    private static DescribedPredicate<JavaMethodCall> readsTheClock() {
        return DescribedPredicate.describe("reads the system clock", call -> {
            String owner = call.getTargetOwner().getName();
            String method = call.getName();
            return (owner.startsWith("java.time.") && method.equals("now"))
                    || (owner.equals("java.time.Clock") && method.startsWith("system"))
                    || (owner.equals("java.lang.System")
                            && (method.equals("currentTimeMillis") || method.equals("nanoTime")));
        });
    }

    private static ArchCondition<JavaClass> nameEndsWithOneOf(Set<String> suffixes) {
        return new ArchCondition<>("have a name ending in one of " + suffixes) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                if (suffixes.stream().noneMatch(item.getSimpleName()::endsWith)) {
                    events.add(SimpleConditionEvent.violated(item, item.getName() + " is not named as a port"));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> nameStartsWithOneOf(Set<String> prefixes) {
        return new ArchCondition<>("have a name starting with its technology " + prefixes) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                if (prefixes.stream().noneMatch(item.getSimpleName()::startsWith)) {
                    events.add(SimpleConditionEvent.violated(
                            item, item.getName() + " does not say which technology it adapts"));
                }
            }
        };
    }
}
