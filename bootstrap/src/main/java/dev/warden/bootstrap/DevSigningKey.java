package dev.warden.bootstrap;

import dev.warden.adapter.ssf.SigningKeys;
import dev.warden.bootstrap.config.SsfSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;

/**
 * Dev mode's SET signing key: without WARDEN_SSF_SIGNING_KEY_FILE, {@code ./warden dev} generates
 * one RSA key once, keeps it in a file only the current user can read (so receivers' cached JWKS
 * stay valid across restarts), and names it, so that the Shared Signals routes are on in dev at
 * {@code http://HOST:PORT}. Production names its own file (docs/ssf.md, key rotation).
 */
final class DevSigningKey {
    private DevSigningKey() {
    }

    /** {@code env} with WARDEN_SSF_SIGNING_KEY_FILE set to {@code file}, generated first if missing; {@code env} itself when the variable is set. */
    static Map<String, String> withGeneratedKey(Map<String, String> env, Path file) {
        String configured = env.get(SsfSettings.SIGNING_KEY_FILE);
        if (configured != null && !configured.isBlank()) {
            return env;
        }
        if (!Files.exists(file)) {
            write(file, SigningKeys.generatePem(new SecureRandom()));
        }
        Map<String, String> withKey = new HashMap<>(env);
        withKey.put(SsfSettings.SIGNING_KEY_FILE, file.toString());
        return withKey;
    }

    private static void write(Path file, String pem) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "ssf-key", ".tmp");
            try {
                if (Files.getFileStore(temporary).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
                }
                Files.writeString(temporary, pem);
                // Whole or not at all: a dev start interrupted mid-write leaves no half key behind.
                Files.move(temporary, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the dev signing key " + file, e);
        }
    }
}
