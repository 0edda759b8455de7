package dev.warden.adapter.db;

class JdbcAuditTrailIT extends AuditTrailContract {
    @Override
    protected Ports ports() {
        return Ports.of(TestDatabase.get());
    }

    @Override
    protected void resetData() {
        TestDatabase.reset();
    }
}
