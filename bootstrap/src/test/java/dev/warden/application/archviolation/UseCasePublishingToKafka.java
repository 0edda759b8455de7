package dev.warden.application.archviolation;

import org.apache.kafka.clients.producer.ProducerRecord;

/** Fixture: breaks the application rules by building Kafka records itself. */
public class UseCasePublishingToKafka {
    public ProducerRecord<String, String> record(String value) {
        return new ProducerRecord<>("topic", value);
    }
}
