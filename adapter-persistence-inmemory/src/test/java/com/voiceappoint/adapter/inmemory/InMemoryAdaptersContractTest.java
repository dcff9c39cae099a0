package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.testkit.StoreContracts;

/**
 * The in-memory stores pass the same contracts as the JDBI adapters, so what runs on them behaves as it would on
 * PostgreSQL. Each test gets empty stores of its own.
 */
class InMemoryAdaptersContractTest extends StoreContracts {
    @Override
    protected OutboundPorts newPorts() {
        return InMemoryPersistence.create().ports(new FakePasswordHasher());
    }
}
