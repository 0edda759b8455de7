package dev.warden.bootstrap.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./warden} script on a machine that has a JDK and the basic shell tools but no Maven and
 * no PostgreSQL: its help still works (it needs neither), and a command that needs Maven says so in
 * one line.
 */
class WardenScriptIT {
    private static final Path SCRIPT = Path.of("..", "warden").toAbsolutePath().normalize();
    /** bash, and the coreutils and sed the script uses; no mvn. */
    private static final List<String> TOOLS = List.of("bash", "env", "sed", "dirname", "readlink", "head", "cut",
            "cat", "id", "find");
    /** Nobody listens on port 1: the script must not try PostgreSQL for help. */
    private static final String NO_POSTGRES = "jdbc:postgresql://127.0.0.1:1/warden";

    @TempDir
    Path bin;

    @Test
    void helpWorksWithoutMavenOrPostgres() throws Exception {
        for (List<String> args : List.of(List.of("--help"), List.of("-h"), List.of("help"), List.<String>of())) {
            Result result = run(args);

            assertEquals(0, result.exitCode(), args + ": " + result.output());
            assertTrue(result.output().startsWith("Warden's launcher: finds a JDK 21+ by itself"), result.output());
            for (String command : List.of("./warden dev", "./warden test", "./warden build", "./warden unlock USERNAME",
                    "java -jar bootstrap/target/warden.jar --help")) {
                assertTrue(result.output().contains(command), command + " in " + result.output());
            }
        }
    }

    @Test
    void aCommandThatBuildsSaysInOneLineThatMavenIsMissing() throws Exception {
        Result result = run(List.of("build"));

        assertEquals(1, result.exitCode(), result.output());
        assertEquals("warden: Maven (mvn) is not on PATH; install it (apt-get install maven).", result.output().strip());
    }

    private Result run(List<String> args) throws IOException, InterruptedException {
        linkTools();
        Path javaBin = Path.of(System.getProperty("java.home"), "bin");
        List<String> command = new ArrayList<>(List.of(SCRIPT.toString()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("WARDEN_") || name.equals("MAVEN_OPTS"));
        builder.environment().put("PATH", bin + File.pathSeparator + javaBin);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("WARDEN_DB_URL", NO_POSTGRES);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the script finished");
        return new Result(process.exitValue(), output);
    }

    /** A bin folder with only the tools the script uses, linked from where this machine has them. */
    private void linkTools() throws IOException {
        for (String tool : TOOLS) {
            Path link = bin.resolve(tool);
            if (!Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, onPath(tool).orElseThrow(() -> new IllegalStateException(tool + " not found")));
            }
        }
        assertTrue(onPath("mvn", bin.toString()).isEmpty(), "no Maven on the test's PATH");
    }

    private static Optional<Path> onPath(String tool) {
        return onPath(tool, System.getenv("PATH") + File.pathSeparator + "/usr/bin" + File.pathSeparator + "/bin");
    }

    private static Optional<Path> onPath(String tool, String path) {
        return Arrays.stream(path.split(File.pathSeparator)).filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, tool)).filter(Files::isExecutable).findFirst();
    }

    private record Result(int exitCode, String output) {
    }
}
