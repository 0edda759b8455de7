package dev.warden.devkafka;

import java.nio.file.Path;
import java.util.Properties;

/**
 * The embedded broker's {@code server.properties}: one KRaft node (broker and controller) on
 * 127.0.0.1, internal topics with a single replica, few threads.
 */
final class BrokerConfig {
    /** Where every listener binds. */
    static final String HOST = "127.0.0.1";

    private BrokerConfig() {
    }

    /**
     * @param saslPort 0 for no SASL listener; else a listener that demands {@value EmbeddedKafkaBroker#SCRAM_MECHANISM}
     */
    static Properties of(Path logDir, int port, int controllerPort, int saslPort, int defaultPartitions) {
        Properties props = new Properties();
        props.put("process.roles", "broker,controller");
        props.put("node.id", "1");
        props.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        String plaintext = "PLAINTEXT://" + HOST + ":" + port;
        String sasl = saslPort == 0 ? "" : ",SASL_PLAINTEXT://" + HOST + ":" + saslPort;
        props.put("listeners", plaintext + sasl + ",CONTROLLER://" + HOST + ":" + controllerPort);
        props.put("advertised.listeners", plaintext + sasl);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
                + (saslPort == 0 ? "" : ",SASL_PLAINTEXT:SASL_PLAINTEXT"));
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        if (saslPort != 0) {
            // SCRAM on the SASL listener only; the server side's JAAS entry names the module, no user.
            props.put("sasl.enabled.mechanisms", EmbeddedKafkaBroker.SCRAM_MECHANISM);
            props.put("listener.name.sasl_plaintext.sasl.enabled.mechanisms", EmbeddedKafkaBroker.SCRAM_MECHANISM);
            props.put("listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
            props.put("listener.name.sasl_plaintext.scram-sha-512.connections.max.reauth.ms",
                    String.valueOf(EmbeddedKafkaBroker.SASL_REAUTHENTICATION_MS));
        }
        props.put("log.dirs", logDir.toString());
        // One node: every internal topic has a single replica, so transactions and EOS Streams work.
        props.put("offsets.topic.replication.factor", "1");
        props.put("offsets.topic.num.partitions", "1");
        props.put("transaction.state.log.replication.factor", "1");
        props.put("transaction.state.log.min.isr", "1");
        props.put("transaction.state.log.num.partitions", "1");
        props.put("share.coordinator.state.topic.replication.factor", "1");
        props.put("share.coordinator.state.topic.min.isr", "1");
        props.put("num.partitions", String.valueOf(defaultPartitions));
        props.put("group.initial.rebalance.delay.ms", "0");
        // Light on threads and memory: this shares a developer's machine.
        props.put("num.network.threads", "1");
        props.put("num.io.threads", "2");
        props.put("background.threads", "2");
        props.put("num.recovery.threads.per.data.dir", "1");
        props.put("log.cleaner.threads", "1");
        props.put("log.cleaner.dedupe.buffer.size", String.valueOf(4 * 1024 * 1024));
        return props;
    }
}
