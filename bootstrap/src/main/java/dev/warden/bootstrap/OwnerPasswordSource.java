package dev.warden.bootstrap;

import dev.warden.application.port.in.InvalidRequest;
import dev.warden.application.port.in.accounts.EnsureOwnerUseCase;
import dev.warden.bootstrap.config.ConfigurationError;
import dev.warden.bootstrap.config.WardenSettings;
import dev.warden.domain.PasswordRejected;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Where the owner's first password comes from. Production takes WARDEN_OWNER_PASSWORD and refuses
 * to create an owner without it; dev mode generates one and remembers it in a file only the
 * current user can read, so every {@code ./warden dev} can print the login again.
 */
public interface OwnerPasswordSource {

    OwnerLogin ensureOwner(WardenSettings settings, EnsureOwnerUseCase owners);

    /** Production: the password must be configured when the owner does not exist yet. */
    static OwnerPasswordSource configured() {
        return (settings, owners) -> {
            String password = settings.ownerPassword().orElse(null);
            // A configured password is the operator's secret: it is never printed back.
            return new OwnerLogin(settings.ownerUsername(), null, create(owners, settings.ownerUsername(), password));
        };
    }

    /** Dev mode: a configured password wins; otherwise one is generated once and kept in {@code file}. */
    static OwnerPasswordSource generatedFor(Path file) {
        return (settings, owners) -> {
            Optional<String> configured = settings.ownerPassword();
            if (configured.isPresent()) {
                return configured().ensureOwner(settings, owners);
            }
            Optional<String> remembered = read(file);
            String password = remembered.orElseGet(OwnerPasswordSource::generate);
            boolean created = create(owners, settings.ownerUsername(), password);
            if (created) {
                write(file, password);
            }
            return new OwnerLogin(settings.ownerUsername(), created || remembered.isPresent() ? password : null, created);
        };
    }

    private static boolean create(EnsureOwnerUseCase owners, String username, String password) {
        try {
            // A null password is fine while the owner exists: only a missing owner needs one.
            return owners.ensureOwner(username, password);
        } catch (InvalidRequest e) {
            throw new ConfigurationError("WARDEN_OWNER_USERNAME or WARDEN_OWNER_PASSWORD is unusable: " + e.getMessage());
        } catch (PasswordRejected e) {
            throw new ConfigurationError("WARDEN_OWNER_PASSWORD is refused by the password policy: " + e.getMessage());
        }
    }

    private static String generate() {
        SecureRandom random = new SecureRandom();
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder out = new StringBuilder();
        for (int group = 0; group < 4; group++) {
            if (group > 0) {
                out.append('-');
            }
            for (int i = 0; i < 5; i++) {
                out.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
        return out.toString();
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file).strip()).filter(s -> !s.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String password) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
