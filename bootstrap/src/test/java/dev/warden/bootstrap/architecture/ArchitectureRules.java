package dev.warden.bootstrap.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackages;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;

/**
 * The dependency rules of the ports-and-adapters layout, as ArchUnit rules. Every rule refuses to
 * pass on an empty set of classes, so a renamed package cannot turn a rule into a silent pass.
 */
final class ArchitectureRules {
    static final String DOMAIN = "dev.warden.domain..";
    static final String APPLICATION = "dev.warden.application..";
    static final String BOOTSTRAP = "dev.warden.bootstrap..";
    /** Dev and test tooling (the embedded broker): on no production class path. */
    static final String DEV_KAFKA = "dev.warden.devkafka..";
    /** The one production class that may start the dev broker, and only in dev mode. */
    static final String DEV_MODE_GATEWAY = "dev.warden.bootstrap.DevKafka";
    /** The application's ports: the only part of the application an adapter may use. */
    static final String APPLICATION_PORTS = "dev.warden.application.port..";
    /** The application's building blocks for adapters' own threads (BackgroundLoop): not a service. */
    static final String APPLICATION_SUPPORT = "dev.warden.application.support..";
    static final String PASSWORD_ADAPTER = "dev.warden.adapter.password..";
    /** The password adapter's own libraries: Argon2 (Bouncy Castle) and the guess estimator (zxcvbn). */
    static final String[] PASSWORD_LIBRARIES = {"org.bouncycastle..", "com.nulabinc.zxcvbn.."};
    static final String USER_AGENT_ADAPTER = "dev.warden.adapter.useragent..";
    /** The user-agent parser (Yauaa) the user-agent adapter wraps. */
    static final String USER_AGENT_LIBRARY = "nl.basjes..";
    static final String SSF_ADAPTER = "dev.warden.adapter.ssf..";
    /** The JOSE library the Shared Signals adapter signs SETs with (Nimbus JOSE+JWT). */
    static final String NIMBUS = "com.nimbusds..";
    /** The Kafka contract shared by adapters-kafka and alarm-streams: topics, envelope, data, JSON, topic set-up. */
    static final String EVENTS = "dev.warden.events..";
    /** Its one corner that uses a Kafka client (the topic set-up's Admin client, the connection settings). */
    static final String EVENTS_KAFKA = "dev.warden.events.kafka..";
    /** Every adapter module's package; alarm-streams is an adapter of the broker. */
    static final List<String> ADAPTERS = List.of(
            "dev.warden.adapter.http..", "dev.warden.adapter.db..", PASSWORD_ADAPTER, USER_AGENT_ADAPTER,
            "dev.warden.adapter.kafka..", SSF_ADAPTER, "dev.warden.streams..");

