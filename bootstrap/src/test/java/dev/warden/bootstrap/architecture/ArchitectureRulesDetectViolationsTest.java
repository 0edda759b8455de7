package dev.warden.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.warden.adapter.db.DbClientSessionStore;
import dev.warden.adapter.db.archviolation.JdbcEventPublisher;
import dev.warden.adapter.http.archviolation.HttpAdapterCallingTheDatabaseAdapter;
import dev.warden.adapter.http.archviolation.HttpAdapterHashingWithThePasswordAdapter;
import dev.warden.adapter.http.archviolation.HttpAdapterParsingUserAgentsWithYauaa;
import dev.warden.adapter.http.archviolation.HttpAdapterLoggingThroughJavaUtilLogging;
import dev.warden.adapter.http.archviolation.HttpAdapterLoggingThroughSlf4j;
import dev.warden.adapter.http.archviolation.HttpAdapterReadingAnAccount;
import dev.warden.adapter.http.archviolation.HttpAdapterSigningWithNimbus;
import dev.warden.adapter.http.archviolation.SessionsHttpService;
import dev.warden.adapter.kafka.archviolation.KafkaAdapterCallingBootstrap;
import dev.warden.adapter.kafka.archviolation.KafkaAdapterStartingTheDevBroker;
import dev.warden.adapter.kafka.archviolation.KafkaAdapterThing;
import dev.warden.adapter.password.Argon2PasswordHasher;
import dev.warden.adapter.password.BoundedPasswordHasher;
import dev.warden.adapter.password.CommonPasswordBlocklist;
import dev.warden.adapter.password.archviolation.PasswordAdapterCallingAUseCaseService;
import dev.warden.adapter.password.archviolation.PasswordAdapterCallingBootstrap;
import dev.warden.adapter.password.archviolation.PasswordAdapterCallingTheDatabaseAdapter;
import dev.warden.adapter.ssf.NimbusSecurityEventSigner;
import dev.warden.adapter.ssf.SigningKeys;
import dev.warden.adapter.useragent.YauaaUserAgentParser;
import dev.warden.application.archviolation.UseCaseHashingWithThePasswordAdapter;
import dev.warden.application.archviolation.UseCaseOpeningJdbcConnections;
import dev.warden.application.archviolation.UseCasePublishingToKafka;
import dev.warden.application.archviolation.UseCaseWritingCloudEvents;
import dev.warden.application.port.in.alarms.ListAlarmsUseCase;
import dev.warden.application.port.in.archviolation.StrayUseCase;
import dev.warden.application.port.in.auth.LoginUseCase;
import dev.warden.application.service.alarms.ListAlarmsService;
import dev.warden.application.service.archviolation.LoginServiceInTheWrongRoom;
import dev.warden.application.service.auth.LoginService;
import dev.warden.bootstrap.archviolation.WiringThatConfiguresTheBrokerItself;
import dev.warden.bootstrap.archviolation.WiringThatHashesWithBouncyCastle;
import dev.warden.devkafka.archviolation.DevBrokerReadingTheDomain;
import dev.warden.domain.archviolation.DomainMeasuringWithZxcvbn;
import dev.warden.domain.archviolation.DomainReadingHelidonConfig;
import dev.warden.domain.archviolation.DomainUsingAUseCaseType;
import dev.warden.events.EventJson;
import dev.warden.events.archviolation.ContractProducingToKafka;
import dev.warden.events.archviolation.ContractReadingTheDomain;
import dev.warden.events.kafka.TopicProvisioning;
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

    /** None of {@code rules} reports anything in {@code classes}. */
    private static void assertNoViolation(List<ArchRule> rules, Class<?>... classes) {
        for (ArchRule rule : rules) {
            EvaluationResult result = evaluate(rule, classes);
            assertFalse(result.hasViolation(), result.getFailureReport().toString());
        }
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
    void adapterRuleReportsThePasswordAdapterUsingAnotherAdapterAndAnotherAdapterUsingIt() {
        EvaluationResult fromPasswords = evaluate(ArchitectureRules.ADAPTERS_ARE_INDEPENDENT,
                PasswordAdapterCallingTheDatabaseAdapter.class);
        assertTrue(fromPasswords.hasViolation());
        assertTrue(fromPasswords.getFailureReport().toString().contains("DatabaseAdapterThing"));
        EvaluationResult intoPasswords = evaluate(ArchitectureRules.ADAPTERS_ARE_INDEPENDENT,
                HttpAdapterHashingWithThePasswordAdapter.class);
        assertTrue(intoPasswords.hasViolation());
        assertTrue(intoPasswords.getFailureReport().toString().contains("Argon2PasswordHasher"));
    }

    @Test
    void portsRuleReportsAnAdapterUsingAServiceInsteadOfItsPort() {
        EvaluationResult result = evaluate(ArchitectureRules.ADAPTERS_USE_ONLY_THE_APPLICATIONS_PORTS,
                PasswordAdapterCallingAUseCaseService.class);
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("CreateUserService"), result.getFailureReport().toString());
    }

    @Test
    void applicationRuleReportsAUseCaseNamingThePasswordAdapter() {
        EvaluationResult result = evaluate(ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_JAVA,
                UseCaseHashingWithThePasswordAdapter.class);
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("dev.warden.adapter.password"));
    }

    @Test
    void passwordLibrariesRuleReportsTheDomainAndTheWiringUsingThem() {
        EvaluationResult result = evaluate(ArchitectureRules.PASSWORD_LIBRARIES_STAY_IN_THEIR_ADAPTER,
                DomainMeasuringWithZxcvbn.class, WiringThatHashesWithBouncyCastle.class);
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("com.nulabinc.zxcvbn"), report);
        assertTrue(report.contains("org.bouncycastle"), report);
        assertTrue(evaluate(ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_JAVA, DomainMeasuringWithZxcvbn.class)
                .hasViolation());
    }

    @Test
    void yauaaRuleReportsTheHttpAdapterParsingUserAgentsItself_andLetsTheUserAgentAdapterUseIt() {
        EvaluationResult result = evaluate(ArchitectureRules.YAUAA_STAYS_IN_THE_USER_AGENT_ADAPTER,
                HttpAdapterParsingUserAgentsWithYauaa.class);
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("nl.basjes.parse.useragent"),
                result.getFailureReport().toString());
        // A compliant class outside the adapter too, so that no rule meets an empty set.
        assertNoViolation(List.of(ArchitectureRules.YAUAA_STAYS_IN_THE_USER_AGENT_ADAPTER,
                        ArchitectureRules.ADAPTERS_ARE_INDEPENDENT, ArchitectureRules.ADAPTERS_USE_ONLY_THE_APPLICATIONS_PORTS),
                YauaaUserAgentParser.class, dev.warden.domain.archviolation.CompliantDomainValue.class);
    }

    @Test
    void nimbusRuleReportsTheHttpAdapterSigningItself_andLetsTheSsfAdapterUseIt() {
        EvaluationResult result = evaluate(ArchitectureRules.NIMBUS_STAYS_IN_THE_SSF_ADAPTER,
                HttpAdapterSigningWithNimbus.class);
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("com.nimbusds.jose"),
                result.getFailureReport().toString());
        // A compliant class outside the adapter too, so that no rule meets an empty set.
        Class<?>[] adapter = {NimbusSecurityEventSigner.class, SigningKeys.class,
                dev.warden.domain.archviolation.CompliantDomainValue.class};
        for (ArchRule rule : List.of(ArchitectureRules.NIMBUS_STAYS_IN_THE_SSF_ADAPTER,
                ArchitectureRules.ADAPTERS_ARE_INDEPENDENT, ArchitectureRules.ADAPTERS_USE_ONLY_THE_APPLICATIONS_PORTS)) {
            EvaluationResult own = evaluate(rule, adapter);
            assertFalse(own.hasViolation(), own.getFailureReport().toString());
        }
    }

    @Test
    void adapterRulesLetThePasswordAdapterUseItsPortsAndItsOwnLibraries() {
        // A compliant class outside the adapter too, so that no rule meets an empty set.
        assertNoViolation(List.of(ArchitectureRules.ADAPTERS_ARE_INDEPENDENT,
                        ArchitectureRules.ADAPTERS_USE_ONLY_THE_APPLICATIONS_PORTS,
                        ArchitectureRules.PASSWORD_LIBRARIES_STAY_IN_THEIR_ADAPTER),
                Argon2PasswordHasher.class, BoundedPasswordHasher.class, CommonPasswordBlocklist.class,
                dev.warden.domain.archviolation.CompliantDomainValue.class);
    }

    @Test
    void bootstrapRuleReportsAnAdapterUsingBootstrap() {
        assertTrue(evaluate(ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP,
                KafkaAdapterCallingBootstrap.class).hasViolation());
        assertTrue(evaluate(ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP,
                PasswordAdapterCallingBootstrap.class).hasViolation());
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
    void eventsRuleReportsTheContractUsingTheDomain() {
        EvaluationResult result = evaluate(ArchitectureRules.EVENTS_KNOW_NO_OTHER_MODULE, ContractReadingTheDomain.class);
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("dev.warden.domain.UserId"),
                result.getFailureReport().toString());
    }

    @Test
    void contractRuleReportsKafkaOutsideTheTopicSetUp() {
        EvaluationResult result = evaluate(ArchitectureRules.EVENT_CONTRACT_IS_JAVA_AND_JACKSON,
                ContractProducingToKafka.class);
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("org.apache.kafka.clients.producer.ProducerRecord"),
                result.getFailureReport().toString());
    }

    @Test
    void contractRuleLetsTheTopicSetUpUseKafkasAdminClient() {
        EvaluationResult result = evaluate(ArchitectureRules.EVENT_CONTRACT_IS_JAVA_AND_JACKSON,
                TopicProvisioning.class, EventJson.class);
        assertFalse(result.hasViolation(), result.getFailureReport().toString());
    }

    @Test
    void wireFormatRuleReportsAUseCaseBuildingACloudEvent() {
        EvaluationResult result = evaluate(ArchitectureRules.THE_CORE_KNOWS_NO_WIRE_FORMAT,
                UseCaseWritingCloudEvents.class);
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("dev.warden.events.CloudEvent"),
                result.getFailureReport().toString());
    }

    @Test
    void slf4jRuleReportsWardenCodeLoggingThroughSlf4j() {
        EvaluationResult result = evaluate(ArchitectureRules.NO_SLF4J_IN_WARDEN, HttpAdapterLoggingThroughSlf4j.class);
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("org.slf4j.LoggerFactory"),
                result.getFailureReport().toString());
    }

    @Test
    void julRuleReportsWardenCodeLoggingThroughJavaUtilLogging() {
        EvaluationResult result = evaluate(ArchitectureRules.NO_JAVA_UTIL_LOGGING_BUT_ITS_CONFIGURATION,
                HttpAdapterLoggingThroughJavaUtilLogging.class);
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("java.util.logging.Logger"),
                result.getFailureReport().toString());
    }

    @Test
    void julRuleLetsTheNamedClassesConfigureTheKafkaLibrariesLoggers() throws ClassNotFoundException {
        // With a class that logs nothing beside them: the rule must have something to check.
        List<Class<?>> configuration = new java.util.ArrayList<>(List.of(KafkaAdapterThing.class));
        for (String name : ArchitectureRules.LOGGING_CONFIGURATION) {
            configuration.add(Class.forName(name));
        }
        EvaluationResult result = evaluate(ArchitectureRules.NO_JAVA_UTIL_LOGGING_BUT_ITS_CONFIGURATION,
                configuration.toArray(Class<?>[]::new));
        assertFalse(result.hasViolation(), result.getFailureReport().toString());
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

    @Test
    void layoutRuleReportsAUseCaseOutsideACapability_andPassesTheRealOnes() {
        EvaluationResult stray = evaluate(ArchitectureRules.USE_CASES_LIVE_IN_A_CAPABILITY, StrayUseCase.class);
        assertTrue(stray.hasViolation());
        assertTrue(stray.getFailureReport().toString().contains("StrayUseCase"));
        assertFalse(evaluate(ArchitectureRules.USE_CASES_LIVE_IN_A_CAPABILITY, LoginUseCase.class,
                ListAlarmsUseCase.class).hasViolation());
    }

    @Test
    void layoutRuleReportsAServiceOutsideItsUseCasesCapability_andPassesTheRealOnes() {
        EvaluationResult wrongRoom = evaluate(ArchitectureRules.SERVICES_LIVE_IN_THEIR_USE_CASES_CAPABILITY,
                LoginServiceInTheWrongRoom.class);
        assertTrue(wrongRoom.hasViolation());
        assertTrue(wrongRoom.getFailureReport().toString().contains("not in dev.warden.application.service.auth"),
                wrongRoom.getFailureReport().toString());
        assertFalse(evaluate(ArchitectureRules.SERVICES_LIVE_IN_THEIR_USE_CASES_CAPABILITY, LoginService.class,
                ListAlarmsService.class).hasViolation());
    }

    @Test
    void namingRulesReportAnHttpServiceAndAJdbcNamedStore_andPassTheRealOnes() {
        assertTrue(evaluate(ArchitectureRules.HTTP_CLASSES_ARE_NOT_SERVICES, SessionsHttpService.class).hasViolation());
        assertTrue(evaluate(ArchitectureRules.PERSISTENCE_ADAPTERS_NAMED_FOR_DBCLIENT, JdbcEventPublisher.class)
                .hasViolation());
        assertFalse(evaluate(ArchitectureRules.PERSISTENCE_ADAPTERS_NAMED_FOR_DBCLIENT, DbClientSessionStore.class)
                .hasViolation());
    }
}
