package dev.warden.adapter.db;

import dev.warden.application.contract.EventOutboxContract;
import dev.warden.application.contract.Ports;

class DbClientEventOutboxIT extends EventOutboxContract {
    @Override
    protected Ports freshPorts() {
        return TestDatabase.freshPorts();
    }
}
