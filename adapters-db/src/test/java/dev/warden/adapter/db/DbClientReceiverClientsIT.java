package dev.warden.adapter.db;

import dev.warden.application.contract.Ports;
import dev.warden.application.contract.ReceiverClientsContract;

class DbClientReceiverClientsIT extends ReceiverClientsContract {
    @Override
    protected Ports freshPorts() {
        return TestDatabase.freshPorts();
    }
}
