package dev.warden.adapter.kafka;

/**
 * The client settings cannot work: a Kafka client cannot be built from them (e.g. a SASL mechanism
 * without its JAAS line), or the broker refused to authenticate them (wrong password, untrusted
 * certificate). Unlike an unreachable broker, waiting does not help, so start-up stops on it. The
 * message is one line and carries no secret.
 */
public final class KafkaClientSettingsRejected extends RuntimeException {
    KafkaClientSettingsRejected(String message, Throwable cause) {
        super(message, cause);
    }
}
