package dev.warden.adapter.useragent;

import dev.warden.application.port.out.UserAgentParser;
import dev.warden.domain.ClientDescription;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link UserAgentParser} on Yauaa: the shared analyzer ({@link SharedAnalyzer}), read into a
 * {@link ClientDescription} ({@link YauaaFields}) and remembered ({@link DescriptionCache}). Cheap to create: every instance uses the
 * one analyzer of the JVM.
 */
public final class YauaaUserAgentParser implements UserAgentParser {
    private static final System.Logger LOG = System.getLogger(YauaaUserAgentParser.class.getName());
    /** Whether the analyzer's failure to build was logged: once per process, not once per session shown. */
    private static final AtomicBoolean BUILD_FAILURE_LOGGED = new AtomicBoolean();
    /** One for the JVM, like the analyzer: a failed parse throws out of it and is not remembered. */
    static final DescriptionCache DESCRIBED =
            new DescriptionCache(userAgent -> YauaaFields.describe(SharedAnalyzer.get().parse(userAgent)));

    /**
     * Starts building the analyzer in the background (the composition root calls it at start-up), so
     * that the first login is not the one that waits for it. Later calls do nothing.
     */
    public static void loadInBackground() {
        SharedAnalyzer.loadInBackground();
    }

    @Override
    public ClientDescription describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return ClientDescription.UNKNOWN;
        }
        try {
            return DESCRIBED.describe(userAgent);
        } catch (RuntimeException e) {
            // A header is the client's to choose: whatever Yauaa makes of it, a session is still shown.
            LOG.log(System.Logger.Level.DEBUG, "user agent not parsed: " + e);
            return ClientDescription.UNKNOWN;
        } catch (LinkageError e) {
            // The analyzer could not be built (its rules missing from the class path, no memory for them):
            // logins and lists go on, with every client unknown, and the log says why.
            if (BUILD_FAILURE_LOGGED.compareAndSet(false, true)) {
                LOG.log(System.Logger.Level.WARNING, "user agents cannot be parsed, every client shows as unknown: " + e);
            }
            return ClientDescription.UNKNOWN;
        }
    }
}
