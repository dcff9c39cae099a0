package com.voiceappoint.adapter.inmemory;

import com.voiceappoint.application.port.out.AnalyticsRepository;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.BillingRepository;
import com.voiceappoint.application.port.out.BusinessEventStore;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.CallLogRepository;
import com.voiceappoint.application.port.out.CategoryRepository;
import com.voiceappoint.application.port.out.ClientRepository;
import com.voiceappoint.application.port.out.DataStore;
import com.voiceappoint.application.port.out.InvitationRepository;
import com.voiceappoint.application.port.out.LogoStore;
import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.application.port.out.NotificationStore;
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
import com.voiceappoint.domain.notification.Notification;
import java.time.Instant;
import java.util.List;

/**
 * Every store the application needs, in this process's memory: the in-memory counterpart of {@code
 * PostgresPersistence}, for an embedder that keeps nothing across restarts (a demo, a test, a single-process tool).
 * The stores keep the database's promises: a failed transaction leaves nothing behind in any of them, transactions
 * run one at a time, two live appointments of one provider never overlap, and unique keys stay unique.
 */
public final class InMemoryPersistence implements DataStore {
    private final InMemoryTransactionRunner transactions = new InMemoryTransactionRunner();
    private final UserRepository users;
    private final SessionRepository sessions;
    private final PasswordResetStore passwordResets;
    private final BusinessRepository businesses;
    private final MembershipRepository memberships;
    private final InvitationRepository invitations;
    private final ProviderRepository providers;
    private final ServiceRepository services;
    private final CategoryRepository categories;
    private final ScheduleRepository schedules;
    private final ClientRepository clients;
    private final AppointmentRepository appointments;
    private final VoiceSettingsRepository voiceSettings;
    private final CallLogRepository callLog;
    private final AnalyticsRepository analytics;
    private final InMemoryNotificationStore notificationStore;
    private final NotificationStore notifications;
    private final BusinessEventStore events;
    private final LogoStore logos;
    private final PlatformRepository platform;
    private final PaymentRepository payments;
    private final BillingRepository billing;

    private InMemoryPersistence() {
        InMemoryServiceRepository serviceStore = new InMemoryServiceRepository(transactions);
        InMemoryCallLogRepository callStore = new InMemoryCallLogRepository(transactions);
        InMemoryAppointmentRepository appointmentStore = new InMemoryAppointmentRepository(transactions);
        users = transactions.port(UserRepository.class, new InMemoryUserRepository(transactions));
        sessions = transactions.port(SessionRepository.class, new InMemorySessionRepository(transactions));
        passwordResets = transactions.port(PasswordResetStore.class, new InMemoryPasswordResetStore(transactions));
        InMemoryBusinessRepository businessStore = new InMemoryBusinessRepository(transactions);
        businesses = transactions.port(BusinessRepository.class, businessStore);
        memberships = transactions.port(
                MembershipRepository.class, new InMemoryMembershipRepository(transactions, businesses));
        invitations = transactions.port(
                InvitationRepository.class, new InMemoryInvitationRepository(transactions, businesses));
        providers = transactions.port(ProviderRepository.class, new InMemoryProviderRepository(transactions));
        services = transactions.port(ServiceRepository.class, serviceStore);
        categories =
                transactions.port(CategoryRepository.class, new InMemoryCategoryRepository(transactions, serviceStore));
        schedules = transactions.port(ScheduleRepository.class, new InMemoryScheduleRepository(transactions));
        clients = transactions.port(ClientRepository.class, new InMemoryClientRepository(transactions));
        appointments = transactions.port(AppointmentRepository.class, appointmentStore);
        voiceSettings =
                transactions.port(VoiceSettingsRepository.class, new InMemoryVoiceSettingsRepository(transactions));
        callLog = transactions.port(CallLogRepository.class, callStore);
        analytics = transactions.port(
                AnalyticsRepository.class, new InMemoryAnalyticsRepository(callStore, appointmentStore));
        notificationStore = new InMemoryNotificationStore(transactions);
        notifications = transactions.port(NotificationStore.class, notificationStore);
        events = transactions.port(BusinessEventStore.class, new InMemoryBusinessEventStore(transactions));
        logos = transactions.port(LogoStore.class, new InMemoryLogoStore(transactions));
        platform = transactions.port(
                PlatformRepository.class,
                new InMemoryPlatformRepository(
                        transactions, businessStore, memberships, services, appointmentStore, callStore));
        payments = transactions.port(PaymentRepository.class, new InMemoryPaymentRepository(transactions));
        billing = transactions.port(
                BillingRepository.class, new InMemoryBillingRepository(transactions, appointmentStore));
    }

    /** Empty stores, sharing one transaction runner. */
    public static InMemoryPersistence create() {
        return new InMemoryPersistence();
    }

    @Override
    public TransactionRunner transactions() {
        return transactions;
    }

    @Override
    public UserRepository users() {
        return users;
    }

    @Override
    public SessionRepository sessions() {
        return sessions;
    }

    @Override
    public PasswordResetStore passwordResets() {
        return passwordResets;
    }

    @Override
    public BusinessRepository businesses() {
        return businesses;
    }

    @Override
    public MembershipRepository memberships() {
        return memberships;
    }

    @Override
    public InvitationRepository invitations() {
        return invitations;
    }

    @Override
    public ProviderRepository providers() {
        return providers;
    }

    @Override
    public ServiceRepository services() {
        return services;
    }

    @Override
    public CategoryRepository categories() {
        return categories;
    }

    @Override
    public ScheduleRepository schedules() {
        return schedules;
    }

    @Override
    public ClientRepository clients() {
        return clients;
    }

    @Override
    public AppointmentRepository appointments() {
        return appointments;
    }

    @Override
    public VoiceSettingsRepository voiceSettings() {
        return voiceSettings;
    }

    @Override
    public CallLogRepository callLog() {
        return callLog;
    }

    @Override
    public AnalyticsRepository analytics() {
        return analytics;
    }

    @Override
    public NotificationStore notifications() {
        return notifications;
    }

    @Override
    public BusinessEventStore events() {
        return events;
    }

    @Override
    public LogoStore logos() {
        return logos;
    }

    @Override
    public PlatformRepository platform() {
        return platform;
    }

    @Override
    public PaymentRepository payments() {
        return payments;
    }

    @Override
    public BillingRepository billing() {
        return billing;
    }

    /**
     * The queued messages whose time has come, soonest first, as (business, message) pairs: an embedder without a
     * job runner hands each to {@code DeliverNotificationUseCase} on a timer of its own.
     */
    public List<Notification> dueNotifications(Instant now) {
        return transactions.inTransaction(() -> notificationStore.due(now));
    }
}
