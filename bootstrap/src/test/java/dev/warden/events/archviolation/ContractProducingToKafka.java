package dev.warden.events.archviolation;

import org.apache.kafka.clients.producer.ProducerRecord;

/** Fixture: breaks "the event contract needs no Kafka client" by building a Kafka record outside events.kafka. */
public class ContractProducingToKafka {
    public ProducerRecord<String, String> record(String value) {
        return new ProducerRecord<>("warden.session-events", value);
    }
}
