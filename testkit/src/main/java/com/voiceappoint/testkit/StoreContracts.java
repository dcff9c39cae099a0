package com.voiceappoint.testkit;

import com.voiceappoint.application.port.out.AnalyticsRepository;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.BillingRepository;
import com.voiceappoint.application.port.out.BusinessEventStore;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.CallLogRepository;
import com.voiceappoint.application.port.out.CategoryRepository;
import com.voiceappoint.application.port.out.ClientRepository;
import com.voiceappoint.application.port.out.InvitationRepository;
import com.voiceappoint.application.port.out.LogoStore;
import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.port.out.PasswordResetStore;
import com.voiceappoint.application.port.out.PaymentRepository;
import com.voiceappoint.application.port.out.PlatformRepository;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.ScheduleRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.application.port.out.SessionRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.application.port.out.VoiceSettingsRepository;
import org.junit.jupiter.api.Nested;

/**
 * Every contract of this kit, for an adapter that implements all the store ports: each test gets the set {@link
 * #newPorts()} makes. An adapter of only some stores extends the contracts it needs instead.
 */
public abstract class StoreContracts {
    private OutboundPorts ports;

    /** A set of stores for one test, empty of other tests' rows or sharing a database with them. */
    protected abstract OutboundPorts newPorts();

    private OutboundPorts ports() {
        if (ports == null) {
            ports = newPorts();
        }
        return ports;
    }

    private TestData testData() {
        return TestData.of(ports());
    }

    @Nested
    public class Accounts
            extends AccountRepositoriesContract<
                    UserRepository, BusinessRepository, MembershipRepository, InvitationRepository> {
        @Override
        protected UserRepository createUserRepository() {
            return ports().users();
        }

        @Override
        protected BusinessRepository createBusinessRepository() {
            return ports().businesses();
        }

        @Override
        protected MembershipRepository createMembershipRepository() {
            return ports().memberships();
        }

        @Override
        protected InvitationRepository createInvitationRepository() {
            return ports().invitations();
        }

        @Override
        protected TestData testData() {
            return StoreContracts.this.testData();
        }
    }

    @Nested
    public class CatalogAndSchedule
            extends CatalogAndScheduleContract<
                    ProviderRepository, ServiceRepository, CategoryRepository, ScheduleRepository> {
        @Override
        protected ProviderRepository createProviderRepository() {
            return ports().providers();
        }

        @Override
        protected ServiceRepository createServiceRepository() {
            return ports().services();
        }

        @Override
        protected CategoryRepository createCategoryRepository() {
            return ports().categories();
        }

        @Override
        protected ScheduleRepository createScheduleRepository() {
            return ports().schedules();
        }

        @Override
        protected TestData testData() {
            return StoreContracts.this.testData();
        }
    }

    @Nested
    public class Clients extends ClientRepositoryContract<ClientRepository> {
        @Override
        protected ClientRepository createClientRepository() {
            return ports().clients();
        }

        @Override
        protected TestData testData() {
            return StoreContracts.this.testData();
        }
    }

    @Nested
    public class Sessions extends SessionRepositoryContract<SessionRepository> {
        @Override
        protected SessionRepository createSessionRepository() {
            return ports().sessions();
        }

        @Override
        protected TestData testData() {
            return StoreContracts.this.testData();
        }
    }

    @Nested
    public class PasswordResets extends PasswordResetStoreContract<PasswordResetStore> {
        @Override
        protected PasswordResetStore createPasswordResetStore() {
            return ports().passwordResets();
        }

        @Override
        protected TestData testData() {
            return StoreContracts.this.testData();
        }
    }

    @Nested
    public class Appointments extends AppointmentRepositoryContract<AppointmentRepository> {
        @Override
        protected AppointmentRepository createAppointmentRepository() {
            return ports().appointments();
        }

        @Override
        protected TestData testData() {
            return StoreContracts.this.testData();
        }
    }

    @Nested
    public class Voice extends VoiceRepositoriesContract<VoiceSettingsRepository, CallLogRepository> {
        @Override
        protected VoiceSettingsRepository createVoiceSettingsRepository() {
            return ports().voiceSettings();
        }

        @Override
        protected CallLogRepository createCallLogRepository() {
            return ports().callLog();
        }

        @Override
        protected TestData testData() {
            return StoreContracts.this.testData();
        }
    }

    @Nested
    public class Analytics extends AnalyticsRepositoryContract<AnalyticsRepository, CallLogRepository> {
        @Override
        protected AnalyticsRepository createAnalyticsRepository() {
            return ports().analytics();
        }

        @Override
        protected CallLogRepository createCallLogRepository() {
            return ports().callLog();
        }

        @Override
        protected TestData testData() {
            return StoreContracts.this.testData();
        }
    }

    @Nested
    public class Events extends BusinessEventStoreContract<BusinessEventStore, TransactionRunner> {
        @Override
        protected BusinessEventStore createBusinessEventStore() {
            return ports().events();
        }

        @Override
        protected TransactionRunner createTransactionRunner() {
            return ports().transactions();
        }

        @Override
        protected TestData testData() {
            return StoreContracts.this.testData();
        }
    }

    @Nested
    public class Transactions extends TransactionsContract<TransactionRunner, AppointmentRepository> {
        @Override
        protected TransactionRunner createTransactionRunner() {
            return ports().transactions();
        }

        @Override
        protected AppointmentRepository createAppointmentRepository() {
            return ports().appointments();
        }

        @Override
        protected TestData testData() {
            return StoreContracts.this.testData();
        }
    }

    @Nested
    public class Logos extends LogoStoreContract<LogoStore> {
        @Override
        protected LogoStore createLogoStore() {
            return ports().logos();
        }

        @Override
        protected TestData testData() {
            return StoreContracts.this.testData();
        }
    }

    @Nested
    public class Platform extends PlatformRepositoryContract<PlatformRepository, CallLogRepository> {
        @Override
        protected PlatformRepository createPlatformRepository() {
            return ports().platform();
        }

        @Override
        protected CallLogRepository createCallLogRepository() {
            return ports().callLog();
        }

        @Override
        protected TestData testData() {
            return StoreContracts.this.testData();
        }
    }

    @Nested
    public class Payments extends PaymentRepositoryContract<PaymentRepository> {
        @Override
        protected PaymentRepository createPaymentRepository() {
            return ports().payments().store();
        }

        @Override
        protected TestData testData() {
            return StoreContracts.this.testData();
        }
    }

    @Nested
    public class Billing extends BillingRepositoryContract<BillingRepository> {
        @Override
        protected BillingRepository createBillingRepository() {
            return ports().billing().store();
        }

        @Override
        protected TestData testData() {
            return StoreContracts.this.testData();
        }
    }
}
