package dev.warden.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.List;

/**
 * The dependency rules of the ports-and-adapters layout, as ArchUnit rules. Every rule refuses to
 * pass on an empty set of classes, so a renamed package cannot turn a rule into a silent pass.
 */
final class ArchitectureRules {
    static final String DOMAIN = "dev.warden.domain..";
    static final String APPLICATION = "dev.warden.application..";
    static final String BOOTSTRAP = "dev.warden.bootstrap..";
    /** Every adapter module's package; alarm-streams is an adapter of the broker. */
    static final List<String> ADAPTERS = List.of(
            "dev.warden.adapter.http..", "dev.warden.adapter.db..", "dev.warden.adapter.kafka..", "dev.warden.streams..");

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

    static final ArchRule ADAPTERS_ARE_INDEPENDENT = CompositeArchRule.of(ADAPTERS.stream()
            .map(ArchitectureRules::adapterIndependence).toList())
            .allowEmptyShould(false);

    static final List<ArchRule> ALL = List.of(DOMAIN_DEPENDS_ONLY_ON_JAVA, APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_JAVA,
            NO_TECHNOLOGY_IN_THE_CORE, NOTHING_DEPENDS_ON_BOOTSTRAP, ADAPTERS_ARE_INDEPENDENT);

    private ArchitectureRules() {
    }

    private static ArchRule adapterIndependence(String adapter) {
        String[] others = ADAPTERS.stream().filter(other -> !other.equals(adapter)).toArray(String[]::new);
        return noClasses()
                .that().resideInAPackage(adapter)
                .should().dependOnClassesThat().resideInAnyPackage(others)
                .allowEmptyShould(false)
                .because("adapters meet only through the application's ports");
    }
}
