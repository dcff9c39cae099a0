package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.contract.AccountRepositoriesContract;
import com.voiceappoint.application.contract.AnalyticsRepositoryContract;
import com.voiceappoint.application.contract.AppointmentRepositoryContract;
import com.voiceappoint.application.contract.CatalogAndScheduleContract;
import com.voiceappoint.application.contract.ClientRepositoryContract;
import com.voiceappoint.application.contract.SessionRepositoryContract;
import com.voiceappoint.application.contract.VoiceRepositoriesContract;
import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.port.out.OutboundPorts;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JDBI adapters pass, against a real PostgreSQL, the same contracts as the in-memory fakes. */
class JdbiAdaptersContractTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    static OutboundPorts ports() {
        return postgres.persistence().ports(new FakePasswordHasher());
    }

    @Nested
    class Accounts extends AccountRepositoriesContract {
        @Override
        protected OutboundPorts newPorts() {
            return ports();
        }
    }

    @Nested
    class CatalogAndSchedule extends CatalogAndScheduleContract {
        @Override
        protected OutboundPorts newPorts() {
            return ports();
        }
    }

    @Nested
    class Clients extends ClientRepositoryContract {
        @Override
        protected OutboundPorts newPorts() {
            return ports();
        }
    }

    @Nested
    class Sessions extends SessionRepositoryContract {
        @Override
        protected OutboundPorts newPorts() {
            return ports();
        }
    }

    @Nested
    class Appointments extends AppointmentRepositoryContract {
        @Override
        protected OutboundPorts newPorts() {
            return ports();
        }
    }

    @Nested
    class Voice extends VoiceRepositoriesContract {
        @Override
        protected OutboundPorts newPorts() {
            return ports();
        }
    }

    @Nested
    class Analytics extends AnalyticsRepositoryContract {
        @Override
        protected OutboundPorts newPorts() {
            return ports();
        }
    }
}
