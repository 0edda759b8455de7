package dev.warden.streams;

import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

/** Creates missing topics with the broker's defaults; topics that already exist are left alone. */
final class TopicCreator {
    private static final System.Logger LOG = System.getLogger(TopicCreator.class.getName());

    private TopicCreator() {
    }

    static void ensureTopics(String bootstrapServers, List<String> topics) throws InterruptedException, ExecutionException {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = topics.stream()
                    .filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, Optional.empty(), Optional.empty()))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                // Someone else (the service) may create them at the same moment: that is fine.
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                    throw e;
                }
            }
            LOG.log(Level.INFO, "Created topics {0}", missing.stream().map(NewTopic::name).toList());
        }
    }
}
