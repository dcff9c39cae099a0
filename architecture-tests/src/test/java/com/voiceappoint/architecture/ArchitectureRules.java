package com.voiceappoint.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.Map.entry;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.PackageMatcher;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The architecture, written down as rules: dependencies point inward, the core uses only the parts of the JDK that
 * compute (no files, sockets or SQL), driving adapters reach the application only through its inbound ports, each
 * library stays inside its adapter, nothing in the core reads the clock, and names say what things are.
 *
 * <p>Rules are written against the packages under a root ({@code root.domain..}, {@code root.adapter..}), never
 * against a module or a class, so a new adapter module or a class moved between packages is judged without a new
 * rule. The engine's code is checked under {@code com.voiceappoint} ({@code ArchitectureTest}); the same rules run
 * under the fixture's root, where {@code ArchitectureRulesFixtureTest} proves each one reports exactly the planted
 * violations and nothing that is allowed.
 */
final class ArchitectureRules {
    static final String ENGINE = "com.voiceappoint";

    /**
     * The JDK the domain and the application may use: the parts that compute, not the parts that reach outside the
     * process (java.io, java.nio.file, java.net, java.sql, java.lang.reflect, java.util.logging are not here).
     */
    static final List<String> CORE_JDK_PACKAGES = List.of(
            // strings, numbers, records, enums, exceptions (reading the clock through System is a rule of its own)
            "java.lang",
            // collections, Optional, UUID, Currency, Locale, and the resource bundles that hold spoken phrases
            "java.util",
            "java.util.function",
            "java.util.stream",
            // slugs, e-mail addresses and what a caller said are matched by patterns
            "java.util.regex",
            // manage codes are drawn from a RandomGenerator the caller provides
            "java.util.random",
            // in-process coordination (a lock, an atomic counter, a concurrent map); none of it waits on I/O
            "java.util.concurrent..",
            // instants, zones, dates, durations, and formatting them for a caller
            "java.time..",
            // money amounts
            "java.math",
            // Unicode normalisation of names and slugs; numbers and messages formatted for a language
            "java.text",
            // the bytes of a token or a code before it is hashed
            "java.nio.charset",
            // hashing tokens and codes (MessageDigest) and drawing them (SecureRandom)
            "java.security");

    /**
     * Single classes of otherwise outside-reaching packages the core may use: values that compute and never reach
     * outside. A URI is an address held and joined (where Stripe sends a client back), never opened.
     */
    static final List<String> CORE_JDK_CLASSES = List.of("java.net.URI");

    /** Which libraries each adapter (or the composition root) may use, one line per library; no other code may. */
    private static final Map<String, List<String>> USERS_OF_LIBRARIES = Map.ofEntries(
            entry("io.javalin..", List.of("adapter.http")),
            entry("org.eclipse.jetty..", List.of("adapter.http")),
            // persistence keeps who and what of each live event as JSON (EventPayloads)
            entry(
                    "com.fasterxml.jackson..",
                    List.of("adapter.http", "adapter.vapi", "adapter.notifications", "adapter.persistence")),
            entry("com.auth0..", List.of("adapter.http")),
            entry("jakarta.validation..", List.of("adapter.http")),
            entry("org.hibernate.validator..", List.of("adapter.http")),
            entry("com.password4j..", List.of("adapter.security")),
            entry("io.lettuce..", List.of("adapter.limits", "adapter.events")),
            entry("io.github.bucket4j..", List.of("adapter.limits")),
            entry("com.github.benmanes.caffeine..", List.of("adapter.limits")),
            entry("com.google.i18n.phonenumbers..", List.of("adapter.http")),
            entry("org.jdbi..", List.of("adapter.persistence")),
            entry("org.flywaydb..", List.of("adapter.persistence")),
            entry("com.zaxxer.hikari..", List.of("adapter.persistence")),
            entry("org.postgresql..", List.of("adapter.persistence")),
            // the composition root starts a PostgreSQL of its own when given none
            entry("io.zonky..", List.of("bootstrap")),
            entry("com.stripe..", List.of("adapter.payments")),
            entry("com.twilio..", List.of("adapter.notifications")),
            entry("com.sendgrid..", List.of("adapter.notifications")),
            entry("jakarta.mail..", List.of("adapter.notifications")),
            entry("org.eclipse.angus..", List.of("adapter.notifications")),
            entry("gg.jte..", List.of("adapter.notifications", "adapter.http.web")),
            entry("biweekly..", List.of("adapter.notifications", "adapter.http.web")),
            // the adapters that measure use Micrometer's API; the composition root picks its registry
            entry("io.micrometer..", List.of("adapter.http", "adapter.persistence", "adapter.vapi", "bootstrap")),
            // the composition root picks the logging backend and the error reporter
            entry("ch.qos.logback..", List.of("bootstrap")),
            entry("io.sentry..", List.of("bootstrap")));

