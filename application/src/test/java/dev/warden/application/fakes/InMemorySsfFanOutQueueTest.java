package dev.warden.application.fakes;

import dev.warden.application.contract.Ports;
import dev.warden.application.contract.SsfFanOutQueueContract;
import dev.warden.application.port.out.SsfFanOutQueue;

class InMemorySsfFanOutQueueTest extends SsfFanOutQueueContract {
    private InMemoryStores stores;

    @Override
    protected Ports freshPorts() {
        stores = new InMemoryStores();
        return stores.ports();
    }

    @Override
    protected SsfFanOutQueue fanOutQueue() {
        return stores.outbox;
    }
}
