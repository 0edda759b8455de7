package dev.warden.adapter.useragent;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Yauaa logs a banner and its loading steps at INFO (a dozen lines each start); they go through the
 * Log4j API and SLF4J into java.util.logging, where its loggers are set to WARNING here unless a
 * logging configuration already chose a level. Like KafkaLogging, this configures a library's logger
 * rather than logging, so it uses java.util.logging directly (ArchitectureRules names it).
 */
final class YauaaLogging {
    // JUL holds loggers weakly; keeping it here keeps the level set.
    private static final Logger YAUAA = Logger.getLogger("nl.basjes");

    private YauaaLogging() {
    }

    static void quiet() {
        if (YAUAA.getLevel() == null) {
            YAUAA.setLevel(Level.WARNING);
        }
    }
}
