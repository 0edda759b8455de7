package dev.warden.application.fakes;

import dev.warden.application.contract.AuditTrailContract;
import dev.warden.application.contract.Ports;

class InMemoryAuditTrailTest extends AuditTrailContract {
    @Override
    protected Ports freshPorts() {
        return new InMemoryStores().ports();
    }
}
