package dev.warden.application.fakes;

import dev.warden.application.contract.AlarmStoreContract;
import dev.warden.application.contract.Ports;

class InMemoryAlarmStoreTest extends AlarmStoreContract {
    @Override
    protected Ports freshPorts() {
        return new InMemoryStores().ports();
    }
}
