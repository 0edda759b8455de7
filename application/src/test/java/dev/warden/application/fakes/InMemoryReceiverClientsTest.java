package dev.warden.application.fakes;

import dev.warden.application.contract.Ports;
import dev.warden.application.contract.ReceiverClientsContract;

class InMemoryReceiverClientsTest extends ReceiverClientsContract {
    @Override
    protected Ports freshPorts() {
        return new InMemoryStores().ports();
    }
}
