package dev.warden.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.adapter.ssf.SigningKeys;
import dev.warden.bootstrap.config.WardenSettings;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevSigningKeyTest {
    @TempDir
    Path dir;

    @Test
    void givenNoKeyFile_thenDevModeGeneratesOneOnceAndServesSharedSignalsOverItsOwnAddress() throws Exception {
        Path file = dir.resolve("var").resolve("ssf-signing-key.pem");

        Map<String, String> env = DevSigningKey.withGeneratedKey(Map.of("WARDEN_HTTP_PORT", "8181"), file);
        String generated = Files.readString(file);
        DevSigningKey.withGeneratedKey(Map.of(), file);

        assertEquals(file.toString(), env.get("WARDEN_SSF_SIGNING_KEY_FILE"));
        assertEquals(generated, Files.readString(file), "kept across restarts: receivers' cached JWKS stay valid");
        assertEquals(1, SigningKeys.parse(generated).size());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        WardenSettings settings = WardenSettings.fromEnvironment(env, true);
        assertTrue(settings.ssf().enabled());
        assertEquals(URI.create("http://127.0.0.1:8181"), settings.ssf().publicUrl());
    }

    @Test
    void givenAConfiguredKeyFile_thenNothingIsGenerated() {
        Path file = dir.resolve("ssf-signing-key.pem");
        Map<String, String> env = Map.of("WARDEN_SSF_SIGNING_KEY_FILE", "/etc/warden/keys.pem");

        assertSame(env, DevSigningKey.withGeneratedKey(env, file));
        assertTrue(Files.notExists(file));
    }
}
