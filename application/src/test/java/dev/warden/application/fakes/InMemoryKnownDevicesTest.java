package dev.warden.application.fakes;

import dev.warden.application.contract.KnownDevicesContract;
import dev.warden.application.contract.Ports;

class InMemoryKnownDevicesTest extends KnownDevicesContract {
    @Override
    protected Ports freshPorts() {
        return new InMemoryStores().ports();
    }
}
