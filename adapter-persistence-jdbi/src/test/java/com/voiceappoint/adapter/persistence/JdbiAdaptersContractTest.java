package com.voiceappoint.adapter.persistence;

import com.voiceappoint.application.fakes.FakePasswordHasher;
import com.voiceappoint.application.port.out.AnalyticsRepository;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.CallLogRepository;
import com.voiceappoint.application.port.out.CategoryRepository;
import com.voiceappoint.application.port.out.ClientRepository;
import com.voiceappoint.application.port.out.InvitationRepository;
import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.application.port.out.OutboundPorts;
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
import org.junit.jupiter.api.extension.RegisterExtension;

/** The JDBI adapters pass, against a real PostgreSQL, the same contracts as the in-memory stores. */
class JdbiAdaptersContractTest {
    @RegisterExtension
    static final TestPostgres postgres = new TestPostgres();

    private final OutboundPorts ports = postgres.persistence().ports(new FakePasswordHasher());

    private TestData testData() {
        return TestData.of(ports);
    }

    @Nested
    class Accounts
            extends AccountRepositoriesContract<
                    UserRepository, BusinessRepository, MembershipRepository, InvitationRepository> {
        @Override
        protected UserRepository createUserRepository() {
            return ports.users();
        }

        @Override
        protected BusinessRepository createBusinessRepository() {
            return ports.businesses();
        }

        @Override
        protected MembershipRepository createMembershipRepository() {
            return ports.memberships();
        }

        @Override
        protected InvitationRepository createInvitationRepository() {
            return ports.invitations();
        }

        @Override
        protected TestData testData() {
            return JdbiAdaptersContractTest.this.testData();
        }
    }

    @Nested
    class CatalogAndSchedule
            extends CatalogAndScheduleContract<
                    ProviderRepository, ServiceRepository, CategoryRepository, ScheduleRepository> {
        @Override
        protected ProviderRepository createProviderRepository() {
            return ports.providers();
        }

        @Override
        protected ServiceRepository createServiceRepository() {
            return ports.services();
        }

        @Override
        protected CategoryRepository createCategoryRepository() {
            return ports.categories();
        }

        @Override
        protected ScheduleRepository createScheduleRepository() {
            return ports.schedules();
        }

        @Override
        protected TestData testData() {
            return JdbiAdaptersContractTest.this.testData();
        }
    }

    @Nested
    class Clients extends ClientRepositoryContract<ClientRepository> {
        @Override
        protected ClientRepository createClientRepository() {
            return ports.clients();
        }

        @Override
        protected TestData testData() {
            return JdbiAdaptersContractTest.this.testData();
        }
    }

    @Nested
    class Sessions extends SessionRepositoryContract<SessionRepository> {
        @Override
        protected SessionRepository createSessionRepository() {
            return ports.sessions();
        }

        @Override
        protected TestData testData() {
            return JdbiAdaptersContractTest.this.testData();
        }
    }

    @Nested
    class Appointments extends AppointmentRepositoryContract<AppointmentRepository> {
        @Override
        protected AppointmentRepository createAppointmentRepository() {
            return ports.appointments();
        }

        @Override
        protected TestData testData() {
            return JdbiAdaptersContractTest.this.testData();
        }
    }

    @Nested
    class Voice extends VoiceRepositoriesContract<VoiceSettingsRepository, CallLogRepository> {
        @Override
        protected VoiceSettingsRepository createVoiceSettingsRepository() {
            return ports.voiceSettings();
        }

        @Override
        protected CallLogRepository createCallLogRepository() {
            return ports.callLog();
        }

        @Override
        protected TestData testData() {
            return JdbiAdaptersContractTest.this.testData();
        }
    }

    @Nested
    class Analytics extends AnalyticsRepositoryContract<AnalyticsRepository, CallLogRepository> {
        @Override
        protected AnalyticsRepository createAnalyticsRepository() {
            return ports.analytics();
        }

        @Override
        protected CallLogRepository createCallLogRepository() {
            return ports.callLog();
        }

        @Override
        protected TestData testData() {
            return JdbiAdaptersContractTest.this.testData();
        }
    }

    @Nested
    class Transactions extends TransactionsContract<TransactionRunner, AppointmentRepository> {
        @Override
        protected TransactionRunner createTransactionRunner() {
            return ports.transactions();
        }

        @Override
        protected AppointmentRepository createAppointmentRepository() {
            return ports.appointments();
        }

        @Override
        protected TestData testData() {
            return JdbiAdaptersContractTest.this.testData();
        }
    }
}
