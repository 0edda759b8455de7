package dev.warden.adapter.db;

class JdbcEventOutboxIT extends EventOutboxContract {
    @Override
    protected Ports ports() {
        return Ports.of(TestDatabase.get());
    }

    @Override
    protected void resetData() {
        TestDatabase.reset();
    }
}
