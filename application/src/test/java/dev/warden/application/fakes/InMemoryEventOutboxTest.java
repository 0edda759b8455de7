package dev.warden.application.fakes;

import dev.warden.application.contract.EventOutboxContract;
import dev.warden.application.contract.Ports;

class InMemoryEventOutboxTest extends EventOutboxContract {
    @Override
    protected Ports freshPorts() {
        return new InMemoryStores().ports();
    }
}
