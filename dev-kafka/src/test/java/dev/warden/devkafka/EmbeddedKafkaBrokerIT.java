package dev.warden.devkafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class EmbeddedKafkaBrokerIT {

    @Test
    void givenRecordWritten_whenBrokerRestarted_thenSameAddressAndRecordStillThere() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(null, 0)) {
            String address = broker.bootstrapServers();
            send(Map.of(), address, "restart-check", "survives a restart");

            broker.stop();
            assertFalse(broker.isRunning());
            broker.restart();

            assertEquals(address, broker.bootstrapServers());
            assertEquals(List.of("survives a restart"), read(Map.of(), address, "restart-check", 1));
        }
    }

    @Test
    void givenTemporaryBroker_whenClosed_thenItsDataFolderIsGone() {
        EmbeddedKafkaBroker temporary = EmbeddedKafkaBroker.start(null, 0);
        Path dataDir = temporary.dataDir();
        assertTrue(Files.isDirectory(dataDir));

        temporary.close();

        assertFalse(Files.exists(dataDir));
    }

    @Test
    void aPlainBrokerHasNoSaslListener() {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(null, 0)) {
            assertThrows(IllegalStateException.class, broker::saslBootstrapServers);
        }
    }

    @Test
    void theSaslListenerAdmitsOnlyAScramUserWithItsPassword() throws Exception {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.startWithScram()) {
            String sasl = broker.saslBootstrapServers();
            assertNotEquals(broker.bootstrapServers(), sasl);
            assertThrows(SaslAuthenticationException.class, () -> describe(scram("alice", "right password"), sasl),
                    "no user exists yet");

            broker.upsertScramUser("alice", "right password");

            assertEquals(1, describe(scram("alice", "right password"), sasl));
            assertThrows(SaslAuthenticationException.class, () -> describe(scram("alice", "wrong password"), sasl));
            send(scram("alice", "right password"), sasl, "sasl-check", "through SCRAM");
            assertEquals(List.of("through SCRAM"), read(scram("alice", "right password"), sasl, "sasl-check", 1));

            broker.deleteScramUser("alice");
            assertThrows(SaslAuthenticationException.class, () -> describe(scram("alice", "right password"), sasl));
        }
    }

    static Map<String, Object> scram(String user, String password) {
        return Map.of("security.protocol", "SASL_PLAINTEXT", "sasl.mechanism", EmbeddedKafkaBroker.SCRAM_MECHANISM,
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + user + "\" password=\"" + password + "\";");
    }

    /** The number of brokers the cluster reports; throws what the client got. */
    private static int describe(Map<String, Object> security, String address) throws Exception {
        Map<String, Object> config = new HashMap<>(security);
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, address);
        try (Admin admin = Admin.create(config)) {
            return admin.describeCluster().nodes().get(20, TimeUnit.SECONDS).size();
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    private static void send(Map<String, Object> security, String address, String topic, String value) throws Exception {
        Map<String, Object> config = new HashMap<>(security);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, address);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, "k", value)).get(20, TimeUnit.SECONDS);
        }
    }

    private static List<String> read(Map<String, Object> security, String address, String topic, int count) {
        Map<String, Object> config = new HashMap<>(security);
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, address);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(15)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<String> values = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (values.size() < count && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
            return values;
        }
    }
}
