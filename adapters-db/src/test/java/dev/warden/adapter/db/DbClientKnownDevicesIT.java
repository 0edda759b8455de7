package dev.warden.adapter.db;

import static dev.warden.domain.testdata.TestData.NOW;
import static dev.warden.domain.testdata.TestData.aTokenHash;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.application.contract.KnownDevicesContract;
import dev.warden.application.contract.Ports;
import dev.warden.domain.KnownDevice;
import org.junit.jupiter.api.Test;

class DbClientKnownDevicesIT extends KnownDevicesContract {
    @Override
    protected Ports freshPorts() {
        return TestDatabase.freshPorts();
    }

    /** The schema's cascade: no port deletes a user. */
    @Test
    void aDeletedUsersDevicesGoWithIt() {
        KnownDevice device = KnownDevice.register(alice.id(), aTokenHash(), NOW);
        devices.save(device);

        TestDatabase.execute("DELETE FROM users WHERE id = '" + alice.id().value() + "'");

        assertTrue(devices.find(alice.id(), device.tokenHash()).isEmpty());
    }
}
