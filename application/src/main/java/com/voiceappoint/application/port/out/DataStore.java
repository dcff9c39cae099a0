package com.voiceappoint.application.port.out;

import com.voiceappoint.domain.billing.Plans;
import java.util.Optional;

/**
 * Every store port one persistence adapter provides, sharing its transactions: what an embedder chooses at start-up
 * (PostgreSQL, memory), completed into the whole set of outbound ports with the ports that are not stores.
 */
public interface DataStore {
    TransactionRunner transactions();

    UserRepository users();

    SessionRepository sessions();

    PasswordResetStore passwordResets();

    BusinessRepository businesses();

    MembershipRepository memberships();

    InvitationRepository invitations();

    ProviderRepository providers();

    ServiceRepository services();

    CategoryRepository categories();

    ScheduleRepository schedules();

    ClientRepository clients();

    AppointmentRepository appointments();

    VoiceSettingsRepository voiceSettings();

    CallLogRepository callLog();

    AnalyticsRepository analytics();

    /** The messages planned for appointments, and their delivery log. */
    NotificationStore notifications();

    /** Each business's events, kept for the live streams. */
    BusinessEventStore events();

    /** Each business's logo. */
    LogoStore logos();

    /** The platform's operators, and what they see and do across businesses. */
    PlatformRepository platform();

    /** Clients' payments and refunds, and how each business takes them. */
    PaymentRepository payments();

    /** The plan each business is on, and its subscription to it. */
    BillingRepository billing();

    /** These stores with a password hasher, no voice platform, nobody told of booking outcomes, no messages sent. */
    default OutboundPorts ports(PasswordHasher passwordHasher) {
        return ports(passwordHasher, VoicePlatformGateway.NOT_CONFIGURED, BookingOutcomePublisher.NONE);
    }

    /**
     * These stores with the password hasher, the voice platform and the booking listener of others; no messages are
     * planned until {@link OutboundPorts#sendingMessages} is given channels for them.
     */
    default OutboundPorts ports(
            PasswordHasher passwordHasher,
            VoicePlatformGateway voicePlatform,
            BookingOutcomePublisher bookingOutcomes) {
        return ports(passwordHasher, voicePlatform, bookingOutcomes, NotificationPorts.NONE);
    }

    private OutboundPorts ports(
            PasswordHasher passwordHasher,
            VoicePlatformGateway voicePlatform,
            BookingOutcomePublisher bookingOutcomes,
            NotificationPorts notifications) {
        return new OutboundPorts(
                transactions(),
                users(),
                sessions(),
                passwordResets(),
                businesses(),
                memberships(),
                invitations(),
                providers(),
                services(),
                categories(),
                schedules(),
                clients(),
                appointments(),
                voiceSettings(),
                callLog(),
                voicePlatform,
                analytics(),
                passwordHasher,
                bookingOutcomes,
                notifications,
                events(),
                LiveEventPublisher.ALONE,
                logos(),
                platform(),
                new PaymentPorts(payments(), PaymentGateway.NOT_CONFIGURED, Optional.empty(), 0),
                new BillingPorts(billing(), PaymentGateway.NOT_CONFIGURED, Plans.UNLIMITED, Optional.empty()));
    }
}
