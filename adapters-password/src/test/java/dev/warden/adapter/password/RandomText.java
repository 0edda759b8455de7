package dev.warden.adapter.password;

import java.util.Random;

/** Random strings for password inputs, shared by the blocklist's tests and its cost benchmark. */
final class RandomText {
    private RandomText() {
    }

    /** {@code length} characters, each picked from {@code alphabet}. */
    static String randomOf(Random random, String alphabet, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** {@code length} printable ASCII characters, space to tilde. */
    static String randomPrintableAscii(Random random, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < length; i++) {
            out.append((char) (' ' + random.nextInt(95)));
        }
        return out.toString();
    }
}
