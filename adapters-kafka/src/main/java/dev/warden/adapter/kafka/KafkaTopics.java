package dev.warden.adapter.kafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.CreateTopicsResult;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.TopicExistsException;

/** The topics fixed by the contract, and their creation at start-up. */
public final class KafkaTopics {
    /** Every session created, terminated or expired; produced through the outbox. */
    public static final String SESSION_EVENTS = "warden.session-events";
    /** Every session end, forwarded by alarm-streams for other services. */
    public static final String SESSION_TERMINATED = "warden.session-terminated";
    /** IP-spread alarms raised and resolved by alarm-streams. */
    public static final String SESSION_ALARMS = "warden.session-alarms";
    /** Accounts created, disabled, enabled, re-roled, locked, unlocked, given a new password; through the outbox. */
    public static final String ACCOUNT_EVENTS = "warden.account-events";
    public static final List<String> ALL = List.of(SESSION_EVENTS, SESSION_TERMINATED, SESSION_ALARMS, ACCOUNT_EVENTS);

    public static final int DEFAULT_PARTITIONS = 3;

    private static final long TIMEOUT_SECONDS = 30;

    private KafkaTopics() {
    }

    /** Creates the missing topics; existing ones are left exactly as they are. */
    public static void ensureTopics(String bootstrapServers, int partitions, short replicationFactor) {
        ensureTopics(KafkaConnection.plaintext(bootstrapServers), partitions, replicationFactor);
    }

    /**
     * Creates the missing topics with the operator's client settings; the first Kafka client of the
     * service, so it is also where settings that cannot work show up.
     *
     * @throws KafkaClientSettingsRejected when no client can be built from the settings, or the broker
     *                                     refuses to authenticate them
     * @throws IllegalStateException       when the broker is unreachable or refuses to create a topic
     */
    public static void ensureTopics(KafkaConnection kafka, int partitions, short replicationFactor) {
        KafkaLogging.quiet();
        Admin admin;
        try {
            admin = Admin.create(kafka.config(Map.of(AdminClientConfig.CLIENT_ID_CONFIG, "warden-topics")));
        } catch (KafkaException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new KafkaClientSettingsRejected("no Kafka client can be built from these settings: "
                    + cause.getClass().getSimpleName() + ": " + kafka.redact(cause.getMessage()), e);
        }
        try (admin) {
            ensureTopics(admin, partitions, replicationFactor);
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof AuthenticationException refused) {
                throw new KafkaClientSettingsRejected("Kafka at " + kafka.bootstrapServers()
                        + " refused to authenticate Warden: " + kafka.redact(refused.getMessage()), refused);
            }
            throw e;
        }
    }

    /** Creates the missing topics; existing ones are left exactly as they are. */
    public static void ensureTopics(Admin admin, int partitions, short replicationFactor) {
        List<NewTopic> topics = ALL.stream().map(name -> new NewTopic(name, partitions, replicationFactor)).toList();
        CreateTopicsResult result = admin.createTopics(topics);
        for (Map.Entry<String, ? extends java.util.concurrent.Future<Void>> created : result.values().entrySet()) {
            try {
                created.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("Could not create Kafka topic " + created.getKey() + ": "
                            + e.getCause().getMessage(), e.getCause());
                }
            } catch (TimeoutException e) {
                throw new IllegalStateException("Kafka did not create topic " + created.getKey() + " within "
                        + TIMEOUT_SECONDS + " s", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while creating Kafka topics", e);
            }
        }
    }
}
