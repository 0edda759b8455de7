package dev.warden.adapter.password;

import static dev.warden.adapter.password.TestPasswordWork.hasherDoing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.adapter.password.TestPasswordWork.BusyWork;
import dev.warden.adapter.password.TestPasswordWork.Gate;
import dev.warden.application.port.out.PasswordBlocklist;
import dev.warden.application.port.out.PasswordHasher;
import dev.warden.application.port.out.PasswordHashingSaturated;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedPasswordBlocklistTest {
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final Gate gate = new Gate();
    private final List<BoundedPasswordWork> pools = new ArrayList<>();

    @AfterEach
    void stop() {
        gate.open();
        callers.shutdownNow();
        pools.forEach(BoundedPasswordWork::close);
    }

    private BoundedPasswordWork work(int maxConcurrent, Duration maxWait) {
        BoundedPasswordWork work = new BoundedPasswordWork(maxConcurrent, maxWait);
        pools.add(work);
        return work;
    }

    /** A blocklist whose every check blocks until the gate opens; the gate counts the checks that started. */
    private final PasswordBlocklist gatedBlocklist = password -> {
        gate.run();
        return true;
    };

    /** A hasher whose every call blocks until the gate opens; the gate counts the calls that started. */
    private final PasswordHasher gatedHasher = hasherDoing(gate);

    @Test
    void givenACallFromAVirtualThread_thenTheCheckRunsOnAPlatformWorkThreadAndItsAnswerComesBack()
            throws Exception {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        BoundedPasswordBlocklist blocklist = new BoundedPasswordBlocklist(password -> {
            ranOn.set(Thread.currentThread());
            return password.equals("common one");
        }, work(1, Duration.ofSeconds(1)));
        List<Boolean> answers = new CopyOnWriteArrayList<>();

        Thread caller = Thread.ofVirtual().start(() -> {
            answers.add(blocklist.contains("common one"));
            answers.add(blocklist.contains("a fine long passphrase"));
        });
        caller.join(5_000);

        assertEquals(List.of(true, false), answers);
        assertNotSame(caller, ranOn.get());
        assertFalse(ranOn.get().isVirtual(), "a CPU-bound estimate must not hold a virtual thread's carrier");
        assertTrue(ranOn.get().getName().startsWith("warden-password-hashing-"), ranOn.get().getName());
    }

    @Test
    void givenEverySlotBusy_whenACheckIsAsked_thenItFailsSaturatedAfterTheWaitWithoutRunningTheCheck()
            throws Exception {
        AtomicInteger checks = new AtomicInteger();
        BoundedPasswordWork work = work(1, Duration.ofMillis(200));
        callers.submit(() -> work.run(() -> {
            gate.run();
            return null;
        }));
        gate.awaitStarted(1);
        BoundedPasswordBlocklist blocklist = new BoundedPasswordBlocklist(password -> {
            checks.incrementAndGet();
            return false;
        }, work);

        long before = System.nanoTime();
        PasswordHashingSaturated error = assertThrows(PasswordHashingSaturated.class,
                () -> blocklist.contains("a fine long passphrase"));
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - before);

        assertEquals(0, checks.get(), "the refused check never ran");
        assertTrue(waitedMillis >= 150, "waited " + waitedMillis + " ms, not the bound");
        assertEquals(PasswordHashingSaturated.RETRY_AFTER, error.retryAfter());
    }

    @Test
    void givenTheOnlySlotHashing_whenACheckIsAsked_thenItWaitsForTheSameSlot() throws Exception {
        BoundedPasswordWork work = work(1, Duration.ofMillis(200));
        BoundedPasswordHasher hasher = new BoundedPasswordHasher(gatedHasher, work);
        BoundedPasswordBlocklist blocklist = new BoundedPasswordBlocklist(password -> false, work);
        callers.submit(() -> hasher.hash("p"));
        gate.awaitStarted(1);

        assertThrows(PasswordHashingSaturated.class, () -> blocklist.contains("a fine long passphrase"));
    }

    @Test
    void givenTheOnlySlotChecking_whenAHashIsAsked_thenItWaitsForTheSameSlot() throws Exception {
        BoundedPasswordWork work = work(1, Duration.ofMillis(200));
        BoundedPasswordHasher hasher = new BoundedPasswordHasher(gatedHasher, work);
        BoundedPasswordBlocklist blocklist = new BoundedPasswordBlocklist(gatedBlocklist, work);
        callers.submit(() -> blocklist.contains("a fine long passphrase"));
        gate.awaitStarted(1);

        assertThrows(PasswordHashingSaturated.class, () -> hasher.verify("p", "h"));
        assertEquals(1, gate.started.get(), "the refused verification never reached the hasher");
    }

    @Test
    void givenMixedChecksAndHashes_thenNeverMoreThanTheSharedBoundRunAtOnceAndAllFinish() throws Exception {
        BusyWork busy = new BusyWork();
        BoundedPasswordWork work = work(2, Duration.ofSeconds(30));
        BoundedPasswordBlocklist blocklist = new BoundedPasswordBlocklist(password -> {
            busy.run();
            return false;
        }, work);
        BoundedPasswordHasher hasher = new BoundedPasswordHasher(hasherDoing(busy), work);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            calls.add(callers.submit(i % 2 == 0 ? () -> blocklist.contains("p") : () -> hasher.hash("p")));
        }
        for (Future<?> call : calls) {
            call.get(30, TimeUnit.SECONDS);
        }

        assertTrue(busy.maxAtOnce.get() <= 2, "ran " + busy.maxAtOnce.get() + " at once");
        assertEquals(2, hasher.maxConcurrent());
    }

    @Test
    void givenTheCheckThrows_thenTheSameExceptionComesBackAndTheSlotIsFreed() {
        IllegalStateException broken = new IllegalStateException("broken");
        BoundedPasswordWork work = work(1, Duration.ZERO);
        BoundedPasswordBlocklist failing = new BoundedPasswordBlocklist(password -> {
            throw broken;
        }, work);

        assertSame(broken, assertThrows(IllegalStateException.class, () -> failing.contains("p")));

        assertTrue(new BoundedPasswordBlocklist(password -> true, work).contains("p"), "the one slot is free again");
    }

    @Test
    void closingASharingHasherLeavesTheWorkRunning_closingTheWorkStopsIt() {
        BoundedPasswordWork work = work(1, Duration.ofSeconds(1));
        BoundedPasswordHasher hasher = new BoundedPasswordHasher(gatedHasher, work);
        BoundedPasswordBlocklist blocklist = new BoundedPasswordBlocklist(password -> true, work);

        hasher.close();
        assertTrue(blocklist.contains("p"), "the shared work outlives a hasher that was given it");

        work.close();
        assertThrows(IllegalStateException.class, () -> blocklist.contains("p"));
    }

    @Test
    void perCoreWorkHasOneSlotPerProcessor() {
        BoundedPasswordWork work = BoundedPasswordWork.perCore();
        pools.add(work);
        assertEquals(Runtime.getRuntime().availableProcessors(), work.maxConcurrent());
    }
}
