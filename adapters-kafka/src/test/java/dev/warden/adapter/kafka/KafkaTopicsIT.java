package dev.warden.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warden.devkafka.EmbeddedKafkaBroker;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.junit.jupiter.api.Test;

class KafkaTopicsIT {

    @Test
    void givenTopicsEnsured_whenEnsuredAgain_thenNoErrorAndTopicsUnchanged() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(null, 0)) {
            KafkaTopics.ensureTopics(broker.bootstrapServers(), 3, (short) 1);

            assertDoesNotThrow(() -> KafkaTopics.ensureTopics(broker.bootstrapServers(), 5, (short) 1));

            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                Map<String, TopicDescription> topics = admin.describeTopics(KafkaTopics.ALL).allTopicNames()
                        .get(10, TimeUnit.SECONDS);
                assertEquals(4, topics.size(), "the four topics of the contract");
                topics.values().forEach(topic -> assertEquals(3, topic.partitions().size(), topic.name()));
            }
        }
    }
}
