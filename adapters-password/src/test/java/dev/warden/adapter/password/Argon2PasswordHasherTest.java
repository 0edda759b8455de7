package dev.warden.adapter.password;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
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
