package dev.warden.adapter.kafka.archviolation;

import dev.warden.devkafka.EmbeddedKafkaBroker;

/** Fixture: breaks "only dev mode touches the dev broker" (production's libs/ do not have it). */
public class KafkaAdapterStartingTheDevBroker {
    public String start() {
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start(null, 0)) {
            return broker.bootstrapServers();
        }
    }
}
