package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.testkit.StoreContracts;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JDBI adapters pass, against a real PostgreSQL, the same contracts as the in-memory stores. */
class JdbiAdaptersContractTest extends StoreContracts {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    @Override
    protected OutboundPorts newPorts() {
        return postgres.persistence().ports(new FakePasswordHasher());
    }
}
