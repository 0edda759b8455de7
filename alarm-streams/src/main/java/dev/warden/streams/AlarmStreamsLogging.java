package dev.warden.streams;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Logging of the standalone app: this module's classes log through System.Logger, Kafka through
 * SLF4J, and both end in java.util.logging (slf4j-jdk14), configured here like the service: one line
 * per record, Kafka at WARNING. Inside the service's process the service's own configuration applies
 * and only {@link #acceptThrowawayStateFolders()} is used.
 */
final class AlarmStreamsLogging {
    static final String CONFIGURATION = "logging.properties";
    /** Kafka Streams' warning, at every start, that its state folder is in the temporary directory. */
    static final String TEMP_STATE_DIR_WARNING = "Using an OS temp directory in the state.dir property";
    // JUL holds loggers weakly; keeping it here keeps the filter set on it.
    private static final Logger STATE_DIRECTORY =
            Logger.getLogger("org.apache.kafka.streams.processor.internals.StateDirectory");

    private AlarmStreamsLogging() {
    }

    /** Applies this module's configuration, unless the JVM was started with one of the operator's. */
    static void configure() {
        if (System.getProperty("java.util.logging.config.file") != null
                || System.getProperty("java.util.logging.config.class") != null) {
            return;
        }
        try (InputStream in = AlarmStreamsLogging.class.getResourceAsStream(CONFIGURATION)) {
            if (in == null) {
                throw new IllegalStateException(CONFIGURATION + " is missing beside " + AlarmStreamsLogging.class);
            }
            LogManager.getLogManager().readConfiguration(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the logging configuration", e);
        }
    }

    /**
     * Drops Kafka Streams' temporary-directory warning for {@link StreamsStateFolder}s only: the advice
     * is for state meant to outlive the process, and these folders are throwaway by design (a folder
     * per run, rebuilt from the changelog at start, deleted at stop; docs/operations.md, "Local
     * files", says what an OS that cleans the temporary directory by age needs). A state folder the
     * operator named (the standalone's WARDEN_STREAMS_STATE_DIR) still gets the warning.
     */
    static synchronized void acceptThrowawayStateFolders() {
        if (STATE_DIRECTORY.getFilter() == null) {
            STATE_DIRECTORY.setFilter(record -> !isAboutAThrowawayFolder(record.getMessage()));
        }
    }

    static boolean isAboutAThrowawayFolder(String message) {
        return message != null && message.startsWith(TEMP_STATE_DIR_WARNING)
                && message.contains(File.separator + StreamsStateFolder.PREFIX);
    }
}
