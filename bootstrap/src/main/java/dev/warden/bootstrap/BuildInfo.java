package dev.warden.bootstrap;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;

/**
 * Which build this is: the Maven project version and the git commit it was built from, written into
 * {@code build.properties} by the build (resource filtering; the commit by the git-commit-id plugin,
 * or {@code -Dgit.commit.id.abbrev=...} when building from a source archive). {@value #UNKNOWN} for
 * whatever the build could not tell: a build outside a git checkout, or classes run straight from an
 * IDE without Maven's filtering. Served as {@code warden_build_info{version,commit}}.
 */
public record BuildInfo(String version, String commit) {
    public static final String UNKNOWN = "unknown";
    private static final String RESOURCE = "build.properties";

    public BuildInfo {
        version = known(version);
        commit = known(commit);
    }

    /** This build's, from the class path. */
    public static BuildInfo current() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BuildInfo(properties.getProperty("version"), properties.getProperty("commit"));
    }

    /** The value, or {@value #UNKNOWN} when it is missing or was never filtered (still {@code ${...}}). */
    private static String known(String value) {
        String stripped = Objects.requireNonNullElse(value, "").strip();
        return stripped.isEmpty() || stripped.contains("${") ? UNKNOWN : stripped;
    }
}
