package dev.warden.devkafka;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialDeletion;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * The SCRAM users of the embedded broker's SASL listener, changed through its plaintext listener;
 * each change returns once the broker knows it.
 */
final class ScramCredentials {
    private static final int SCRAM_ITERATIONS = 4096;

    private final String plaintextBootstrap;

    /** @param plaintextBootstrap host:port of the broker's plaintext listener */
    ScramCredentials(String plaintextBootstrap) {
        this.plaintextBootstrap = plaintextBootstrap;
    }

    void upsert(String user, String password) {
        alter(user, admin -> admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), password))).all().get(30,
                TimeUnit.SECONDS), true);
    }

    void delete(String user) {
        alter(user, admin -> admin.alterUserScramCredentials(List.of(new UserScramCredentialDeletion(user,
                ScramMechanism.SCRAM_SHA_512))).all().get(30, TimeUnit.SECONDS), false);
    }

    private interface AdminCall {
        void run(Admin admin) throws ExecutionException, InterruptedException, TimeoutException;
    }

    private void alter(String user, AdminCall call, boolean present) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, plaintextBootstrap,
                AdminClientConfig.CLIENT_ID_CONFIG, "warden-embedded-scram"))) {
            call.run(admin);
            // The controller commits the credential; wait until the broker's metadata has it too.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (knows(admin, user) != present) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker did not apply the SCRAM credential of " + user);
                }
                Thread.sleep(20);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not change the SCRAM credential of " + user, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while changing the SCRAM credential of " + user, e);
        }
    }

    private static boolean knows(Admin admin, String user) throws InterruptedException, TimeoutException {
        try {
            return admin.describeUserScramCredentials(List.of(user)).description(user).get(10, TimeUnit.SECONDS)
                    .credentialInfos().stream().anyMatch(info -> info.mechanism() == ScramMechanism.SCRAM_SHA_512);
        } catch (ExecutionException e) {
            return false; // ResourceNotFoundException: no credential for this user
        }
    }
}
