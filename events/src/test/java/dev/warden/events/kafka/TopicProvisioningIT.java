package dev.warden.events.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warden.devkafka.EmbeddedKafkaBroker;
import dev.warden.events.EventTopics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one topic set-up of both processes, against a broker whose own default (one partition, as
 * Kafka ships) differs from the contract's, so the count seen is Warden's and not the broker's.
 */
class TopicProvisioningIT {
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.startWithDefaultPartitions(1);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }

    private static Map<String, Integer> partitions(Admin admin, List<String> topics) throws Exception {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
        described.forEach((name, topic) -> counts.put(name, topic.partitions().size()));
        return counts;
    }

    @Test
    void missingTopicsGetTheContractsPartitionCountAndExistingOnesAreLeftAsTheyAre() throws Exception {
        try (Admin admin = admin()) {
            // An operator made warden.session-alarms beforehand, with five partitions.
            admin.createTopics(List.of(new NewTopic(EventTopics.SESSION_ALARMS, 5, (short) 1))).all()
                    .get(10, TimeUnit.SECONDS);

            List<String> created = TopicProvisioning.ensureTopics(KafkaConnection.plaintext(broker.bootstrapServers()));
            List<String> again = TopicProvisioning.ensureTopics(KafkaConnection.plaintext(broker.bootstrapServers()));

            assertEquals(List.of(EventTopics.SESSION_EVENTS, EventTopics.SESSION_TERMINATED, EventTopics.ACCOUNT_EVENTS),
                    created);
            assertEquals(List.of(), again, "nothing is created twice");
            assertEquals(Map.of(EventTopics.SESSION_EVENTS, EventTopics.PARTITIONS,
                    EventTopics.SESSION_TERMINATED, EventTopics.PARTITIONS,
                    EventTopics.SESSION_ALARMS, 5,
                    EventTopics.ACCOUNT_EVENTS, EventTopics.PARTITIONS), partitions(admin, EventTopics.ALL));
        }
    }
}