    static final ArchRule DOMAIN_DEPENDS_ONLY_ON_JAVA = classes()
            .that().resideInAPackage(DOMAIN)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN)
            .allowEmptyShould(false)
            .because("the session rules are plain Java");

    static final ArchRule APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_JAVA = classes()
            .that().resideInAPackage(APPLICATION)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", DOMAIN, APPLICATION)
            .allowEmptyShould(false)
            .because("use cases know their ports, not the technology behind them");

    static final ArchRule NO_TECHNOLOGY_IN_THE_CORE = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage("io.helidon..", "org.apache.kafka..", "java.sql..")
            .allowEmptyShould(false)
            .because("Helidon, Kafka and JDBC belong in adapters");

    static final ArchRule NOTHING_DEPENDS_ON_BOOTSTRAP = noClasses()
            .that().resideOutsideOfPackage(BOOTSTRAP)
            .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
            .allowEmptyShould(false)
            .because("the composition root wires everything and is wired by nothing");

    static final ArchRule ADAPTERS_ARE_INDEPENDENT = classes()
            .that(resideInAnAdapter())
            .should(dependOnNoOtherAdapter())
            .allowEmptyShould(false)
            .because("adapters meet only through the application's ports");

    static final ArchRule ADAPTERS_USE_ONLY_THE_APPLICATIONS_PORTS = noClasses()
            .that(resideInAnAdapter())
            .should().dependOnClassesThat(resideInAPackage(APPLICATION)
                    .and(resideOutsideOfPackages(APPLICATION_PORTS, APPLICATION_SUPPORT)))
            .allowEmptyShould(false)
            .because("an adapter implements or calls ports (and may run on the application's BackgroundLoop);"
                    + " the services behind the ports are the wiring's to build");

    static final ArchRule PASSWORD_LIBRARIES_STAY_IN_THEIR_ADAPTER = noClasses()
            .that().resideOutsideOfPackage(PASSWORD_ADAPTER)
            .should().dependOnClassesThat().resideInAnyPackage(PASSWORD_LIBRARIES)
            .allowEmptyShould(false)
            .because("hashing and guess estimates are the password adapter's; the rest asks its ports");

    static final ArchRule YAUAA_STAYS_IN_THE_USER_AGENT_ADAPTER = noClasses()
            .that().resideOutsideOfPackage(USER_AGENT_ADAPTER)
            .should().dependOnClassesThat().resideInAPackage(USER_AGENT_LIBRARY)
            .allowEmptyShould(false)
            .because("parsing user agents is the user-agent adapter's; the rest asks the UserAgentParser port,"
                    + " and only that adapter knows how costly the analyzer is to build");

    static final ArchRule NIMBUS_STAYS_IN_THE_SSF_ADAPTER = noClasses()
            .that().resideOutsideOfPackage(SSF_ADAPTER)
            .should().dependOnClassesThat().resideInAPackage(NIMBUS)
            .allowEmptyShould(false)
            .because("signing and key formats are the Shared Signals adapter's; the rest asks the"
                    + " SecurityEventSigner port, so the JOSE library can change in one module");

    static final ArchRule DEV_TOOLING_STANDS_ALONE = noClasses()
            .that().resideInAPackage(DEV_KAFKA)
            .should().dependOnClassesThat(resideInAPackage("dev.warden..").and(resideOutsideOfPackage(DEV_KAFKA)))
            .allowEmptyShould(false)
            .because("the dev broker is tooling that the adapters' own tests use; it knows no Warden code");

    static final ArchRule ONLY_DEV_MODE_TOUCHES_THE_DEV_BROKER = noClasses()
            .that().resideOutsideOfPackage(DEV_KAFKA).and().doNotHaveFullyQualifiedName(DEV_MODE_GATEWAY)
            .should().dependOnClassesThat().resideInAPackage(DEV_KAFKA)
            .allowEmptyShould(false)
            .because("the production jar's libs/ do not contain it: only dev mode's DevKafka may start it");

    static final ArchRule NO_BROKER_OUTSIDE_DEV_TOOLING = noClasses()
            .that().resideOutsideOfPackage(DEV_KAFKA)
            .should().dependOnClassesThat().resideInAnyPackage("kafka..", "scala..")
            .allowEmptyShould(false)
            .because("the Kafka broker and Scala are dev tooling; the service uses only Kafka's clients");

    static final ArchRule EVENTS_KNOW_NO_OTHER_MODULE = noClasses()
            .that().resideInAPackage(EVENTS)
            .should().dependOnClassesThat(resideInAPackage("dev.warden..").and(resideOutsideOfPackage(EVENTS)))
            .allowEmptyShould(false)
            .because("the contract is shared by the service and the standalone alarm topology; it knows neither,"
                    + " nor the domain, so either side can use it without the other");

    static final ArchRule EVENT_CONTRACT_IS_JAVA_AND_JACKSON = classes()
            .that().resideInAPackage(EVENTS).and().resideOutsideOfPackage(EVENTS_KAFKA)
            .should().onlyDependOnClassesThat(resideInAnyPackage("java..", "com.fasterxml.jackson..")
                    .or(resideInAPackage(EVENTS).and(resideOutsideOfPackage(EVENTS_KAFKA))))
            .allowEmptyShould(false)
            .because("topics, envelope, event data and their JSON need no Kafka client; only the topic set-up"
                    + " in " + EVENTS_KAFKA + " does");

    static final ArchRule THE_CORE_KNOWS_NO_WIRE_FORMAT = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAPackage(EVENTS)
            .allowEmptyShould(false)
            .because("CloudEvents and topics are the Kafka adapters' business; use cases hand domain events to a port");


    /** Every class of Warden's own, in every module. */
    static final String WARDEN = "dev.warden..";
    /**
     * The classes that set the levels of the Kafka libraries' loggers: configuring java.util.logging
     * (which SLF4J feeds for Kafka, and Helidon uses) is what they are for. And the access log, whose
     * line per request names its source ({@code logp}): through System.Logger the formatter walked the
     * stack to find it, every request. Nothing else of Warden's touches java.util.logging: its own log
     * lines go through System.Logger.
     */
    static final List<String> LOGGING_CONFIGURATION = List.of(
            "dev.warden.events.kafka.KafkaLogging", "dev.warden.devkafka.BrokerLogging",
            "dev.warden.streams.AlarmStreamsLogging", "dev.warden.adapter.useragent.YauaaLogging",
            "dev.warden.adapter.http.AccessLog");
    static final ArchRule NO_SLF4J_IN_WARDEN = noClasses()
            .that().resideInAPackage(WARDEN)
            .should().dependOnClassesThat().resideInAPackage("org.slf4j..")
            .allowEmptyShould(false)
            .because("Warden logs through System.Logger; SLF4J is only the Kafka libraries' bridge (slf4j-jdk14)");

    static final ArchRule NO_JAVA_UTIL_LOGGING_BUT_ITS_CONFIGURATION = noClasses()
            .that().resideInAPackage(WARDEN).and(haveNoNameIn(LOGGING_CONFIGURATION))
            .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
            .allowEmptyShould(false)
            .because("Warden logs through System.Logger (backed by java.util.logging); only the named classes"
                    + " configure java.util.logging, for the Kafka libraries, and the access log names its source");

    static final ArchRule HTTP_ADAPTER_NEVER_HOLDS_A_PASSWORD_HASH = noClasses()
            .that().resideInAPackage("dev.warden.adapter.http..")
            .should().dependOnClassesThat().haveFullyQualifiedName("dev.warden.domain.Account")
            .allowEmptyShould(false)
            .because("the incoming ports hand it an AccountView: what it was never given it cannot show or log");

    /** The capabilities the use cases and their services are grouped by; a new one is added here. */
    static final List<String> CAPABILITIES = List.of("sessions", "auth", "accounts", "audit", "alarms", "operations",
            "ssf");
    static final String PORT_IN = "dev.warden.application.port.in";
    static final String SERVICE = "dev.warden.application.service";

    static final ArchRule USE_CASES_LIVE_IN_A_CAPABILITY = classes()
            .that().resideInAPackage(PORT_IN + "..").and().haveSimpleNameEndingWith("UseCase")
            .should().resideInAnyPackage(CAPABILITIES.stream().map(c -> PORT_IN + "." + c).toArray(String[]::new))
            .allowEmptyShould(false)
            .because("a use case lives with its views and exceptions in its capability's package of port.in");

    static final ArchRule SERVICES_LIVE_IN_THEIR_USE_CASES_CAPABILITY = classes()
            .that().resideInAPackage(SERVICE + "..")
            .should(liveInTheCapabilityOfTheUseCasesTheyImplement())
            .allowEmptyShould(false)
            .because("a use case's service sits in the same capability under service as the use case under port.in");

    static final ArchRule HTTP_CLASSES_ARE_NOT_SERVICES = noClasses()
            .that().resideInAPackage("dev.warden.adapter.http..")
            .should().haveSimpleNameEndingWith("Service")
            .allowEmptyShould(false)
            .because("the application's use cases are the services; HTTP classes are routes, endpoints or helpers");

    static final ArchRule PERSISTENCE_ADAPTERS_NAMED_FOR_DBCLIENT = classes()
            .that().resideInAPackage("dev.warden.adapter.db..")
            .and().implement(resideInAPackage("dev.warden.application.port.out.."))
            .should().haveSimpleNameStartingWith("DbClient")
            .allowEmptyShould(false)
            .because("the stores behind the outgoing ports use Helidon's DbClient, and their names say so");

    static final List<ArchRule> ALL = List.of(USE_CASES_LIVE_IN_A_CAPABILITY, SERVICES_LIVE_IN_THEIR_USE_CASES_CAPABILITY,
            HTTP_CLASSES_ARE_NOT_SERVICES, PERSISTENCE_ADAPTERS_NAMED_FOR_DBCLIENT,DOMAIN_DEPENDS_ONLY_ON_JAVA, APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_JAVA,
            NO_TECHNOLOGY_IN_THE_CORE, NOTHING_DEPENDS_ON_BOOTSTRAP, ADAPTERS_ARE_INDEPENDENT,
            ADAPTERS_USE_ONLY_THE_APPLICATIONS_PORTS, PASSWORD_LIBRARIES_STAY_IN_THEIR_ADAPTER,
            YAUAA_STAYS_IN_THE_USER_AGENT_ADAPTER, NIMBUS_STAYS_IN_THE_SSF_ADAPTER, DEV_TOOLING_STANDS_ALONE,
            ONLY_DEV_MODE_TOUCHES_THE_DEV_BROKER, NO_BROKER_OUTSIDE_DEV_TOOLING, EVENTS_KNOW_NO_OTHER_MODULE,
            EVENT_CONTRACT_IS_JAVA_AND_JACKSON, THE_CORE_KNOWS_NO_WIRE_FORMAT, NO_SLF4J_IN_WARDEN,
            NO_JAVA_UTIL_LOGGING_BUT_ITS_CONFIGURATION, HTTP_ADAPTER_NEVER_HOLDS_A_PASSWORD_HASH);

    private ArchitectureRules() {
    }

    private static ArchCondition<JavaClass> liveInTheCapabilityOfTheUseCasesTheyImplement() {
        return new ArchCondition<>("live in the capability package of the use cases they implement") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                for (JavaClass useCase : javaClass.getAllRawInterfaces()) {
                    String pkg = useCase.getPackageName();
                    if (!pkg.startsWith(PORT_IN + ".")) {
                        continue;
                    }
                    String expected = SERVICE + "." + pkg.substring(PORT_IN.length() + 1);
                    if (!javaClass.getPackageName().equals(expected)) {
                        events.add(SimpleConditionEvent.violated(javaClass, javaClass.getName() + " implements "
                                + useCase.getName() + " but is not in " + expected));
                    }
                }
            }
        };
    }

    private static DescribedPredicate<JavaClass> haveNoNameIn(List<String> names) {
        return DescribedPredicate.describe("are not one of " + names, javaClass -> !names.contains(javaClass.getName()));
    }

    private static DescribedPredicate<JavaClass> resideInAnAdapter() {
        return DescribedPredicate.describe("reside in an adapter module",
                javaClass -> adapterOf(javaClass.getPackageName()) != null);
    }

    private static ArchCondition<JavaClass> dependOnNoOtherAdapter() {
        return new ArchCondition<>("depend on no other adapter") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String own = adapterOf(javaClass.getPackageName());
                for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                    String target = adapterOf(dependency.getTargetClass().getPackageName());
                    if (target != null && !target.equals(own)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** The adapter package a package belongs to, or null. */
    private static String adapterOf(String packageName) {
        for (String adapter : ADAPTERS) {
            String root = adapter.substring(0, adapter.length() - 2);
            if (packageName.equals(root) || packageName.startsWith(root + ".")) {
                return root;
            }
        }
        return null;
    }
}
