package com.voiceappoint.adapter.persistence.inmemory;

import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.port.out.AnalyticsRepository;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.CallLogRepository;
import com.voiceappoint.application.port.out.CategoryRepository;
import com.voiceappoint.application.port.out.ClientRepository;
import com.voiceappoint.application.port.out.InvitationRepository;
import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.ScheduleRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.application.port.out.SessionRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.application.port.out.VoiceSettingsRepository;
import com.voiceappoint.testkit.AccountRepositoriesContract;
import com.voiceappoint.testkit.AnalyticsRepositoryContract;
import com.voiceappoint.testkit.AppointmentRepositoryContract;
import com.voiceappoint.testkit.CatalogAndScheduleContract;
import com.voiceappoint.testkit.ClientRepositoryContract;
import com.voiceappoint.testkit.SessionRepositoryContract;
import com.voiceappoint.testkit.TestData;
import com.voiceappoint.testkit.TransactionsContract;
import com.voiceappoint.testkit.VoiceRepositoriesContract;
import org.junit.jupiter.api.Nested;

/**
 * The in-memory stores pass the same contracts as the JDBI adapters, so what runs on them behaves as it would on
 * PostgreSQL. Each test gets empty stores of its own.
 */
class InMemoryAdaptersContractTest {
    private final InMemoryPersistence store = InMemoryPersistence.create();

    private TestData testData() {
        return TestData.of(store.ports(new FakePasswordHasher()));
    }

    @Nested
    class Accounts
            extends AccountRepositoriesContract<
                    UserRepository, BusinessRepository, MembershipRepository, InvitationRepository> {
        @Override
        protected UserRepository createUserRepository() {
            return store.users();
        }

        @Override
        protected BusinessRepository createBusinessRepository() {
            return store.businesses();
        }

        @Override
        protected MembershipRepository createMembershipRepository() {
            return store.memberships();
        }

        @Override
        protected InvitationRepository createInvitationRepository() {
            return store.invitations();
        }

        @Override
        protected TestData testData() {
            return InMemoryAdaptersContractTest.this.testData();
        }
    }

    @Nested
    class CatalogAndSchedule
            extends CatalogAndScheduleContract<
                    ProviderRepository, ServiceRepository, CategoryRepository, ScheduleRepository> {
        @Override
        protected ProviderRepository createProviderRepository() {
            return store.providers();
        }

        @Override
        protected ServiceRepository createServiceRepository() {
            return store.services();
        }

        @Override
        protected CategoryRepository createCategoryRepository() {
            return store.categories();
        }

        @Override
        protected ScheduleRepository createScheduleRepository() {
            return store.schedules();
        }

        @Override
        protected TestData testData() {
            return InMemoryAdaptersContractTest.this.testData();
        }
    }

    @Nested
    class Clients extends ClientRepositoryContract<ClientRepository> {
        @Override
        protected ClientRepository createClientRepository() {
            return store.clients();
        }

        @Override
        protected TestData testData() {
            return InMemoryAdaptersContractTest.this.testData();
        }
    }

    @Nested
    class Sessions extends SessionRepositoryContract<SessionRepository> {
        @Override
        protected SessionRepository createSessionRepository() {
            return store.sessions();
        }

        @Override
        protected TestData testData() {
            return InMemoryAdaptersContractTest.this.testData();
        }
    }

    @Nested
    class Appointments extends AppointmentRepositoryContract<AppointmentRepository> {
        @Override
        protected AppointmentRepository createAppointmentRepository() {
            return store.appointments();
        }

        @Override
        protected TestData testData() {
            return InMemoryAdaptersContractTest.this.testData();
        }
    }

    @Nested
    class Voice extends VoiceRepositoriesContract<VoiceSettingsRepository, CallLogRepository> {
        @Override
        protected VoiceSettingsRepository createVoiceSettingsRepository() {
            return store.voiceSettings();
        }

        @Override
        protected CallLogRepository createCallLogRepository() {
            return store.callLog();
        }

        @Override
        protected TestData testData() {
            return InMemoryAdaptersContractTest.this.testData();
        }
    }

    @Nested
    class Analytics extends AnalyticsRepositoryContract<AnalyticsRepository, CallLogRepository> {
        @Override
        protected AnalyticsRepository createAnalyticsRepository() {
            return store.analytics();
        }

        @Override
        protected CallLogRepository createCallLogRepository() {
            return store.callLog();
        }

        @Override
        protected TestData testData() {
            return InMemoryAdaptersContractTest.this.testData();
        }
    }

    @Nested
    class Transactions extends TransactionsContract<TransactionRunner, AppointmentRepository> {
        @Override
        protected TransactionRunner createTransactionRunner() {
            return store.transactions();
        }

        @Override
        protected AppointmentRepository createAppointmentRepository() {
            return store.appointments();
        }

        @Override
        protected TestData testData() {
            return InMemoryAdaptersContractTest.this.testData();
        }
    }
}
