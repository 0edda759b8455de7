package dev.warden.streams;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.logging.LogManager;

/**
 * Logging of the standalone app: this module's classes log through System.Logger, Kafka through
 * SLF4J, and both end in java.util.logging (slf4j-jdk14), configured here like the service: one line
 * per record, Kafka at WARNING. Inside the service's process the service's own configuration applies
 * and this class is not used.
 */
final class AlarmStreamsLogging {
    static final String CONFIGURATION = "logging.properties";

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
}
