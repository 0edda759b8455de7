package dev.warden.streams.archviolation;

import dev.warden.adapter.kafka.archviolation.KafkaAdapterThing;

/** Fixture: breaks "no adapter depends on another" from alarm-streams. */
public class TopologyCallingTheKafkaAdapter {
    public String call(KafkaAdapterThing thing) {
        return thing.name();
    }
}
