package com.voiceappoint.application.contract;

import com.voiceappoint.application.fakes.InMemoryAdapters;
import com.voiceappoint.application.port.out.OutboundPorts;
import org.junit.jupiter.api.Nested;

/** The in-memory fakes pass the same contracts as the real adapters, so interactor tests on them mean something. */
class InMemoryAdaptersContractTest {
    @Nested
    class Accounts extends AccountRepositoriesContract {
        @Override
        protected OutboundPorts newPorts() {
            return InMemoryAdapters.create();
        }
    }

    @Nested
    class CatalogAndSchedule extends CatalogAndScheduleContract {
        @Override
        protected OutboundPorts newPorts() {
            return InMemoryAdapters.create();
        }
    }

    @Nested
    class Clients extends ClientRepositoryContract {
        @Override
        protected OutboundPorts newPorts() {
            return InMemoryAdapters.create();
        }
    }

    @Nested
    class Sessions extends SessionRepositoryContract {
        @Override
        protected OutboundPorts newPorts() {
            return InMemoryAdapters.create();
        }
    }

    @Nested
    class Appointments extends AppointmentRepositoryContract {
        @Override
        protected OutboundPorts newPorts() {
            return InMemoryAdapters.create();
        }
    }

    @Nested
    class Voice extends VoiceRepositoriesContract {
        @Override
        protected OutboundPorts newPorts() {
            return InMemoryAdapters.create();
        }
    }

    @Nested
    class Analytics extends AnalyticsRepositoryContract {
        @Override
        protected OutboundPorts newPorts() {
            return InMemoryAdapters.create();
        }
    }
}
