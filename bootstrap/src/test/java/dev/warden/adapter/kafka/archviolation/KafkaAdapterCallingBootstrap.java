package dev.warden.adapter.kafka.archviolation;

import dev.warden.bootstrap.archviolation.BootstrapThing;

/** Fixture: breaks "nothing depends on bootstrap". */
public class KafkaAdapterCallingBootstrap {
    public String call(BootstrapThing thing) {
        return thing.name();
    }
}
