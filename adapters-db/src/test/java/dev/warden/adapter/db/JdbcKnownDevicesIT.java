package dev.warden.adapter.db;

class JdbcKnownDevicesIT extends KnownDevicesContract {
    @Override
    protected Ports ports() {
        return Ports.of(TestDatabase.get());
    }

    @Override
    protected void resetData() {
        TestDatabase.reset();
    }
}
