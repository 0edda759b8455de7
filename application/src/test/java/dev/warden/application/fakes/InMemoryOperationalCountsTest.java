package dev.warden.application.fakes;

import dev.warden.application.contract.OperationalCountsContract;
import dev.warden.application.contract.Ports;

class InMemoryOperationalCountsTest extends OperationalCountsContract {
    @Override
    protected Ports freshPorts() {
        return new InMemoryStores().ports();
    }
}
