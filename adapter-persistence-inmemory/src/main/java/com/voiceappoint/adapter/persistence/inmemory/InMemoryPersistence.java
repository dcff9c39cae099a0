package com.voiceappoint.adapter.persistence.inmemory;

import com.voiceappoint.application.port.out.AnalyticsRepository;
import com.voiceappoint.application.port.out.AppointmentRepository;
import com.voiceappoint.application.port.out.BookingOutcomePublisher;
import com.voiceappoint.application.port.out.BusinessRepository;
import com.voiceappoint.application.port.out.CallLogRepository;
import com.voiceappoint.application.port.out.CategoryRepository;
import com.voiceappoint.application.port.out.ClientRepository;
import com.voiceappoint.application.port.out.InvitationRepository;
import com.voiceappoint.application.port.out.MembershipRepository;
import com.voiceappoint.application.port.out.OutboundPorts;
import com.voiceappoint.application.port.out.PasswordHasher;
import com.voiceappoint.application.port.out.ProviderRepository;
import com.voiceappoint.application.port.out.ScheduleRepository;
import com.voiceappoint.application.port.out.ServiceRepository;
import com.voiceappoint.application.port.out.SessionRepository;
import com.voiceappoint.application.port.out.TransactionRunner;
import com.voiceappoint.application.port.out.UserRepository;
import com.voiceappoint.application.port.out.VoicePlatformGateway;
import com.voiceappoint.application.port.out.VoiceSettingsRepository;

/**
 * Every store the application needs, in this process's memory: the in-memory counterpart of {@code
 * PostgresPersistence}, for an embedder that keeps nothing across restarts (a demo, a test, a single-process tool).
 * The stores keep the database's promises: a failed transaction leaves nothing behind in any of them, transactions
 * run one at a time, two live appointments of one provider never overlap, and unique keys stay unique.
 */
public final class InMemoryPersistence {
    private final InMemoryTransactionRunner transactions = new InMemoryTransactionRunner();
    private final UserRepository users;
    private final SessionRepository sessions;
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

    private InMemoryPersistence() {
        InMemoryServiceRepository serviceStore = new InMemoryServiceRepository(transactions);
        InMemoryCallLogRepository callStore = new InMemoryCallLogRepository(transactions);
        InMemoryAppointmentRepository appointmentStore = new InMemoryAppointmentRepository(transactions);
        users = transactions.port(UserRepository.class, new InMemoryUserRepository(transactions));
        sessions = transactions.port(SessionRepository.class, new InMemorySessionRepository(transactions));
        businesses = transactions.port(BusinessRepository.class, new InMemoryBusinessRepository(transactions));
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
    }

    /** Empty stores, sharing one transaction runner. */
    public static InMemoryPersistence create() {
        return new InMemoryPersistence();
    }

    public TransactionRunner transactions() {
        return transactions;
    }

    public UserRepository users() {
        return users;
    }

    public SessionRepository sessions() {
        return sessions;
    }

    public BusinessRepository businesses() {
        return businesses;
    }

    public MembershipRepository memberships() {
        return memberships;
    }

    public InvitationRepository invitations() {
        return invitations;
    }

    public ProviderRepository providers() {
        return providers;
    }

    public ServiceRepository services() {
        return services;
    }

    public CategoryRepository categories() {
        return categories;
    }

    public ScheduleRepository schedules() {
        return schedules;
    }

    public ClientRepository clients() {
        return clients;
    }

    public AppointmentRepository appointments() {
        return appointments;
    }

    public VoiceSettingsRepository voiceSettings() {
        return voiceSettings;
    }

    public CallLogRepository callLog() {
        return callLog;
    }

    public AnalyticsRepository analytics() {
        return analytics;
    }

    /** Every outbound port: the stores here, and the password hasher the caller brings. */
    public OutboundPorts ports(PasswordHasher passwordHasher) {
        return ports(passwordHasher, VoicePlatformGateway.NOT_CONFIGURED, BookingOutcomePublisher.NONE);
    }

    /** The stores here, with the password hasher, the voice platform and the booking listener of others. */
    public OutboundPorts ports(
            PasswordHasher passwordHasher,
            VoicePlatformGateway voicePlatform,
            BookingOutcomePublisher bookingOutcomes) {
        return new OutboundPorts(
                transactions,
                users,
                sessions,
                businesses,
                memberships,
                invitations,
                providers,
                services,
                categories,
                schedules,
                clients,
                appointments,
                voiceSettings,
                callLog,
                voicePlatform,
                analytics,
                passwordHasher,
                bookingOutcomes);
    }
}
