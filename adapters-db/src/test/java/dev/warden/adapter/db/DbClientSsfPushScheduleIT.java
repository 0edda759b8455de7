package dev.warden.adapter.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.warden.application.contract.Ports;
import dev.warden.application.contract.SsfPushScheduleContract;
import dev.warden.application.port.out.SsfPushSchedule;
import dev.warden.domain.SsfStreamId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DbClientSsfPushScheduleIT extends SsfPushScheduleContract {
    @Override
    protected Ports freshPorts() {
        return TestDatabase.freshPorts();
    }

    @Override
    protected SsfPushSchedule schedule(Ports ports) {
        return TestDatabase.get().ssfPushSchedule();
    }

    @Test
    void instancesClaimingAtOnceNeverGetTheSameStream() throws Exception {
        int streams = 12;
        for (int i = 0; i < streams; i++) {
            aPushStreamWithQueuedSets();
        }
        Instant now = Instant.now();
        List<Future<List<SsfStreamId>>> instances = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 4; i++) {
                String holder = "instance-" + i;
                instances.add(threads.submit(() -> {
                    List<SsfStreamId> mine = new ArrayList<>();
                    schedule.claimDue(holder, now, now.plusSeconds(60)).ifPresent(c -> mine.add(c.stream()));
                    while (true) {
                        var claim = schedule.claimDue(holder, now, now.plusSeconds(60));
                        if (claim.isEmpty()) {
                            return mine;
                        }
                        mine.add(claim.get().stream());
                    }
                }));
            }
        }
        List<SsfStreamId> claimed = new ArrayList<>();
        for (Future<List<SsfStreamId>> instance : instances) {
            claimed.addAll(instance.get());
        }
        assertEquals(streams, claimed.size());
        assertEquals(streams, new HashSet<>(claimed).size());
    }
}
