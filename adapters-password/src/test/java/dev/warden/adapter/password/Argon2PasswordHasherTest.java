package dev.warden.adapter.password;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class Argon2PasswordHasherTest {
    private final Argon2PasswordHasher hasher = new Argon2PasswordHasher(new SecureRandom());

    @Test
    void aHashIsArgon2idWithOwaspParametersAndVerifies() {
        String hash = hasher.hash("a fine long passphrase");

        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertFalse(hash.contains("a fine long passphrase"));
        assertTrue(hasher.verify("a fine long passphrase", hash));
        assertFalse(hasher.verify("a fine long passphrasE", hash));
    }

    @Test
    void theSamePasswordHashesDifferentlyEachTime() {
        assertNotEquals(hasher.hash("a fine long passphrase"), hasher.hash("a fine long passphrase"));
    }

    @Test
    void aHashMadeBeforeItsThreadReusedItsBlocksStillVerifiesAfterwards() {
        // Reference: a hash of the same password and salt with freshly allocated memory (Bouncy Castle's
        // own default), from a thread whose blocks were never used.
        String stored = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$"
                + referenceHash("a fine long passphrase", "saltsaltsaltsalt");

        for (int i = 0; i < 3; i++) {
            assertTrue(hasher.verify("a fine long passphrase", stored), "verification " + (i + 1));
            assertFalse(hasher.verify("another passphrase", stored));
        }
    }

    private static String referenceHash(String password, String salt) {
        Argon2Parameters parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(19456).withIterations(2).withParallelism(1)
                .withSalt(salt.getBytes(StandardCharsets.US_ASCII)).build();
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(parameters);
        byte[] out = new byte[32];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return Base64.getEncoder().withoutPadding().encodeToString(out);
    }

    @Test
    void aMalformedStoredHashNeverVerifies() {
        assertFalse(hasher.verify("anything at all", "plain text"));
        assertFalse(hasher.verify("anything at all", null));
    }

    @Test
    void nonAsciiPasswordsVerify() {
        String hash = hasher.hash("ünïcödé ☃ 密码测试 pass");
        assertTrue(hasher.verify("ünïcödé ☃ 密码测试 pass", hash));
    }
}
