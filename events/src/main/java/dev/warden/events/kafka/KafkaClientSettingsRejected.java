package dev.warden.events.kafka;

/**
 * The client settings cannot work: a Kafka client cannot be built from them (e.g. a SASL mechanism
 * without its JAAS line), or the broker refused to authenticate them (wrong password, untrusted
 * certificate). Unlike an unreachable broker, waiting does not help, so start-up stops on it. The
 * message is one line and carries no secret.
 */
public final class KafkaClientSettingsRejected extends RuntimeException {
    private final boolean authenticationRefused;
    private final String reason;

    private KafkaClientSettingsRejected(String message, boolean authenticationRefused, String reason, Throwable cause) {
        super(message, cause);
        this.authenticationRefused = authenticationRefused;
        this.reason = reason;
    }

    static KafkaClientSettingsRejected noClient(KafkaConnection kafka, Throwable cause) {
        String reason = cause.getClass().getSimpleName() + ": " + firstLine(kafka.redact(cause.getMessage()));
        return new KafkaClientSettingsRejected("no Kafka client can be built from these settings: " + reason,
                false, reason, cause);
    }

    static KafkaClientSettingsRejected authenticationRefused(KafkaConnection kafka, Throwable cause) {
        String reason = firstLine(kafka.redact(cause.getMessage()));
        return new KafkaClientSettingsRejected("Kafka at " + kafka.bootstrapServers()
                + " refused to authenticate Warden: " + reason, true, reason, cause);
    }

    /** True when the broker refused the credentials; false when no client could be built at all. */
    public boolean authenticationRefused() {
        return authenticationRefused;
    }

    /** Kafka's own words for it (its first line, secrets removed). */
    public String reason() {
        return reason;
    }

    private static String firstLine(String text) {
        return text.lines().findFirst().orElse("");
    }
}
