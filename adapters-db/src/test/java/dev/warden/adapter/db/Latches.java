package dev.warden.adapter.db;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** For tests that hold a transaction open on one thread until another has done its part. */
final class Latches {
    private Latches() {
    }

    /** Waits for {@code latch}; fails after ten seconds rather than hang the build. */
    static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out waiting for the other transaction");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
