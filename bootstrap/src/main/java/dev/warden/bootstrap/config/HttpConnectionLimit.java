package dev.warden.bootstrap.config;

import com.sun.management.UnixOperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/**
 * How many TCP connections the public port holds at once (WARDEN_HTTP_MAX_CONNECTIONS). Beyond it
 * the server stops accepting until one closes; new ones wait in the kernel's backlog. Without a cap
 * a flood of connections used up the process's open files, the web server's accept failed, and
 * Helidon closed the public port for good while the process stayed up (docs/security.md, threat 19):
 * the cap keeps the files that the database pools, Kafka and the management port need.
 */
final class HttpConnectionLimit {
    /** Open files kept for everything but the public port's clients: jars, pools, Kafka, the management port. */
    static final long RESERVED_FILES = 512;
    static final int DEFAULT_CEILING = 10_000;
    /** Assumed where the JVM cannot tell (not a Unix). */
    private static final long UNKNOWN_OPEN_FILES = 2L * DEFAULT_CEILING;

    private HttpConnectionLimit() {
    }

    /** This process's open-file limit ({@code ulimit -n}). */
    static long openFileLimit() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : UNKNOWN_OPEN_FILES;
    }

    /** The most the public port may hold with {@code openFiles} open files: the rest is reserved. */
    static int highest(long openFiles) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, openFiles - RESERVED_FILES));
    }

    /** Half the open files, at most {@value #DEFAULT_CEILING}, and never above {@link #highest}. */
    static int byDefault(long openFiles) {
        return (int) Math.min(highest(openFiles), Math.max(1, Math.min(DEFAULT_CEILING, openFiles / 2)));
    }
}
