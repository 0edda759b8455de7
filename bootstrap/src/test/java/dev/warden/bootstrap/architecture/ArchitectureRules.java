package dev.warden.bootstrap.architecture;

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

    static final ArchRule ADAPTERS_ARE_INDEPENDENT = classes()
            .that(resideInAnAdapter())
            .should(dependOnNoOtherAdapter())
            .allowEmptyShould(false)
            .because("adapters meet only through the application's ports");

    static final List<ArchRule> ALL = List.of(DOMAIN_DEPENDS_ONLY_ON_JAVA, APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_JAVA,
            NO_TECHNOLOGY_IN_THE_CORE, NOTHING_DEPENDS_ON_BOOTSTRAP, ADAPTERS_ARE_INDEPENDENT);

    private ArchitectureRules() {
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