    private static final Set<String> PORT_OUT_SUFFIXES =
            Set.of("Repository", "Gateway", "Sender", "Publisher", "Store", "TransactionRunner", "Hasher", "Templates");
    private static final Set<String> ADAPTER_TECHNOLOGIES = Set.of(
            "Jdbi",
            "Postgres",
            "InMemory",
            "Argon2",
            "Javalin",
            "Lettuce",
            "Redis",
            "Stripe",
            "Smtp",
            "Jte",
            "Twilio",
            "Vapi",
            "Http");

    private final String root;
    private final String domain;
    private final String application;
    private final String portIn;
    private final String portOut;
    private final String useCases;
    private final String adapters;
    private final String bootstrap;

    final ArchRule domainUsesItselfAndTheComputingJdkOnly;
    final ArchRule applicationUsesTheDomainAndTheComputingJdkOnly;
    final ArchRule adaptersDoNotDependOnEachOther;
    final ArchRule adaptersDoNotDependOnBootstrapOrInteractors;
    final ArchRule drivingAdaptersDoNotUseOutboundPorts;
    final ArchRule drivenAdaptersDoNotUseInboundPorts;
    final ArchRule inboundPortsDoNotKnowOutboundOnes;
    final ArchRule outboundPortsDoNotKnowInboundOnes;
    final ArchRule nothingInTheCoreReadsTheClock;
    final ArchRule noCyclesBetweenModules;
    final ArchRule noCyclesInsideTheDomain;
    final ArchRule noCyclesInsideTheApplication;
    final ArchRule inboundPortsAreUseCasesOrQueries;
    final ArchRule interactorsAreNamedAndPlacedAsSuch;
    final ArchRule outboundPortsSayWhatTheyAre;
    final ArchRule adaptersPutTheTechnologyFirst;
    final ArchRule nothingElseIsCalledAService;

