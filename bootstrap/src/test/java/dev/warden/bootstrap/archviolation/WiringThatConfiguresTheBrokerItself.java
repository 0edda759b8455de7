package dev.warden.bootstrap.archviolation;

import java.util.Properties;
import kafka.server.KafkaConfig;

/** Fixture: breaks "no production class uses the Kafka broker or Scala". */
public class WiringThatConfiguresTheBrokerItself {
    public Object brokerConfig(Properties props) {
        return KafkaConfig.fromProps(props, false);
    }
}
