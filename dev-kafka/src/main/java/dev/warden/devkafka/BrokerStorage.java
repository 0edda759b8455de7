package dev.warden.devkafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;

/** The embedded broker's data folder: its config written and its storage formatted when new, deleted when temporary. */
final class BrokerStorage {
    // The broker's logger: its lines are the broker's.
    private static final System.Logger LOG = System.getLogger(EmbeddedKafkaBroker.class.getName());

    private BrokerStorage() {
    }

    /** Writes {@code server.properties} into {@code dataDir} and formats the storage it names, unless already formatted. */
    static void format(Path dataDir, Properties config) throws IOException {
        Path file = dataDir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            config.store(out, "Embedded Warden broker");
        }
        // --ignore-formatted keeps existing data when the folder is reused across runs.
        String[] args = {"format", "-t", Uuid.randomUuid().toString(), "-c", file.toString(), "--ignore-formatted"};
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = StorageTool.execute(args, new PrintStream(output, true, StandardCharsets.UTF_8));
        if (status != 0) {
            throw new IllegalStateException("Formatting Kafka storage in " + dataDir + " failed: "
                    + output.toString(StandardCharsets.UTF_8).strip());
        }
    }

    static void delete(Path dataDir) {
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not delete the embedded Kafka data in " + dataDir, e);
        }
    }
}
