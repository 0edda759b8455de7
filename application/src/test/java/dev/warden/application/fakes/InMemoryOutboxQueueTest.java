package dev.warden.application.fakes;

import dev.warden.application.contract.OutboxQueueContract;
import dev.warden.application.contract.Ports;

class InMemoryOutboxQueueTest extends OutboxQueueContract {
    @Override
    protected Ports freshPorts() {
        return new InMemoryStores().ports();
    }
}
