package dev.warden.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalInstantDeserializerTest {
    private static final ObjectMapper JACKSON_ALONE = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void everyTimeWardenWritesIsReadBackExactly() {
        Random random = new Random(42);
        for (int i = 0; i < 20_000; i++) {
            // Years 0000-9999, and whole seconds, milli-, micro- and nanoseconds as toString prints them.
            long second = random.nextLong(-62_167_219_200L, 253_402_300_800L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1000;
                default -> random.nextInt(1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second, nanos);

            assertEquals(instant, read(instant.toString()), instant.toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-30T10:15:30Z", "2026-11-30T10:15:30.1Z", "2026-11-30T10:15:30.123456789Z",
            "2026-02-29T00:00:00Z", "2024-02-29T00:00:00Z", "2026-11-30T23:59:60Z", "2026-13-01T00:00:00Z",
            "2026-11-31T00:00:00Z", "2026-11-30T24:00:00Z", "2026-11-30T10:60:00Z", "2026-11-30T10:15:30.Z",
            "2026-11-30T10:15:30.1234567891Z", "2026-11-30T10:15:30+01:00", "2026-11-30t10:15:30z",
            "2026-11-30 10:15:30Z", "+12026-11-30T10:15:30Z", "-0001-11-30T10:15:30Z", "2026-11-30T10:15Z",
            "2026-1a-30T10:15:30Z", "", "now"})
    void anythingElseIsAcceptedOrRefusedExactlyAsJacksonDoes(String text) {
        assertEquals(outcome(() -> JACKSON_ALONE.readValue(json(text), Instant.class)), outcome(() -> read(text)), text);
    }

    private static Instant read(String text) {
        return EventJson.read(json(text).getBytes(StandardCharsets.UTF_8), EventJson.typeOf(Instant.class));
    }

    private static String json(String text) {
        return "\"" + text + "\"";
    }

    private interface Reading {
        Instant read() throws Exception;
    }

    /** The instant read, or "refused". */
    private static String outcome(Reading reading) {
        try {
            return String.valueOf(reading.read());
        } catch (Exception e) {
            return "refused";
        }
    }
}
