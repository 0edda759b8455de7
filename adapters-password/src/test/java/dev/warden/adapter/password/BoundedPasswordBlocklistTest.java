package dev.warden.adapter.password;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.port.out.PasswordBlocklist;
import dev.warden.application.port.out.PasswordHasher;
import dev.warden.application.port.out.PasswordHashingSaturated;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
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
    private final CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger started = new AtomicInteger();
    private final List<BoundedPasswordWork> pools = new ArrayList<>();

    @AfterEach
    void stop() {
        gate.countDown();
        callers.shutdownNow();
        pools.forEach(BoundedPasswordWork::close);
    }

    private BoundedPasswordWork work(int maxConcurrent, Duration maxWait) {
        BoundedPasswordWork work = new BoundedPasswordWork(maxConcurrent, maxWait);
        pools.add(work);
        return work;
    }

    /** A blocklist whose every check blocks until the gate opens; counts the checks that started. */
    private final PasswordBlocklist gatedBlocklist = password -> {
        pass();
        return true;
    };

    /** A hasher whose every call blocks until the gate opens; counts the calls that started. */
    private final PasswordHasher gatedHasher = new PasswordHasher() {
        @Override
        public String hash(String password) {
            pass();
            return "hashed";
        }

        @Override
        public boolean verify(String password, String hash) {
            pass();
            return true;
        }

        @Override
        public void verifyNothing(String password) {
            pass();
        }
    };

    private void pass() {
        started.incrementAndGet();
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitStarted(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (started.get() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + started.get() + " calls started");
            }
            Thread.sleep(5);
        }
    }

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
            pass();
            return null;
        }));
        awaitStarted(1);
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
        awaitStarted(1);

        assertThrows(PasswordHashingSaturated.class, () -> blocklist.contains("a fine long passphrase"));
    }

    @Test
    void givenTheOnlySlotChecking_whenAHashIsAsked_thenItWaitsForTheSameSlot() throws Exception {
        BoundedPasswordWork work = work(1, Duration.ofMillis(200));
        BoundedPasswordHasher hasher = new BoundedPasswordHasher(gatedHasher, work);
        BoundedPasswordBlocklist blocklist = new BoundedPasswordBlocklist(gatedBlocklist, work);
        callers.submit(() -> blocklist.contains("a fine long passphrase"));
        awaitStarted(1);

        assertThrows(PasswordHashingSaturated.class, () -> hasher.verify("p", "h"));
        assertEquals(1, started.get(), "the refused verification never reached the hasher");
    }

    @Test
    void givenMixedChecksAndHashes_thenNeverMoreThanTheSharedBoundRunAtOnceAndAllFinish() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxAtOnce = new AtomicInteger();
        Runnable busy = () -> {
            maxAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
            }
        };
        BoundedPasswordWork work = work(2, Duration.ofSeconds(30));
        BoundedPasswordBlocklist blocklist = new BoundedPasswordBlocklist(password -> {
            busy.run();
            return false;
        }, work);
        BoundedPasswordHasher hasher = new BoundedPasswordHasher(new PasswordHasher() {
            @Override
            public String hash(String password) {
                busy.run();
                return "hashed";
            }

            @Override
            public boolean verify(String password, String hash) {
                busy.run();
                return true;
            }

            @Override
            public void verifyNothing(String password) {
                busy.run();
            }
        }, work);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            calls.add(callers.submit(i % 2 == 0 ? () -> blocklist.contains("p") : () -> hasher.hash("p")));
        }
        for (Future<?> call : calls) {
            call.get(30, TimeUnit.SECONDS);
        }

        assertTrue(maxAtOnce.get() <= 2, "ran " + maxAtOnce.get() + " at once");
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
