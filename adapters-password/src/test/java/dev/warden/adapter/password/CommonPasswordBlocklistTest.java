package dev.warden.adapter.password;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommonPasswordBlocklistTest {
    private final CommonPasswordBlocklist blocklist = new CommonPasswordBlocklist();

    @Test
    void famousAndTriviallyGuessablePasswordsAreBlocked() {
        assertTrue(blocklist.contains("password1234"));
        assertTrue(blocklist.contains("PASSWORD1234"));
        assertTrue(blocklist.contains("qwertyuiop123"));
        assertTrue(blocklist.contains("aaaaaaaaaaaa"));
        assertTrue(blocklist.contains("123456789012"));
    }

    @Test
    void ordinaryPassphrasesAreNot() {
        assertFalse(blocklist.contains("a fine long passphrase"));
        assertFalse(blocklist.contains("Tr0ub4dor&3 under the bridge"));
        assertFalse(blocklist.contains("mauve giraffe kettle 42"));
    }
}
