package dev.warden.adapter.password;

import static dev.warden.adapter.password.TestPasswordWork.hasherDoing;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.adapter.password.TestPasswordWork.BusyWork;
import dev.warden.adapter.password.TestPasswordWork.Gate;
import dev.warden.application.port.out.PasswordHasher;
import dev.warden.application.port.out.PasswordHashingSaturated;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoundedPasswordHasherTest {
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Gate gate = new Gate();
    private final PasswordHasher slow = hasherDoing(gate);
    private final List<BoundedPasswordHasher> hashers = new ArrayList<>();

    @AfterEach
    void stop() {
        gate.open();
        threads.shutdownNow();
        hashers.forEach(BoundedPasswordHasher::close);
    }

    private BoundedPasswordHasher bounded(PasswordHasher delegate, int maxConcurrent, Duration maxWait) {
        BoundedPasswordHasher hasher = new BoundedPasswordHasher(delegate, maxConcurrent, maxWait);
        hashers.add(hasher);
        return hasher;
    }

    @Test
    void givenEverySlotBusy_whenOneMoreVerifyIsAsked_thenItWaitsAboutTheBoundAndFailsSaturatedWithoutHashing()
            throws Exception {
        BoundedPasswordHasher hasher = bounded(slow, 2, Duration.ofMillis(300));
        threads.submit(() -> hasher.verify("first", "h"));
        threads.submit(() -> hasher.verify("second", "h"));
        gate.awaitStarted(2);

        long started = System.nanoTime();
        PasswordHashingSaturated error = assertThrows(PasswordHashingSaturated.class, () -> hasher.verify("third", "h"));
        long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertTrue(waitedMillis >= 250, "waited " + waitedMillis + " ms, not the bound");
        assertTrue(waitedMillis < 3_000, "waited " + waitedMillis + " ms, far beyond the bound");
        assertEquals(2, gate.started.get(), "the refused call never reached the real hasher");
        assertEquals(PasswordHashingSaturated.RETRY_AFTER, error.retryAfter());
    }

    @Test
    void givenEverySlotBusy_whenASlotFreesWithinTheWait_thenTheWaitingCallRunsAndAnswers() throws Exception {
        BoundedPasswordHasher hasher = bounded(slow, 1, Duration.ofSeconds(10));
        Future<Boolean> first = threads.submit(() -> hasher.verify("first", "h"));
        gate.awaitStarted(1);
        Future<Boolean> second = threads.submit(() -> hasher.verify("second", "h"));
        Thread.sleep(100);
        assertFalse(second.isDone(), "the second call waits while the only slot is busy");

        gate.open();

        assertTrue(first.get(5, TimeUnit.SECONDS));
        assertTrue(second.get(5, TimeUnit.SECONDS));
    }

    @Test
    void givenManyParallelCalls_thenNeverMoreThanTheBoundRunAtOnceAndAllFinish() throws Exception {
        BusyWork counting = new BusyWork();
        BoundedPasswordHasher hasher = bounded(hasherDoing(counting), 3, Duration.ofSeconds(30));
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            int n = i;
            calls.add(threads.submit(() -> switch (n % 3) {
                case 0 -> hasher.hash("p" + n);
                case 1 -> hasher.verify("p" + n, "h");
                default -> {
                    hasher.verifyNothing("p" + n);
                    yield null;
                }
            }));
        }
        for (Future<?> call : calls) {
            call.get(30, TimeUnit.SECONDS);
        }

        assertEquals(40, counting.calls.get());
        assertTrue(counting.maxAtOnce.get() <= 3, "ran " + counting.maxAtOnce.get() + " at once");
        assertTrue(counting.maxAtOnce.get() >= 2, "the bound is a limit, not a single lane");
    }

    @Test
    void givenTheHasherThrows_thenTheSlotIsFreedForTheNextCall() {
        PasswordHasher failing = new PasswordHasher() {
            @Override
            public String hash(String password) {
                throw new IllegalStateException("broken");
            }

            @Override
            public boolean verify(String password, String hash) {
                return password.equals(hash);
            }

            @Override
            public void verifyNothing(String password) {
            }
        };
        BoundedPasswordHasher hasher = bounded(failing, 1, Duration.ZERO);

        assertThrows(IllegalStateException.class, () -> hasher.hash("x"));

        assertTrue(hasher.verify("same", "same"), "the one slot is free again");
        assertFalse(hasher.verify("one", "other"), "answers pass through unchanged");
    }

    @Test
    void perCoreAllowsAsManyAtOnceAsTheJvmHasProcessors() {
        BoundedPasswordHasher perCore = BoundedPasswordHasher.perCore(slow);
        hashers.add(perCore);
        assertEquals(Runtime.getRuntime().availableProcessors(), perCore.maxConcurrent());
    }

    @Test
    void givenACallFromAVirtualThread_thenTheHashRunsOnAPlatformThreadOfItsOwn() throws Exception {
        List<Thread> ranOn = new ArrayList<>();
        PasswordHasher recording = new PasswordHasher() {
            @Override
            public String hash(String password) {
                ranOn.add(Thread.currentThread());
                return "hashed";
            }

            @Override
            public boolean verify(String password, String hash) {
                return true;
            }

            @Override
            public void verifyNothing(String password) {
            }
        };
        BoundedPasswordHasher hasher = bounded(recording, 1, Duration.ofSeconds(1));

        Thread caller = Thread.ofVirtual().start(() -> hasher.hash("p"));
        caller.join(5_000);

        assertEquals(1, ranOn.size());
        assertFalse(ranOn.getFirst().isVirtual(), "a CPU-bound hash must not hold a virtual thread's carrier");
        assertTrue(ranOn.getFirst().getName().startsWith("warden-password-hashing-"), ranOn.getFirst().getName());
    }
}
