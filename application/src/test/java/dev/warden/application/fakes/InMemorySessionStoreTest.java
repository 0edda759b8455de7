package dev.warden.application.fakes;

import dev.warden.application.contract.SessionStoreContract;
import dev.warden.application.contract.Ports;

class InMemorySessionStoreTest extends SessionStoreContract {
    @Override
    protected Ports freshPorts() {
        return new InMemoryStores().ports();
    }
}
