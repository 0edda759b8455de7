package dev.warden.adapter.db;

import dev.warden.application.contract.AuditTrailContract;
import dev.warden.application.contract.Ports;

class DbClientAuditTrailIT extends AuditTrailContract {
    @Override
    protected Ports freshPorts() {
        return TestDatabase.freshPorts();
    }
}
