package dev.warden.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.warden.adapter.http.archviolation.HttpAdapterCallingTheDatabaseAdapter;
import dev.warden.adapter.http.archviolation.HttpAdapterReadingAnAccount;
import dev.warden.adapter.kafka.archviolation.KafkaAdapterCallingBootstrap;
import dev.warden.adapter.kafka.archviolation.KafkaAdapterStartingTheDevBroker;
import dev.warden.application.archviolation.UseCaseOpeningJdbcConnections;
import dev.warden.application.archviolation.UseCasePublishingToKafka;
import dev.warden.bootstrap.archviolation.WiringThatConfiguresTheBrokerItself;
import dev.warden.devkafka.archviolation.DevBrokerReadingTheDomain;
import dev.warden.domain.archviolation.DomainReadingHelidonConfig;
import dev.warden.domain.archviolation.DomainUsingAUseCaseType;
import dev.warden.streams.archviolation.TopologyCallingTheKafkaAdapter;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule, shown to fail on test fixture classes that break it (they live in this module's test
 * sources, in the packages the rules guard, and are excluded from {@link ArchitectureTest}).
 */
class ArchitectureRulesDetectViolationsTest {

    private static EvaluationResult evaluate(ArchRule rule, Class<?>... fixtures) {
        JavaClasses classes = new ClassFileImporter().importClasses(List.of(fixtures));
        return rule.evaluate(classes);
    }

    @Test
    void domainRuleReportsADomainClassUsingHelidon() {
        EvaluationResult result = evaluate(ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_JAVA, DomainReadingHelidonConfig.class);
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("io.helidon"));
    }

    @Test
    void domainRuleReportsADomainClassUsingTheApplication() {
        assertTrue(evaluate(ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_JAVA, DomainUsingAUseCaseType.class).hasViolation());
    }

    @Test
    void applicationRuleReportsAUseCaseUsingKafka() {
        EvaluationResult result = evaluate(ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_JAVA,
                UseCasePublishingToKafka.class);
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("org.apache.kafka"));
    }

    @Test
    void technologyRuleReportsJdbcKafkaAndHelidonInTheCore() {
        EvaluationResult result = evaluate(ArchitectureRules.NO_TECHNOLOGY_IN_THE_CORE,
                UseCaseOpeningJdbcConnections.class, UseCasePublishingToKafka.class, DomainReadingHelidonConfig.class);
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("java.sql"), report);
        assertTrue(report.contains("org.apache.kafka"), report);
        assertTrue(report.contains("io.helidon"), report);
    }

    @Test
    void adapterRuleReportsAnAdapterUsingAnother() {
        assertTrue(evaluate(ArchitectureRules.ADAPTERS_ARE_INDEPENDENT,
                HttpAdapterCallingTheDatabaseAdapter.class).hasViolation());
        assertTrue(evaluate(ArchitectureRules.ADAPTERS_ARE_INDEPENDENT,
                TopologyCallingTheKafkaAdapter.class).hasViolation());
    }

    @Test
    void bootstrapRuleReportsAnAdapterUsingBootstrap() {
        assertTrue(evaluate(ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP,
                KafkaAdapterCallingBootstrap.class).hasViolation());
    }

    @Test
    void devToolingRuleReportsTheDevBrokerUsingWardenCode() {
        EvaluationResult result = evaluate(ArchitectureRules.DEV_TOOLING_STANDS_ALONE, DevBrokerReadingTheDomain.class);
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("dev.warden.domain"), result.getFailureReport().toString());
    }

    @Test
    void devBrokerRuleReportsAnAdapterStartingTheDevBroker() {
        EvaluationResult result = evaluate(ArchitectureRules.ONLY_DEV_MODE_TOUCHES_THE_DEV_BROKER,
                KafkaAdapterStartingTheDevBroker.class);
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("EmbeddedKafkaBroker"), result.getFailureReport().toString());
    }

    @Test
    void devBrokerRuleLetsDevModesGatewayStartIt() throws ClassNotFoundException {
        EvaluationResult result = evaluate(ArchitectureRules.ONLY_DEV_MODE_TOUCHES_THE_DEV_BROKER,
                Class.forName(ArchitectureRules.DEV_MODE_GATEWAY), KafkaAdapterCallingBootstrap.class);
        assertFalse(result.hasViolation(), result.getFailureReport().toString());
    }

    @Test
    void brokerRuleReportsProductionCodeUsingTheKafkaBroker() {
        EvaluationResult result = evaluate(ArchitectureRules.NO_BROKER_OUTSIDE_DEV_TOOLING,
                WiringThatConfiguresTheBrokerItself.class);
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("kafka.server.KafkaConfig"),
                result.getFailureReport().toString());
    }

    @Test
    void passwordHashRuleReportsTheHttpAdapterTakingAnAccount() {
        EvaluationResult result = evaluate(ArchitectureRules.HTTP_ADAPTER_NEVER_HOLDS_A_PASSWORD_HASH,
                HttpAdapterReadingAnAccount.class, HttpAdapterCallingTheDatabaseAdapter.class);
        assertTrue(result.hasViolation());
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("HttpAdapterReadingAnAccount"), report);
        assertFalse(report.contains("HttpAdapterCallingTheDatabaseAdapter"), report);
    }

    @Test
    void noRulePassesOnAnEmptySetOfClasses() {
        JavaClasses none = new ClassFileImporter().importClasses(List.of());
        for (ArchRule rule : ArchitectureRules.ALL) {
            assertThrows(AssertionError.class, () -> rule.check(none), rule.getDescription());
        }
    }

    @Test
    void rulesPassOnFixturesThatKeepThem() {
        // The compliant fixtures prove the rules are not simply always failing.
        JavaClasses compliant = new ClassFileImporter().importClasses(List.of(
                dev.warden.domain.archviolation.CompliantDomainValue.class));
        ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_JAVA.check(compliant);
    }
}
