package dev.warden.bootstrap.bench;

import dev.warden.adapter.password.Argon2PasswordHasher;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * What one login costs in CPU: one {@link Argon2PasswordHasher#verify} (Warden's Argon2id
 * parameters) on one thread, after a warm-up. Both the thread's CPU time (what a core spends,
 * whatever else runs on the machine) and the wall time (which a busy machine stretches) are
 * measured. {@code bench/argon2-cost.sh} runs it in fresh JVMs; docs/scaling.md turns the CPU time
 * into logins per core. Prints {@code RESULT cpu_p50_ms=.. wall_p50_ms=.. wall_min_ms=..}.
 */
public final class Argon2CostBenchmark {
    private Argon2CostBenchmark() {
    }

    public static void main(String[] args) {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        Argon2PasswordHasher hasher = new Argon2PasswordHasher(new SecureRandom());
        String password = "correct horse battery staple";
        String hash = hasher.hash(password);
        for (int i = 0; i < 20; i++) {
            hasher.verify(password, hash);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] cpu = new long[samples];
        long[] wall = new long[samples];
        for (int i = 0; i < samples; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            hasher.verify(password, hash);
            wall[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        Arrays.sort(cpu);
        Arrays.sort(wall);
        System.out.printf("RESULT cpu_p50_ms=%.1f wall_p50_ms=%.1f wall_min_ms=%.1f%n",
                cpu[samples / 2] / 1e6, wall[samples / 2] / 1e6, wall[0] / 1e6);
    }
}
