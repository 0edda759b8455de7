package dev.warden.bootstrap.e2e;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/** The hostile inputs the fuzz test draws from: text, numbers, ids, cursors and JSON values. */
final class HostileValues {
    private static final String ID = "0b9e7a52-4a3c-4a7e-9a51-6f1f0c2d3e4f";

    private HostileValues() {
    }

    /** Text as a client could send it: control characters, lone surrogates, odd Unicode, huge, empty. */
    static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                // NUL first of all: PostgreSQL refuses it in text, so it is what reached a 500 before.
                Tuple.of(4, Arbitraries.of("a\u0000b", "\u0000", "\u0000\u0000\u0000", "x\u0000\u0001\u007f\u0085")),
                Tuple.of(2, Arbitraries.strings().withCharRange('\u0000', '\u001f').withChars('\u007f', '\u0085', '\u009f')
                        .ofMinLength(1).ofMaxLength(4).map(controls -> "a" + controls + "b")),
                Tuple.of(2, Arbitraries.strings().all().ofMaxLength(24)),
                Tuple.of(2, Arbitraries.of("\uD800", "a\uDFFFb", "\uDBFF\uDBFF", "\uFB01nn", "\uFF21\uFF22\uFF23",
                        "\u202Eevil", "' OR '1'='1", "%00", "${jndi:ldap://127.0.0.1/x}", "../../etc/passwd",
                        "<script>alert(1)</script>", "", " ", "\t", "null", "\uFEFF", "\u0000", "\uD83D\uDE00",
                        "e\u0301", "\u00A0", "\u2028", "x".repeat(64), "y".repeat(65), "%", "+", "&", "=", "#",
                        "a/b", "a\\b", "\"", "{}")),
                Tuple.of(1, Arbitraries.integers().between(200, 20_000).map(n -> "x".repeat(n))),
                Tuple.of(1, Arbitraries.strings().alpha().numeric().withChars("._@-").ofMinLength(1).ofMaxLength(64)));
    }

    /** Numbers in every spelling but the canonical one, and out of every range. */
    static Arbitrary<String> number() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("0000000001", "01", "00", "-0", "+1", "-1", "1e3", "0x10", "1.0", " 1", "1 ",
                        "2147483647", "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999",
                        "\u0661", "\uFF15", "1_000", "1,000", "NaN", "Infinity", "", "0", "1", "500", "501",
                        "999999999", "1000000000")),
                Tuple.of(1, Arbitraries.integers().map(String::valueOf)),
                Tuple.of(1, Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30)));
    }

    /** Ids: real ones of the running service, random and malformed UUIDs. */
    static Arbitrary<String> id(List<String> realIds) {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(realIds)),
                Tuple.of(2, Arbitraries.create(() -> UUID.randomUUID().toString())),
                Tuple.of(2, Arbitraries.of(ID.toUpperCase(), "{" + ID + "}", ID + " ", "00000000-0000-0000-0000-000000000000",
                        "1-2-3-4-5", ID.replace("-", ""), ID.substring(1), "g" + ID.substring(1), "..", "-1",
                        "9223372036854775808", "null")),
                Tuple.of(1, text()));
    }

    /** Keyset cursors: crafted base64 of overflowing or odd positions, and plain garbage. */
    static Arbitrary<String> cursor() {
        Arbitrary<String> crafted = Arbitraries.of(
                "31556889864403199.0." + ID, "253402300800.0." + ID, "9223372036854775807.0." + ID,
                "-31557014167219200.0." + ID, "1.1000000000." + ID, "01.0." + ID, "1.0." + ID.toUpperCase(),
                "1.0.1-2-3-4-5", "1.0", "..", "1.0." + ID + "\u0000", "1767225600.0." + ID)
                .map(plain -> Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8)));
        return Arbitraries.frequencyOf(Tuple.of(3, crafted), Tuple.of(1, text()),
                Tuple.of(1, Arbitraries.strings().withChars("ABCDEFabcdef0123456789-_=+/").ofMaxLength(200)));
    }

    /** A JSON value of any type, written as JSON text (strings escaped so that lone surrogates survive). */
    static Arbitrary<String> jsonValue() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, text().map(HostileValues::jsonString)),
                Tuple.of(1, Arbitraries.of("0", "-1", "1e308", "1e99999", "123456789012345678901234567890", "-0.0",
                        "true", "false", "null", "[]", "{}", "[\"a\"]", "{\"a\":1}", "\"\"")),
                Tuple.of(1, Arbitraries.integers().between(1, 3000).map(depth -> "[".repeat(depth) + "]".repeat(depth))));
    }

    /** JSON string literal: quotes, backslashes, controls, DEL..C1 and every surrogate escaped as \\uXXXX. */
    static String jsonString(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Percent-encodes every byte of the UTF-8 form but unreserved characters. */
    static String percentEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    /** Escapes that are not valid percent-encoding or not valid UTF-8 once decoded, sent verbatim. */
    static Arbitrary<String> brokenEncoding() {
        return Arbitraries.of("%", "%z", "%zz", "%E2%82", "%C0%80", "%ED%A0%80", "%FF", "%F4%90%80%80", "%00", "%0D%0A",
                "a%2", "%%", "%25", "%2e%2e", "%u0041");
    }
}
