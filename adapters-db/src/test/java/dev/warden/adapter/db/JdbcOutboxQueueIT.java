package dev.warden.adapter.db;

class JdbcOutboxQueueIT extends OutboxQueueContract {
    @Override
    protected Ports ports() {
        return Ports.of(TestDatabase.get());
    }

    @Override
    protected void resetData() {
        TestDatabase.reset();
    }
}
