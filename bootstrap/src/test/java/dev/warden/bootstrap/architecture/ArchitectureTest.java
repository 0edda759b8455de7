package dev.warden.bootstrap.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The production classes of every module keep the layout's dependency rules. */
class ArchitectureTest {
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.warden");
    }

    @Test
    void everyModuleIsImported() {
        for (String pkg : new String[] {"dev.warden.domain", "dev.warden.application", "dev.warden.adapter.http",
                "dev.warden.adapter.db", "dev.warden.adapter.password", "dev.warden.adapter.useragent",
                "dev.warden.adapter.kafka", "dev.warden.adapter.ssf", "dev.warden.streams",
                "dev.warden.bootstrap", "dev.warden.devkafka", "dev.warden.events", "dev.warden.events.kafka"}) {
            assertFalse(production.stream().noneMatch(c -> c.getPackageName().startsWith(pkg)),
                    "no production class found in " + pkg + "; the rules would check nothing there");
        }
    }

    @Test
    void domainDependsOnlyOnJava() {
        check(ArchitectureRules.DOMAIN_DEPENDS_ONLY_ON_JAVA);
    }

    @Test
    void applicationDependsOnlyOnDomainAndJava() {
        check(ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_DOMAIN_AND_JAVA);
    }

    @Test
    void noHelidonKafkaOrJdbcInDomainOrApplication() {
        check(ArchitectureRules.NO_TECHNOLOGY_IN_THE_CORE);
    }

    @Test
    void nothingDependsOnBootstrap() {
        check(ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP);
    }

    @Test
    void noAdapterDependsOnAnother() {
        check(ArchitectureRules.ADAPTERS_ARE_INDEPENDENT);
    }

    @Test
    void adaptersUseOnlyTheApplicationsPorts() {
        check(ArchitectureRules.ADAPTERS_USE_ONLY_THE_APPLICATIONS_PORTS);
    }

    @Test
    void onlyThePasswordAdapterUsesArgon2AndZxcvbn() {
        check(ArchitectureRules.PASSWORD_LIBRARIES_STAY_IN_THEIR_ADAPTER);
    }

    @Test
    void onlyTheUserAgentAdapterUsesYauaa() {
        check(ArchitectureRules.YAUAA_STAYS_IN_THE_USER_AGENT_ADAPTER);
    }

    @Test
    void nimbusStaysInTheSsfAdapter() {
        check(ArchitectureRules.NIMBUS_STAYS_IN_THE_SSF_ADAPTER);
    }

    @Test
    void theDevBrokerDependsOnNoWardenCode() {
        check(ArchitectureRules.DEV_TOOLING_STANDS_ALONE);
    }

    @Test
    void onlyDevModeTouchesTheDevBroker() {
        check(ArchitectureRules.ONLY_DEV_MODE_TOUCHES_THE_DEV_BROKER);
    }

    @Test
    void noProductionClassUsesTheKafkaBrokerOrScala() {
        check(ArchitectureRules.NO_BROKER_OUTSIDE_DEV_TOOLING);
    }

    @Test
    void theEventContractDependsOnNoOtherWardenModule() {
        check(ArchitectureRules.EVENTS_KNOW_NO_OTHER_MODULE);
    }

    @Test
    void theEventContractUsesNoKafkaClientOutsideItsTopicSetUp() {
        check(ArchitectureRules.EVENT_CONTRACT_IS_JAVA_AND_JACKSON);
    }

    @Test
    void domainAndApplicationKnowNoWireFormat() {
        check(ArchitectureRules.THE_CORE_KNOWS_NO_WIRE_FORMAT);
    }

    @Test
    void wardenLogsThroughSystemLoggerNotSlf4j() {
        check(ArchitectureRules.NO_SLF4J_IN_WARDEN);
    }

    @Test
    void onlyTheNamedLoggingConfigurationTouchesJavaUtilLogging() {
        check(ArchitectureRules.NO_JAVA_UTIL_LOGGING_BUT_ITS_CONFIGURATION);
    }

    @Test
    void theHttpAdapterNeverHoldsAPasswordHash() {
        check(ArchitectureRules.HTTP_ADAPTER_NEVER_HOLDS_A_PASSWORD_HASH);
    }

    @Test
    void everyUseCaseLivesInACapabilityAndItsServiceInTheSameOne() {
        check(ArchitectureRules.USE_CASES_LIVE_IN_A_CAPABILITY);
        check(ArchitectureRules.SERVICES_LIVE_IN_THEIR_USE_CASES_CAPABILITY);
    }

    @Test
    void httpAndPersistenceClassesAreNamedForWhatTheyAre() {
        check(ArchitectureRules.HTTP_CLASSES_ARE_NOT_SERVICES);
        check(ArchitectureRules.PERSISTENCE_ADAPTERS_NAMED_FOR_DBCLIENT);
    }

    @Test
    void everyRuleIsCheckedHere() {
        // A rule added to ArchitectureRules.ALL must also be checked against the production classes.
        ArchitectureRules.ALL.forEach(ArchitectureTest::check);
    }

    private static void check(ArchRule rule) {
        rule.check(production);
    }
}
