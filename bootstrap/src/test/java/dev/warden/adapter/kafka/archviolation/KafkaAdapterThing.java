package dev.warden.adapter.kafka.archviolation;

/** Fixture: something in the Kafka adapter that the topology should not reach. */
public class KafkaAdapterThing {
    public String name() {
        return "kafka";
    }
}
