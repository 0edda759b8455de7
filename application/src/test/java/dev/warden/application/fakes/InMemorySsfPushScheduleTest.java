package dev.warden.application.fakes;

import dev.warden.application.contract.Ports;
import dev.warden.application.contract.SsfPushScheduleContract;
import dev.warden.application.port.out.SsfPushSchedule;

class InMemorySsfPushScheduleTest extends SsfPushScheduleContract {
    @Override
    protected Ports freshPorts() {
        return new InMemoryStores().ports();
    }

    @Override
    protected SsfPushSchedule schedule(Ports ports) {
        return new InMemorySsfPushSchedule((InMemorySsfStreams) ports.streams());
    }
}