    /** The rules for the code under {@code root}: {@code root.domain}, {@code root.application}, ... */
    ArchitectureRules(String root) {
        this.root = root;
        domain = root + ".domain..";
        application = root + ".application..";
        portIn = root + ".application.port.in..";
        portOut = root + ".application.port.out..";
        useCases = root + ".application.usecase..";
        adapters = root + ".adapter..";
        bootstrap = root + ".bootstrap..";

        domainUsesItselfAndTheComputingJdkOnly = classes()
                .that()
                .resideInAPackage(domain)
                .should()
                .onlyDependOnClassesThat(ownOrCoreJdk(domain))
                .as("the domain depends on itself and the computing JDK only");

        applicationUsesTheDomainAndTheComputingJdkOnly = classes()
                .that()
                .resideInAPackage(application)
                .should()
                .onlyDependOnClassesThat(ownOrCoreJdk(application, domain))
                .as("the application depends on the domain and the computing JDK only");

        adaptersDoNotDependOnEachOther = classes()
                .that()
                .resideInAPackage(adapters)
                .should(new ArchCondition<JavaClass>("not depend on another adapter") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        String own = adapterOf(item).orElseThrow();
                        for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                            adapterOf(dependency.getTargetClass())
                                    .filter(other -> !other.equals(own))
                                    .ifPresent(other -> events.add(
                                            SimpleConditionEvent.violated(dependency, dependency.getDescription())));
                        }
                    }
                })
                .as("adapters do not depend on each other");

        adaptersDoNotDependOnBootstrapOrInteractors = noClasses()
                .that()
                .resideInAPackage(adapters)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(bootstrap, useCases)
                .as("adapters drive the application through its ports, never its interactors or the composition root");

        // an adapter module may be both (adapter-vapi answers the webhook and places calls): the class decides
        drivingAdaptersDoNotUseOutboundPorts = noClasses()
                .that()
                .resideInAPackage(adapters)
                .and(dependOnAClassIn(portIn))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(portOut)
                .as("driving adapters (adapter classes that use an inbound port) do not use outbound ports");

        drivenAdaptersDoNotUseInboundPorts = noClasses()
                .that()
                .resideInAPackage(adapters)
                .and()
                .implement(interfaceIn(portOut))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(portIn)
                .as("driven adapters (implementations of outbound ports) do not use inbound ports");

        inboundPortsDoNotKnowOutboundOnes = noClasses()
                .that()
                .resideInAPackage(portIn)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(portOut)
                .as("inbound ports know nothing of outbound ones");

        outboundPortsDoNotKnowInboundOnes = noClasses()
                .that()
                .resideInAPackage(portOut)
                .should()
                .dependOnClassesThat()
                .resideInAPackage(portIn)
                .as("outbound ports know nothing of inbound ones");

        nothingInTheCoreReadsTheClock = noClasses()
                .that()
                .resideInAnyPackage(domain, application)
                .should()
                .callMethodWhere(readsTheClock())
                .as("domain and application take time from an injected Clock, never from now()");

        noCyclesBetweenModules =
                slices().matching(root + ".(*)..").should().beFreeOfCycles().as("modules are free of cycles");

        noCyclesInsideTheDomain = slices().matching(root + ".domain.(*)..")
                .should()
                .beFreeOfCycles()
                .as("domain packages are free of cycles");

        noCyclesInsideTheApplication = slices().matching(root + ".application.(**)")
                .should()
                .beFreeOfCycles()
                .as("application packages are free of cycles");

        inboundPortsAreUseCasesOrQueries = classes()
                .that()
                .resideInAPackage(portIn)
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

        interactorsAreNamedAndPlacedAsSuch = classes()
                .that()
                .implement(useCaseIn(portIn))
                .and()
                .resideOutsideOfPackage(portIn)
                .should()
                .haveSimpleNameEndingWith("Interactor")
                .andShould()
                .resideInAPackage(useCases)
                .as("use cases are implemented by ...Interactor classes in application.usecase");

        outboundPortsSayWhatTheyAre = classes()
                .that()
                .resideInAPackage(portOut)
                .and()
                .areInterfaces()
                // a sealed interface is a port's answer (a delivery sent, refused or failed), not a port
                .and(DescribedPredicate.describe(
                        "are not sealed", (JavaClass type) -> !type.reflect().isSealed()))
                .should(nameEndsWithOneOf(PORT_OUT_SUFFIXES))
                .as("outbound ports end in Repository, Gateway, Sender, Publisher, Store, Hasher, Templates or "
                        + "TransactionRunner");

        adaptersPutTheTechnologyFirst = classes()
                .that()
                .resideInAPackage(adapters)
                .and()
                .implement(interfaceIn(portOut))
                .should(nameStartsWithOneOf(ADAPTER_TECHNOLOGIES))
                .as("port implementations are named technology first (JdbiAppointmentRepository)");

        nothingElseIsCalledAService = noClasses()
                .that()
                .doNotHaveFullyQualifiedName(root + ".domain.catalog.Service")
                .should()
                .haveSimpleNameEndingWith("Service")
                .as("only the domain's Service (what a business sells) is called a Service");
    }

    /** The rules about the shape of the code; {@link #libraryRules()} holds the rest. */
    List<ArchRule> structureRules() {
        return List.of(
                domainUsesItselfAndTheComputingJdkOnly,
                applicationUsesTheDomainAndTheComputingJdkOnly,
                adaptersDoNotDependOnEachOther,
                adaptersDoNotDependOnBootstrapOrInteractors,
                drivingAdaptersDoNotUseOutboundPorts,
                drivenAdaptersDoNotUseInboundPorts,
                inboundPortsDoNotKnowOutboundOnes,
                outboundPortsDoNotKnowInboundOnes,
                nothingInTheCoreReadsTheClock,
                noCyclesBetweenModules,
                noCyclesInsideTheDomain,
                noCyclesInsideTheApplication,
                inboundPortsAreUseCasesOrQueries,
                interactorsAreNamedAndPlacedAsSuch,
                outboundPortsSayWhatTheyAre,
                adaptersPutTheTechnologyFirst,
                nothingElseIsCalledAService);
    }

    /** One rule per library: only the code that lists it may use it (JSON is HTTP's, Vapi's and Twilio's). */
    List<ArchRule> libraryRules() {
        return new TreeMap<>(USERS_OF_LIBRARIES)
                .entrySet().stream()
                        .map(entry -> {
                            String[] users = entry.getValue().stream()
                                    .map(user -> root + "." + user + "..")
                                    .toArray(String[]::new);
                            return (ArchRule) noClasses()
                                    .that()
                                    .resideOutsideOfPackages(users)
                                    .should()
                                    .dependOnClassesThat()
                                    .resideInAPackage(entry.getKey())
                                    .as("only %s use %s".formatted(String.join(" and ", users), entry.getKey()));
                        })
                        .toList();
    }

    List<ArchRule> all() {
        List<ArchRule> all = new ArrayList<>(structureRules());
        all.addAll(libraryRules());
        return all;
    }

    /** {@code root.adapter.inmemory.X} belongs to the adapter {@code persistence}. */
    private Optional<String> adapterOf(JavaClass type) {
        String prefix = root + ".adapter.";
        String packageName = type.getPackageName();
        if (!packageName.startsWith(prefix)) {
            return Optional.empty();
        }
        return Optional.of(packageName.substring(prefix.length()).split("\\.")[0]);
    }

    private static DescribedPredicate<JavaClass> ownOrCoreJdk(String... own) {
        List<PackageMatcher> allowed = Stream.concat(Stream.of(own), CORE_JDK_PACKAGES.stream())
                .map(PackageMatcher::of)
                .toList();
        return DescribedPredicate.describe(
                "are in " + String.join(", ", own) + " or the JDK packages " + CORE_JDK_PACKAGES + " or classes "
                        + CORE_JDK_CLASSES,
                type -> {
                    JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
                    return base.isPrimitive()
                            || CORE_JDK_CLASSES.contains(base.getName())
                            || allowed.stream().anyMatch(matcher -> matcher.matches(base.getPackageName()));
                });
    }

    private static DescribedPredicate<JavaClass> dependOnAClassIn(String packageIdentifier) {
        PackageMatcher matcher = PackageMatcher.of(packageIdentifier);
        return DescribedPredicate.describe(
                "depend on a class in " + packageIdentifier,
                type -> type.getDirectDependenciesFromSelf().stream()
                        .anyMatch(d -> matcher.matches(d.getTargetClass().getPackageName())));
    }

    private static DescribedPredicate<JavaClass> interfaceIn(String packageIdentifier) {
        PackageMatcher matcher = PackageMatcher.of(packageIdentifier);
        return DescribedPredicate.describe(
                "interfaces in " + packageIdentifier, type -> matcher.matches(type.getPackageName()));
    }

    /** A use case or query, not what one hands out (an open event stream is no use case of its own). */
    private static DescribedPredicate<JavaClass> useCaseIn(String packageIdentifier) {
        PackageMatcher matcher = PackageMatcher.of(packageIdentifier);
        return DescribedPredicate.describe(
                "use cases and queries in " + packageIdentifier,
                type -> matcher.matches(type.getPackageName())
                        && (type.getSimpleName().endsWith("UseCase")
                                || type.getSimpleName().endsWith("Query")));
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
