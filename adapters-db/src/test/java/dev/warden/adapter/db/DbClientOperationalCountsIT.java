package dev.warden.adapter.db;

import dev.warden.application.contract.OperationalCountsContract;
import dev.warden.application.contract.Ports;

class DbClientOperationalCountsIT extends OperationalCountsContract {
    @Override
    protected Ports freshPorts() {
        return TestDatabase.freshPorts();
    }
}
