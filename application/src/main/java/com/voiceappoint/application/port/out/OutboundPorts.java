package com.voiceappoint.application.port.out;

import java.util.Objects;

/** Every outbound port the interactors need: what an adapter set (or the in-memory fakes) must provide. */
public record OutboundPorts(
        TransactionRunner transactions,
        UserRepository users,
        SessionRepository sessions,
        BusinessRepository businesses,
        MembershipRepository memberships,
        InvitationRepository invitations,
        ProviderRepository providers,
        ServiceRepository services,
        CategoryRepository categories,
        ScheduleRepository schedules,
        ClientRepository clients,
        AppointmentRepository appointments,
        VoiceSettingsRepository voiceSettings,
        CallLogRepository callLog,
        VoicePlatformGateway voicePlatform,
        AnalyticsRepository analytics,
        PasswordHasher passwordHasher,
        BookingOutcomePublisher bookingOutcomes) {
    public OutboundPorts {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(businesses, "businesses");
        Objects.requireNonNull(memberships, "memberships");
        Objects.requireNonNull(invitations, "invitations");
        Objects.requireNonNull(providers, "providers");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(categories, "categories");
        Objects.requireNonNull(schedules, "schedules");
        Objects.requireNonNull(clients, "clients");
        Objects.requireNonNull(appointments, "appointments");
        Objects.requireNonNull(voiceSettings, "voiceSettings");
        Objects.requireNonNull(callLog, "callLog");
        Objects.requireNonNull(voicePlatform, "voicePlatform");
        Objects.requireNonNull(analytics, "analytics");
        Objects.requireNonNull(passwordHasher, "passwordHasher");
        Objects.requireNonNull(bookingOutcomes, "bookingOutcomes");
    }

    /** Those of them booking needs. */
    public BookingPorts booking() {
        return new BookingPorts(
                transactions, businesses, memberships, services, providers, schedules, clients, appointments);
    }
}
