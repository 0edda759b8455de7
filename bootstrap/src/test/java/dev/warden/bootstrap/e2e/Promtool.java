package dev.warden.bootstrap.e2e;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Prometheus's own checker, Debian's {@code promtool} (package {@code prometheus}): {@code check metrics}
 * lints a scrape read on standard input, {@code check rules} a rule file. Found on the PATH or in
 * /usr/bin; the tests that need it fail at once when it is missing, naming the install command, rather
 * than skip (as the browser tests do for Chromium).
 */
final class Promtool {
    static final String INSTALL = "apt-get install -y prometheus";

    private Promtool() {
    }

    /** What promtool printed (standard output and error together) and its exit code. */
    record Result(int exitCode, String output) {
    }

    static Path requireInstalled() {
        List<Path> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty()) {
                candidates.add(Path.of(dir, "promtool"));
            }
        }
        candidates.add(Path.of("/usr/bin/promtool"));
        return candidates.stream().filter(Files::isExecutable).findFirst()
                .orElseThrow(() -> new AssertionError("promtool is missing, so the Prometheus checks (the management "
                        + "scrape and the alert rules) cannot run. .ci/run installs it with apt-get (" + INSTALL + ")."));
    }

    /** {@code promtool check metrics}, the scrape on standard input. */
    static Result checkMetrics(String exposition) {
        return run(exposition, "check", "metrics");
    }

    /** {@code promtool check rules --lint-fatal FILE}: a syntax error or a duplicate rule fails. */
    static Result checkRules(Path rules) {
        return run(null, "check", "rules", "--lint-fatal", rules.toString());
    }

    private static Result run(String input, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(requireInstalled().toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try (OutputStream stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("promtool " + String.join(" ", arguments) + " did not finish within 60 s");
            }
            return new Result(process.exitValue(), output.get(10, TimeUnit.SECONDS));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (Exception e) {
            throw new AssertionError("promtool " + String.join(" ", arguments) + ": " + e, e);
        }
    }
}
