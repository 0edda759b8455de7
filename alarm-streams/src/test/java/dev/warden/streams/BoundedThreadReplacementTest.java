package dev.warden.streams;

import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
import static org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.junit.jupiter.api.Test;

class BoundedThreadReplacementTest {
    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    @Test
    void givenAFewFailures_thenThreadsAreReplaced_butAFailureTooManyShutsTheClientDown() {
        BoundedThreadReplacement handler = new BoundedThreadReplacement(3, Duration.ofMinutes(10), at(T0));

        List<StreamThreadExceptionResponse> responses = Stream.generate(() -> handler.handle(new RuntimeException("boom")))
                .limit(4).toList();

        assertEquals(List.of(REPLACE_THREAD, REPLACE_THREAD, REPLACE_THREAD, SHUTDOWN_CLIENT), responses);
    }

    @Test
    void givenFailuresFarApart_thenEachIsReplaced() {
        MutableClock clock = new MutableClock(T0);
        BoundedThreadReplacement handler = new BoundedThreadReplacement(1, Duration.ofMinutes(10), clock);

        assertEquals(REPLACE_THREAD, handler.handle(new RuntimeException("first")));
        clock.now = T0.plus(Duration.ofMinutes(11));
        assertEquals(REPLACE_THREAD, handler.handle(new RuntimeException("much later")));
        assertEquals(SHUTDOWN_CLIENT, handler.handle(new RuntimeException("right after")));
    }

    private static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
