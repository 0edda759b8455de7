package dev.warden.adapter.password;

import dev.warden.application.port.out.PasswordHasher;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Stand-ins for password work, for the tests of the bounds put on it. */
final class TestPasswordWork {
    private TestPasswordWork() {
    }

    /** A hasher whose every call (hash, verify, verifyNothing) runs {@code work}, then answers "hashed" or true. */
    static PasswordHasher hasherDoing(Runnable work) {
        return new PasswordHasher() {
            @Override
            public String hash(String password) {
                work.run();
                return "hashed";
            }

            @Override
            public boolean verify(String password, String hash) {
                work.run();
                return true;
            }

            @Override
            public void verifyNothing(String password) {
                work.run();
            }
        };
    }

    /** Work that blocks every caller until the gate opens: it fills the slots. Counts the calls that started. */
    static final class Gate implements Runnable {
        final AtomicInteger started = new AtomicInteger();
        private final CountDownLatch open = new CountDownLatch(1);

        @Override
        public void run() {
            started.incrementAndGet();
            try {
                open.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        void open() {
            open.countDown();
        }

        /** Waits (10 s at most) until {@code n} calls are held at the gate. */
        void awaitStarted(int n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (started.get() < n) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("only " + started.get() + " calls started");
                }
                Thread.sleep(5);
            }
        }
    }

    /** Work of a few milliseconds; counts the calls and records the most running at once. */
    static final class BusyWork implements Runnable {
        final AtomicInteger calls = new AtomicInteger();
        final AtomicInteger maxAtOnce = new AtomicInteger();
        private final AtomicInteger running = new AtomicInteger();

        @Override
        public void run() {
            maxAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.decrementAndGet();
                calls.incrementAndGet();
            }
        }
    }
}
