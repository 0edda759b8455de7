package dev.warden.adapter.kafka;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerIT {
    private static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(null, 0);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void givenRecordWritten_whenBrokerRestarted_thenSameAddressAndRecordStillThere() throws Exception {
        String address = broker.bootstrapServers();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, address,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>("restart-check", "k", "survives a restart")).get(10, TimeUnit.SECONDS);
        }

        broker.stop();
        assertFalse(broker.isRunning());
        broker.restart();

        assertEquals(address, broker.bootstrapServers());
        List<ConsumerRecord<String, String>> records = TopicReader.readUntil(address, "restart-check",
                Duration.ofSeconds(15), read -> !read.isEmpty());
        assertEquals("survives a restart", records.getFirst().value());
    }

    @Test
    void givenTopicsEnsured_whenEnsuredAgain_thenNoErrorAndTopicsUnchanged() throws Exception {
        KafkaTopics.ensureTopics(broker.bootstrapServers(), 3, (short) 1);

        assertDoesNotThrow(() -> KafkaTopics.ensureTopics(broker.bootstrapServers(), 5, (short) 1));

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(KafkaTopics.ALL).allTopicNames()
                    .get(10, TimeUnit.SECONDS);
            assertEquals(4, topics.size(), "the four topics of the contract");
            topics.values().forEach(topic -> assertEquals(3, topic.partitions().size(), topic.name()));
        }
    }

    @Test
    void givenTemporaryBroker_whenClosed_thenItsDataFolderIsGone() {
        EmbeddedKafkaBroker temporary = EmbeddedKafkaBroker.start(null, 0);
        Path dataDir = temporary.dataDir();
        assertTrue(Files.isDirectory(dataDir));
        assertFalse(temporary.bootstrapServers().equals(broker.bootstrapServers()));

        temporary.close();

        assertFalse(Files.exists(dataDir));
    }
}
