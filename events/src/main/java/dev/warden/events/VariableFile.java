package dev.warden.events;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * A file an environment variable names (a secret mounted as a file, the Kafka client properties),
 * read the same way by the service and the standalone alarm topology.
 */
public final class VariableFile {
    private VariableFile() {
    }

    /**
     * The whole file as UTF-8 text.
     *
     * @param variable the variable that names the file, for the message
     * @param fileName its value
     * @throws VariableRejected naming the variable, the file and why (never the content) when it cannot be read
     */
    public static String read(String variable, String fileName) {
        Path file = Path.of(fileName.strip());
        String reason;
        if (Files.isDirectory(file)) {
            reason = "a directory";
        } else {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                reason = "no such file";
            } catch (AccessDeniedException e) {
                reason = "permission denied";
            } catch (CharacterCodingException e) {
                reason = "not UTF-8 text";
            } catch (IOException e) {
                reason = e.getClass().getSimpleName();
            }
        }
        throw new VariableRejected(variable + " cannot be read: '" + file + "' (" + reason + ")");
    }
}
