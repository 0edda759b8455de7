package dev.warden.application.fakes;

import dev.warden.application.contract.Ports;
import dev.warden.application.contract.SsfStreamsContract;

class InMemorySsfStreamsTest extends SsfStreamsContract {
    @Override
    protected Ports freshPorts() {
        return new InMemoryStores().ports();
    }
}
