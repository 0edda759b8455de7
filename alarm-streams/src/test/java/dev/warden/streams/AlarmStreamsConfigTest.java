package dev.warden.streams;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warden.events.EventTopics;
import org.junit.jupiter.api.Test;

class AlarmStreamsConfigTest {

    @Test
    void theTopologyTakesHalfTheCores_soTheSessionCheckKeepsTheRest() {
        assertEquals(1, AlarmStreamsConfig.streamThreads(1));
        assertEquals(1, AlarmStreamsConfig.streamThreads(2));
        assertEquals(1, AlarmStreamsConfig.streamThreads(3));
        assertEquals(2, AlarmStreamsConfig.streamThreads(4));
    }

    @Test
    void neverMoreThreadsThanPartitions_becauseAThreadBeyondThemGetsNoTask() {
        assertEquals(EventTopics.PARTITIONS, AlarmStreamsConfig.streamThreads(64));
    }
}
