package dev.warden.adapter.db;

import dev.warden.application.contract.Ports;
import dev.warden.application.contract.SsfStreamsContract;

class DbClientSsfStreamsIT extends SsfStreamsContract {
    @Override
    protected Ports freshPorts() {
        return TestDatabase.freshPorts();
    }
}
