package dev.warden.adapter.db;

import dev.warden.application.contract.OutboxQueueContract;
import dev.warden.application.contract.Ports;

class DbClientOutboxQueueIT extends OutboxQueueContract {
    @Override
    protected Ports freshPorts() {
        return TestDatabase.freshPorts();
    }
}
